import type { Lang } from '@jianshen/schema';
import { useState } from 'preact/hooks';
import { saveFile } from '../campaign/save-file.js';
import type { DownloadFile, DownloadKind } from './aggregate-api.js';
import { type AggregateTextKey, aggregateSays } from './aggregate-text.js';

const buttons: readonly { kind: DownloadKind; label: AggregateTextKey }[] = [
  { kind: 'workbook', label: 'downloadWorkbook' },
  { kind: 'issues-xlsx', label: 'downloadIssues' },
  { kind: 'report-json', label: 'downloadReport' },
  { kind: 'returns', label: 'downloadReturns' },
];

type Status =
  | { state: 'idle' }
  | { state: 'making'; kind: DownloadKind }
  | { state: 'made'; name: string; cuts: number }
  | { state: 'failed'; reason: string };

export interface DownloadButtonsProps {
  lang: Lang;
  /** Makes one output in the worker (rejects when the worker stopped). */
  make: (kind: DownloadKind) => Promise<DownloadFile>;
}

/** The outputs of the last aggregation, each made in the worker when asked for and saved as a download. */
export function DownloadButtons({ lang, make }: DownloadButtonsProps) {
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const save = async (kind: DownloadKind) => {
    setStatus({ state: 'making', kind });
    try {
      const file = await make(kind);
      saveFile(file.bytes, file.name, file.type);
      setStatus({ state: 'made', name: file.name, cuts: file.cuts.length });
    } catch (error) {
      setStatus({ state: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };
  const label = (key: AggregateTextKey) => aggregateSays(lang, key);
  return (
    <section class="downloads" aria-labelledby="aggregate-downloads">
      <h3 id="aggregate-downloads">{label('downloads')}</h3>
      <div class="button-row">
        {buttons.map(({ kind, label: key }) => (
          <button
            key={kind}
            type="button"
            class={kind === 'workbook' ? 'button-primary' : 'button'}
            disabled={status.state === 'making'}
            onClick={() => void save(kind)}
          >
            {label(key)}
          </button>
        ))}
      </div>
      <p class="muted">{label('downloadsHint')}</p>
      <div aria-live="polite">
        {status.state === 'making' ? (
          <p>
            {aggregateSays(lang, 'making', {
              name: label(buttons.find((button) => button.kind === status.kind)?.label ?? 'downloads'),
            })}
          </p>
        ) : null}
        {status.state === 'made' ? <Made lang={lang} name={status.name} cuts={status.cuts} /> : null}
        {status.state === 'failed' ? (
          <p class="summary-error">{aggregateSays(lang, 'downloadFailed', { reason: status.reason })}</p>
        ) : null}
      </div>
    </section>
  );
}

/** A download made; cells it cut to Excel's limit are said at once (they join the issue table). */
function Made({ lang, name, cuts }: { lang: Lang; name: string; cuts: number }) {
  if (cuts === 0) return <p>{aggregateSays(lang, 'made', { name })}</p>;
  return <p class="notice-box">{aggregateSays(lang, 'madeWithCuts', { name, count: cuts })}</p>;
}
