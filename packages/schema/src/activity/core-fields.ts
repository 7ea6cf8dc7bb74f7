import type { z } from 'zod';
import type { DateRange } from '../normalize/date.js';
import { normalizeDate } from '../normalize/date.js';
import { normalizeMode } from '../normalize/mode.js';
import { normalizePhones } from '../normalize/phone.js';
import {
  accept,
  type CellValue,
  type NormalizeNote,
  type NormalizeResult,
  reject,
} from '../normalize/result.js';
import { normalizeText } from '../normalize/text.js';
import {
  contactSchema,
  dateRangeSchema,
  modeSchema,
  nameSchema,
  noteSchema,
  organizerSchema,
  phoneSchema,
  requiredActivityColumns,
  seqSchema,
  summarySchema,
} from './activity-row.js';
import { columnRegistry } from './column-meta.js';
import type { FieldContext, FieldDefinition } from './field-definition.js';

/** A column's header label, typed once: in its schema's registry entry (activity-row.ts). */
function labelOf(schema: z.ZodType): string {
  const label = columnRegistry.get(schema)?.label;
  if (label === undefined) throw new Error('a built-in column schema without its registry entry');
  return label;
}

function textField(key: string, schema: z.ZodType<string>): FieldDefinition<string> {
  const meta = columnRegistry.get(schema);
  return {
    key,
    label: labelOf(schema),
    schema,
    normalize: (cell) => {
      const text = normalizeText(cell);
      if (meta?.maxLength !== undefined && text.length > meta.maxLength) {
        return reject('text-too-long', { label: meta.label, max: meta.maxLength, value: text });
      }
      return accept(text);
    },
  };
}

function normalizeSequence(cell: CellValue): NormalizeResult<number | undefined> {
  // A positive whole number (most 序号 cells) is its own answer: the text below would be its
  // digits, read back as the same number.
  if (typeof cell === 'number' && Number.isSafeInteger(cell) && cell > 0) return accept(cell);
  // 序号 is renumbered on merge: a hand-typed, restarting or formula value is never an error.
  const text = normalizeText(cell);
  const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  return accept(Number.isSafeInteger(number) && number > 0 ? number : undefined);
}

// A county's clerk types the same few dates row after row: the answers are remembered (a few
// thousand, forgotten all at once when full, so memory stays bounded). Dates were the costliest
// column to read; each caller still gets its own result objects. Text cells are remembered by
// their text, date cells by their instant and serial-number cells by their number (date cells
// missed the cache before: ~0.1 s of CPU for the 96,000 rows of the medium bench batch).
interface DateCache {
  texts: Map<string, NormalizeResult<DateRange>>;
  instants: Map<number, NormalizeResult<DateRange>>;
  serials: Map<number, NormalizeResult<DateRange>>;
}
const dateCaches = new Map<string, DateCache>();
const dateCacheSize = 4096;
// The context of the last call and its cache: every row of a batch has the same context.
let last: { year?: number; date1904: boolean; start?: string; end?: string } | undefined;
let lastCache: DateCache | undefined;

/** The remembered answers under this year, period and date system. */
function dateCacheFor(context: FieldContext): DateCache {
  const year = context.defaultYear;
  const date1904 = context.date1904 === true;
  const start = context.period?.start;
  const end = context.period?.end;
  if (
    lastCache &&
    last &&
    last.year === year &&
    last.date1904 === date1904 &&
    last.start === start &&
    last.end === end
  ) {
    return lastCache;
  }
  const key = `${year ?? ''}|${date1904 ? 1 : 0}|${start ?? ''}|${end ?? ''}`;
  let cache = dateCaches.get(key);
  if (!cache) {
    // A few contexts at most in one process; more (a long-running server) start afresh.
    if (dateCaches.size >= 16) dateCaches.clear();
    cache = { texts: new Map(), instants: new Map(), serials: new Map() };
    dateCaches.set(key, cache);
  }
  last = {
    ...(year !== undefined ? { year } : {}),
    date1904,
    ...(start !== undefined ? { start } : {}),
    ...(end !== undefined ? { end } : {}),
  };
  lastCache = cache;
  return cache;
}

