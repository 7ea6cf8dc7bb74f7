import type { ActivityMode, DateRange, ResolvedField } from '@jianshen/schema';
import type { PreparedRow } from '../prepare/prepare-submission.js';
import type { RowSourceReport, UnnumberedRow } from '../report.js';

/** Keys of the campaign's plugin fields, in order: the report row holds them after `note`. */
export function pluginFieldKeys(fields: readonly Pick<ResolvedField, 'key' | 'source'>[]): string[] {
  return fields.filter((field) => field.source !== 'core').map((field) => field.key);
}

/** A row as the report shows it, but its `seq`: every field is known when the row is read. */
export function unnumberedRow(
  prepared: PreparedRow,
  source: RowSourceReport,
  pluginKeys: readonly string[],
): UnnumberedRow {
  const values = prepared.values;
  const date = values.date as DateRange;
  const row: UnnumberedRow = {
    organizer: String(values.organizer ?? ''),
    name: String(values.name ?? ''),
    summary: String(values.summary ?? ''),
    mode: values.mode as ActivityMode,
    start: date.start,
    end: date.end,
    contact: String(values.contact ?? ''),
    phone: (values.phone as string[] | undefined) ?? [],
    note: String(values.note ?? ''),
    unit: prepared.unit,
    source,
  };
  for (const key of pluginKeys) if (values[key] !== undefined) row[key] = values[key];
  if (Object.keys(prepared.extra).length > 0) row.extra = prepared.extra;
  return row;
}
