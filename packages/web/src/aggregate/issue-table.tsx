import type { ReportIssue, UnitStatus } from '@jianshen/aggregator';
import type { Lang } from '@jianshen/schema';
import { useState } from 'preact/hooks';
import type { IssuePlace } from './aggregate-api.js';
import { type AggregateTextKey, aggregateSays } from './aggregate-text.js';

// A table of thousands of rows makes the page slow to scroll and to read; the full list is a download.
const shownAtMost = 500;

export interface IssueTableProps {
  lang: Lang;
  issues: readonly ReportIssue[];
  statuses: readonly UnitStatus[];
  /** Each issue's column label, by issue index. */
  columnLabels: readonly string[];
  /** Paths the page can read again (a row can be shown). */
  readable: ReadonlySet<string>;
  chosen: IssuePlace | undefined;
  onChoose: (place: IssuePlace) => void;
}

type Severity = 'all' | 'error' | 'warning';

/** 问题清单: file, sheet, row, column, message, level; filtered by unit and level. */
export function IssueTable(props: IssueTableProps) {
  const { lang, issues, statuses } = props;
  const say = (key: AggregateTextKey, values?: Record<string, string | number>) =>
    aggregateSays(lang, key, values);
  const [unit, setUnit] = useState('');
  const [severity, setSeverity] = useState<Severity>('all');
  const units = statuses.filter((status) => status.files.length > 0);
  const unitFiles = new Set(units.find((status) => status.unit === unit)?.files ?? []);
  const filtered = issues
    .map((issue, index) => ({ issue, index }))
    .filter(
      ({ issue }) =>
        (unit === '' || unitFiles.has(issue.path)) && (severity === 'all' || issue.severity === severity),
    );
  const shown = filtered.slice(0, shownAtMost);
  return (
    <div class="issue-list">
      <div class="filters">
        <label>
          {say('filterUnit')}
          <select value={unit} onChange={(event) => setUnit(event.currentTarget.value)}>
            <option value="">{say('allUnits')}</option>
            {units.map((status) => (
              <option key={status.unit} value={status.unit}>
                {status.unit}
              </option>
            ))}
          </select>
        </label>
        <label>
          {say('filterSeverity')}
          <select value={severity} onChange={(event) => setSeverity(event.currentTarget.value as Severity)}>
            <option value="all">{say('allSeverities')}</option>
            <option value="error">{say('severityError')}</option>
            <option value="warning">{say('severityWarning')}</option>
          </select>
        </label>
      </div>
      <div class="table-scroll">
        <table class="issue-table">
          <caption>{say('issuesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{say('file')}</th>
              <th scope="col">{say('sheet')}</th>
              <th scope="col">{say('row')}</th>
              <th scope="col">{say('field')}</th>
              <th scope="col">{say('message')}</th>
              <th scope="col">{say('level')}</th>
              <th scope="col">
                <span class="visually-hidden">{say('show')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ issue, index }) => (
              <IssueRow key={index} issue={issue} column={props.columnLabels[index] ?? ''} {...props} />
            ))}
          </tbody>
        </table>
      </div>
      {filtered.length === 0 ? <p>{say('noIssues')}</p> : null}
      {filtered.length > shown.length ? (
        <p class="muted">{say('shownIssues', { shown: shown.length, total: filtered.length })}</p>
      ) : null}
    </div>
  );
}

function IssueRow({
  issue,
  column,
  lang,
  readable,
  chosen,
  onChoose,
}: IssueTableProps & { issue: ReportIssue; column: string }) {
  const say = (key: AggregateTextKey, values?: Record<string, string | number>) =>
    aggregateSays(lang, key, values);
  const place: IssuePlace | undefined =
    issue.row !== undefined && readable.has(issue.path)
      ? {
          path: issue.path,
          row: issue.row,
          ...(issue.sheet !== undefined ? { sheet: issue.sheet } : {}),
          ...(issue.field !== undefined ? { field: issue.field } : {}),
        }
      : undefined;
  const isChosen =
    place !== undefined &&
    chosen?.path === place.path &&
    chosen.sheet === place.sheet &&
    chosen.row === place.row &&
    chosen.field === place.field;
  return (
    <tr class={isChosen ? 'chosen' : undefined} data-severity={issue.severity}>
      <td>{issue.path}</td>
      <td>{issue.sheet ?? ''}</td>
      <td class="number">{issue.row ?? ''}</td>
      <td>{column}</td>
      <td class="message">{shownMessage(issue.message, lang)}</td>
      <td>
        <span class={`severity severity-${issue.severity}`}>
          {say(issue.severity === 'error' ? 'severityError' : 'severityWarning')}
        </span>
      </td>
      <td>
        {place ? (
          <button
            type="button"
            class="button-small"
            aria-pressed={isChosen}
            aria-label={say('showRow', { path: issue.path, row: place.row })}
            onClick={() => onChoose(place)}
          >
            {say('show')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}

// A message quoting a whole cell may be 32,767 characters long: the table shows its start, the
// downloads have it whole.
const messageShownAtMost = 400;

function shownMessage(message: string, lang: Lang): string {
  if (message.length <= messageShownAtMost) return message;
  return `${message.slice(0, messageShownAtMost)}${aggregateSays(lang, 'messageCut', { length: message.length })}`;
}