/** The answer remembered under `key`, computed and remembered when there is none. */
/**
 * The answer remembered under `key` for `cell`, computed and remembered when there is none. The
 * cell and context are passed, not a closure over them: one closure a row was made for nothing
 * on a hit, which is most rows.
 */
function remembered<Key>(
  cache: Map<Key, NormalizeResult<DateRange>>,
  key: Key,
  cell: CellValue,
  context: FieldContext,
): NormalizeResult<DateRange> {
  let result = cache.get(key);
  if (result === undefined) {
    result = dateInPeriod(cell, context);
    if (cache.size >= dateCacheSize) cache.clear();
    cache.set(key, result);
  }
  return result;
}

/** A cell's date, from the cache when the same cell was read before; shared: copy before handing out. */
function rememberedDate(cell: CellValue, context: FieldContext): NormalizeResult<DateRange> {
  if (typeof cell === 'string') return remembered(dateCacheFor(context).texts, cell, cell, context);
  if (typeof cell === 'number') return remembered(dateCacheFor(context).serials, cell, cell, context);
  if (cell instanceof Date) return remembered(dateCacheFor(context).instants, cell.getTime(), cell, context);
  return dateInPeriod(cell, context);
}

/** A copy of a shared note; most accepted dates have none, and share no array then. */
function copyNotes(notes: readonly NormalizeNote[]): NormalizeNote[] {
  if (notes.length === 0) return [];
  // Object.assign, not `{ ...note, data }`: see renderIssue (one hidden class, not one per note).
  return notes.map((note) => (note.data ? Object.assign({}, note, { data: { ...note.data } }) : { ...note }));
}

function normalizeDateInPeriod(cell: CellValue, context: FieldContext): NormalizeResult<DateRange> {
  const result = rememberedDate(cell, context);
  if (!result.ok) return result.data ? reject(result.code, { ...result.data }) : reject(result.code);
  // Every range is made as { start, end } (date.ts): copied field by field, as the spread did.
  return accept({ start: result.value.start, end: result.value.end }, copyNotes(result.notes));
}

function dateInPeriod(cell: CellValue, context: FieldContext): NormalizeResult<DateRange> {
  const result = normalizeDate(cell, {
    ...(context.defaultYear !== undefined ? { defaultYear: context.defaultYear } : {}),
    ...(context.date1904 !== undefined ? { date1904: context.date1904 } : {}),
  });
  const period = context.period;
  if (!result.ok || !period) return result;
  const { start, end } = result.value;
  if (start < period.start || end > period.end) {
    const shown = start === end ? start : `${start} 至 ${end}`;
    return accept(result.value, [
      ...result.notes,
      { code: 'date-outside-period', data: { value: shown, start: period.start, end: period.end } },
    ]);
  }
  return result;
}

const builtInFields: FieldDefinition[] = [
  {
    key: 'seq',
    label: labelOf(seqSchema),
    schema: seqSchema.optional(),
    normalize: normalizeSequence,
  },
  textField('organizer', organizerSchema),
  textField('name', nameSchema),
  textField('summary', summarySchema),
  { key: 'mode', label: labelOf(modeSchema), schema: modeSchema, normalize: normalizeMode },
  { key: 'date', label: labelOf(dateRangeSchema), schema: dateRangeSchema, normalize: normalizeDateInPeriod },
  textField('contact', contactSchema),
  {
    key: 'phone',
    label: labelOf(phoneSchema),
    schema: phoneSchema,
    normalize: (cell, context) =>
      normalizePhones(
        cell,
        context.defaultAreaCode !== undefined ? { defaultAreaCode: context.defaultAreaCode } : {},
      ),
  },
  textField('note', noteSchema),
];

/** The nine built-in columns, in attachment order, with the normalisers for what clerks type. */
export const coreFields: readonly FieldDefinition[] = builtInFields.map((field) => ({
  ...field,
  source: 'core',
  required: (requiredActivityColumns as readonly string[]).includes(field.key),
}));
