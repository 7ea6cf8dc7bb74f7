import type { PreviewRow, RowPreviewOutcome } from '@jianshen/aggregator';
import { type Lang, renderMessage } from '@jianshen/schema';
import type { IssuePlace } from './aggregate-api.js';
import { aggregateSays } from './aggregate-text.js';

export type PreviewState =
  | { state: 'loading'; place: IssuePlace }
  | { state: 'shown'; place: IssuePlace; outcome: RowPreviewOutcome }
  | { state: 'failed'; place: IssuePlace; reason: string };

function Cells({
  row,
  count,
  marked,
  header,
}: {
  row: PreviewRow;
  count: number;
  marked: readonly number[];
  header: boolean;
}) {
  return (
    <>
      {Array.from({ length: count }, (_, column) => {
        const text = row.cells[column] ?? '';
        // A blank cell of a two-row header heads nothing: a plain cell, not an empty header.
        if (header) return text === '' ? <td /> : <th scope="col">{text}</th>;
        return marked.includes(column) ? (
          <td class="marked">
            <mark>{text === '' ? '\u00a0' : text}</mark>
          </td>
        ) : (
          <td>{text}</td>
        );
      })}
    </>
  );
}

/** The submission's row an issue points at, under its header, with the bad cell marked. */
export function RowPreviewView({ lang, preview }: { lang: Lang; preview: PreviewState }) {
  const { place } = preview;
  const heading = aggregateSays(lang, 'previewHeading', {
    path: place.path,
    sheet: place.sheet ?? '',
    row: place.row,
  });
  if (preview.state === 'loading')
    return (
      <section class="row-preview" aria-live="polite">
        <h3>{heading}</h3>
        <p>{aggregateSays(lang, 'previewLoading')}</p>
      </section>
    );
  const outcome = preview.state === 'shown' ? preview.outcome : undefined;
  if (!outcome?.ok) {
    const reason =
      preview.state === 'failed'
        ? preview.reason
        : outcome && !outcome.ok
          ? renderMessage(outcome, lang)
          : '';
    return (
      <section class="row-preview" aria-live="polite">
        <h3>{heading}</h3>
        <p class="summary-error">{aggregateSays(lang, 'previewFailed', { reason })}</p>
      </section>
    );
  }
  const count = Math.max(outcome.columnCount, 1);
  return (
    <section class="row-preview" aria-live="polite">
      <h3>{heading}</h3>
      <p class="muted">{aggregateSays(lang, 'previewHint')}</p>
      <div class="table-scroll">
        <table class="preview-table">
          <caption>{aggregateSays(lang, 'previewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" class="row-number">
                <span class="visually-hidden">{aggregateSays(lang, 'rowNumber')}</span>
              </th>
              {Array.from({ length: count }, (_, column) => (
                <th scope="col" class="column-letter">
                  {outcome.columnLetters[column] ?? ''}
                </th>
              ))}
            </tr>
            {outcome.header.map((row) => (
              <tr key={`h${row.row}`}>
                <th scope="row" class="row-number">
                  {row.row}
                </th>
                <Cells row={row} count={count} marked={[]} header={true} />
              </tr>
            ))}
          </thead>
          <tbody>
            {outcome.rows.map((row) => (
              <tr key={row.row} class={row.row === outcome.row ? 'target' : undefined}>
                <th scope="row" class="row-number">
                  {row.row}
                </th>
                <Cells
                  row={row}
                  count={count}
                  marked={row.row === outcome.row ? outcome.marked : []}
                  header={false}
                />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
