import type { CampaignInput, Issue, Lang } from '@jianshen/schema';

/** The documents the 活动 part makes; each is named as the CLI names it by default. */
export type DocumentKind = 'campaign-yaml' | 'notice' | 'template-xlsx' | 'template-docx';
/** The documents that need docx/exceljs, made in the documents worker. */
export type WorkerDocumentKind = Exclude<DocumentKind, 'campaign-yaml'>;

export const documentFiles: Readonly<Record<DocumentKind, { name: string; type: string }>> = {
  // `jianshen init` writes campaign.yaml; `jianshen notice` notice.docx; `jianshen template` template.xlsx.
  'campaign-yaml': { name: 'campaign.yaml', type: 'text/yaml;charset=utf-8' },
  notice: {
    name: 'notice.docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  'template-xlsx': {
    name: 'template.xlsx',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  'template-docx': {
    name: 'template.docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
};

export interface DocumentRequest {
  kind: WorkerDocumentKind;
  /** Plain data (plugins by name): functions cannot cross postMessage, so each side resolves it. */
  campaign: CampaignInput;
  lang: Lang;
}

/** Campaign problems come back as issues (a thrown error would lose them crossing postMessage). */
export type DocumentResult = { ok: true; bytes: Uint8Array } | { ok: false; issues: Issue[] };

/** What the documents worker exposes through comlink. */
export interface DocumentsApi {
  render(request: DocumentRequest): Promise<DocumentResult>;
}
