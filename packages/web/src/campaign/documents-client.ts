import { type Remote, wrap } from 'comlink';
import type { DocumentRequest, DocumentResult, DocumentsApi } from './documents-api.js';

let documents: Promise<Remote<DocumentsApi>> | undefined;

/**
 * The documents worker, started on the first document request: until then neither its code
 * (docx, exceljs) is evaluated nor a thread started. A classic worker from an inlined blob:
 * module workers from blob: fail on a file:// page in Chromium.
 */
function documentsWorker(): Promise<Remote<DocumentsApi>> {
  documents ??= import('../workers/documents.worker.ts?worker&inline').then(({ default: Worker }) =>
    wrap<DocumentsApi>(new Worker({ name: 'jianshen-documents' })),
  );
  return documents;
}

/** Makes one document in the worker; campaign problems come back as issues. */
export async function renderDocument(request: DocumentRequest): Promise<DocumentResult> {
  const worker = await documentsWorker();
  return worker.render(request);
}
