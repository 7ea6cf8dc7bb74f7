import { type UnitStatus, unitStatusLabels } from '@jianshen/aggregator';
import type { Lang } from '@jianshen/schema';
import { aggregateSays } from './aggregate-text.js';

function statusText(status: UnitStatus, lang: Lang): string {
  const label = unitStatusLabels[status.status][lang];
  // A unit with errors that was also late says both: the clerk asks for a corrected, earlier file.
  if (status.status === 'errors' && status.late)
    return `${label}${aggregateSays(lang, 'listSeparator')}${unitStatusLabels.late[lang]}${aggregateSays(lang, 'lateOn', { date: status.lateOn ?? '' })}`;
  if (status.status === 'late')
    return `${label}${aggregateSays(lang, 'lateOn', { date: status.lateOn ?? '' })}`;
  return label;
}

/** 各单位报送情况: one row per expected unit, then the other units that sent files. */
export function UnitTable({ lang, statuses }: { lang: Lang; statuses: readonly UnitStatus[] }) {
  const say = (key: Parameters<typeof aggregateSays>[1]) => aggregateSays(lang, key);
  return (
    <div class="table-scroll">
      <table class="unit-table">
        <caption>{say('unitsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{say('unit')}</th>
            <th scope="col">{say('status')}</th>
            <th scope="col">{say('unitFiles')}</th>
            <th scope="col">{say('rowsAccepted')}</th>
            <th scope="col">{say('rowsRejected')}</th>
            <th scope="col">{say('errors')}</th>
            <th scope="col">{say('warnings')}</th>
          </tr>
        </thead>
        <tbody>
          {statuses.map((status) => (
            <tr key={status.unit} data-status={status.status}>
              <th scope="row">
                {status.unit}
                {status.expected ? null : <span class="muted">{say('notExpected')}</span>}
              </th>
              <td>
                <span class={`status status-${status.status}`}>{statusText(status, lang)}</span>
              </td>
              <td>{status.files.join('、')}</td>
              <td class="number">{status.rowsAccepted}</td>
              <td class="number">{status.rowsRejected}</td>
              <td class="number">{status.errors}</td>
              <td class="number">{status.warnings}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
