// First, before any schema is built: no eval under the page's CSP (the build also adds it).
import '../shell/zod-without-eval.js';
import { renderNotice } from '@jianshen/notice';
import { resolveCampaign } from '@jianshen/plugin-kit';
import { CampaignError } from '@jianshen/schema';
import { renderTemplateDocx, renderTemplateXlsx } from '@jianshen/template';
import { expose, transfer } from 'comlink';
import type { DocumentRequest, DocumentResult, DocumentsApi } from '../campaign/documents-api.js';
import { loadBrowserPlugin } from '../plugins/first-party-plugins.js';

/**
 * The documents worker: docx and exceljs live here only, so the page paints without them and
 * stays responsive while a document is made. The campaign arrives as plain data and is resolved
 * here with the same browser plugin loader the page uses.
 */
async function render(request: DocumentRequest): Promise<DocumentResult> {
  const { lang } = request;
  try {
    const campaign = await resolveCampaign(request.campaign, { loadPlugin: loadBrowserPlugin });
    const bytes =
      request.kind === 'notice'
        ? await renderNotice(campaign, { lang })
        : request.kind === 'template-xlsx'
          ? await renderTemplateXlsx(campaign, { lang })
          : await renderTemplateDocx(campaign, { lang });
    // Handed over, not copied: a notice is a few hundred KiB.
    return transfer({ ok: true, bytes }, [bytes.buffer]);
  } catch (error) {
    if (error instanceof CampaignError) return { ok: false, issues: error.issues };
    throw error;
  }
}

expose({ render } satisfies DocumentsApi);
