import { campaignYaml } from '@jianshen/plugin-kit';
import { type CampaignInput, type Lang, type RenderedIssue, renderIssue } from '@jianshen/schema';
import { useState } from 'preact/hooks';
import { campaignSays } from './campaign-text.js';
import { type DocumentKind, documentFiles, type WorkerDocumentKind } from './documents-api.js';
import { renderDocument } from './documents-client.js';
import { IssueList } from './form-field.js';
import { saveFile } from './save-file.js';

export interface DocumentButtonsProps {
  lang: Lang;
  /** The campaign as edited, for the YAML (plugin files kept: the CLI runs them). */
  input: CampaignInput;
  /** The campaign as the page runs it, for the documents. */
  runnable: CampaignInput;
  valid: boolean;
}

type Status =
  | { state: 'idle' }
  | { state: 'making' | 'made'; name: string }
  | { state: 'failed'; reason: string; issues?: readonly RenderedIssue[] };

/** Same path as `jianshen init`, so the downloaded file reads exactly as the CLI's. */
const schemaPath = './node_modules/@jianshen/schema/campaign.schema.json';

const buttons: readonly { kind: DocumentKind; label: Parameters<typeof campaignSays>[1] }[] = [
  { kind: 'campaign-yaml', label: 'downloadCampaign' },
  { kind: 'notice', label: 'downloadNotice' },
  { kind: 'template-xlsx', label: 'downloadTemplate' },
  { kind: 'template-docx', label: 'downloadTemplateDocx' },
];

/**
 * 下载: the commented campaign YAML (made here, it is small) and the documents (made in the
 * documents worker, which loads docx and exceljs on the first request).
 */
export function DocumentButtons({ lang, input, runnable, valid }: DocumentButtonsProps) {
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const busy = status.state === 'making';
  const make = async (kind: DocumentKind) => {
    const file = documentFiles[kind];
    if (kind === 'campaign-yaml') {
      saveFile(campaignYaml(input, { schemaPath }), file.name, file.type);
      setStatus({ state: 'made', name: file.name });
      return;
    }
    setStatus({ state: 'making', name: file.name });
    try {
      const result = await renderDocument({ kind: kind as WorkerDocumentKind, campaign: runnable, lang });
      if (result.ok) {
        saveFile(result.bytes, file.name, file.type);
        setStatus({ state: 'made', name: file.name });
      } else {
        setStatus({
          state: 'failed',
          reason: file.name,
          issues: result.issues.map((issue) => renderIssue(issue, lang)),
        });
      }
    } catch (error) {
      setStatus({ state: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div class="document-buttons">
      <div class="button-row">
        {buttons.map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            class={kind === 'notice' ? 'button-primary' : 'button'}
            // The YAML can be saved at any time (to finish editing later); documents need a valid campaign.
            disabled={kind !== 'campaign-yaml' && (!valid || busy)}
            onClick={() => void make(kind)}
          >
            {campaignSays(lang, label)}
          </button>
        ))}
      </div>
      <p class="field-hint">{campaignSays(lang, 'downloadsHint')}</p>
      <div class="document-status" aria-live="polite">
        {status.state === 'making' ? <p>{campaignSays(lang, 'making', { name: status.name })}</p> : null}
        {status.state === 'made' ? <p>{campaignSays(lang, 'made', { name: status.name })}</p> : null}
        {status.state === 'failed' ? (
          <div class="summary-error">
            <p>{campaignSays(lang, 'failed', { reason: status.reason })}</p>
            {status.issues ? <IssueList issues={status.issues} /> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
