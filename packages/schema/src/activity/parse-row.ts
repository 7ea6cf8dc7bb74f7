import { errorReason, phrase, reportIssue } from '../issues/report-issue.js';
import type { CellValue } from '../normalize/result.js';
import { isBlankCell, normalizeText } from '../normalize/text.js';
import type { FieldContext, FieldIssue, ResolvedField } from './field-definition.js';

export interface ParsedRow {
  /** True when no error was found: the row counts. */
  ok: boolean;
  /** Normalised values by field key; a field with an error is absent. */
  values: Record<string, unknown>;
  issues: FieldIssue[];
}

interface ZodDefinition {
  type: string;
  coerce?: boolean;
  innerType?: { _zod: { def: ZodDefinition } };
}

const refusesTextCache = new WeakMap<ResolvedField['schema'], boolean>();

/**
 * True when the schema fails every string: a plain, non-coercing z.number(), maybe optional,
 * nullable or with a default (those pass a string on to the number unchanged).
 */
function refusesText(schema: ResolvedField['schema']): boolean {
  let known = refusesTextCache.get(schema);
  if (known === undefined) {
    let def = (schema as unknown as { _zod: { def: ZodDefinition } })._zod.def;
    while (def.innerType && (def.type === 'optional' || def.type === 'nullable' || def.type === 'default')) {
      def = def.innerType._zod.def;
    }
    known = def.type === 'number' && !def.coerce;
    refusesTextCache.set(schema, known);
  }
  return known;
}

/** Plugin fields have only a zod schema: try the cleaned text, then the number a numeric text means. */
function parseWithSchema(field: ResolvedField, cell: CellValue) {
  const candidate = typeof cell === 'string' ? normalizeText(cell) : cell;
  if (typeof candidate !== 'string') return field.schema.safeParse(candidate);
  // A number schema fails the text anyway, and a failed safeParse costs ~100 successful ones
  // (zod builds the error and its messages): try the number first, the text only for its error.
  const textFails = refusesText(field.schema);
  const first = textFails ? undefined : field.schema.safeParse(candidate);
  if (first?.success) return first;
  const number = Number(candidate.includes(',') ? candidate.replace(/,/g, '') : candidate);
  if (candidate !== '' && Number.isFinite(number)) {
    const second = field.schema.safeParse(number);
    if (second.success) return second;
  }
  return first ?? field.schema.safeParse(candidate);
}

/** What reading one row gathers: values, issues, and notes set aside for 备注. */
interface RowParse {
  values: Record<string, unknown>;
  issues: FieldIssue[];
  asides: string[];
}

/**
 * Normalises and validates one row of cells against the campaign's fields.
 * Errors keep the row out, warnings keep it in; a row is never half-imported.
 */
export function parseRow(
  cells: Readonly<Record<string, CellValue>>,
  fields: readonly ResolvedField[],
  context: FieldContext = {},
): ParsedRow {
  const parse: RowParse = { values: {}, issues: [], asides: [] };
  for (const field of fields) {
    const cell = cells[field.key];
    // isBlankCell(cell) is normalizeText(cell) === '' (for text too): one test, not two.
    if (isBlankCell(cell)) {
      if (field.required) {
        parse.issues.push(reportIssue('required', { label: field.label }, { field: field.key }));
      }
    } else {
      try {
        if (field.normalize) normalizeField(parse, field, cell, context);
        else validateField(parse, field, cell);
      } catch (error) {
        // Our own normalisers do not throw; a plugin's schema may (a refine or transform that
        // throws): its cell is an issue naming the plugin, the row still counts (issue 15).
        if (field.source === undefined || field.source === 'core') throw error;
        pluginFieldFailed(parse, field, cell, error);
      }
    }
  }
  const { values, issues, asides } = parse;
  keepAsides(values, asides, fields);
  return { ok: !issues.some(keepsRowOut), values, issues };
}

/** An error keeps its row out, unless it is a plugin's own failure: the county wrote nothing wrong. */
function keepsRowOut(issue: FieldIssue): boolean {
  return issue.severity === 'error' && issue.code !== 'plugin-failed';
}

/** A plugin field whose schema threw: the cell stays empty, the issue names plugin, column and value. */
function pluginFieldFailed(parse: RowParse, field: ResolvedField, cell: CellValue, error: unknown): void {
  const value = normalizeText(cell);
  const place = phrase('plugin-place-field', { id: field.label });
  parse.issues.push(
    reportIssue(
      'plugin-failed',
      { plugin: field.source ?? '', place, reason: errorReason(error) },
      { field: field.key, value },
    ),
  );
}

/** A field with a normaliser: its value, its notes as warnings, or its error. */
function normalizeField(parse: RowParse, field: ResolvedField, cell: CellValue, context: FieldContext): void {
  const normalize = field.normalize;
  if (!normalize) return;
  const result = normalize(cell, context);
  // The cell as text is for issues only: most cells have none (a date or number cell's text
  // took ~0.1 s of the medium bench batch's 96,000 rows).
  if (!result.ok) {
    const value = normalizeText(cell);
    parse.issues.push(
      reportIssue(result.code, { label: field.label, value, ...result.data }, { field: field.key, value }),
    );
    return;
  }
  const value = result.notes.length > 0 ? normalizeText(cell) : '';
  for (const note of result.notes) {
    parse.issues.push(
      reportIssue(note.code, { label: field.label, value, ...note.data }, { field: field.key, value }),
    );
  }
  if (result.value !== undefined) parse.values[field.key] = result.value;
  if (result.aside !== undefined) parse.asides.push(result.aside);
}

/** A plugin field with only a zod schema: its value or a value-invalid error. */
function validateField(parse: RowParse, field: ResolvedField, cell: CellValue): void {
  const parsed = parseWithSchema(field, cell);
  if (parsed.success) {
    parse.values[field.key] = parsed.data;
    return;
  }
  const reason = parsed.error.issues.map((issue) => issue.message).join('；');
  const value = normalizeText(cell);
  parse.issues.push(
    reportIssue('value-invalid', { label: field.label, value, reason }, { field: field.key, value }),
  );
}

/** Notes a normaliser set aside (线下（室外） → 室外) go to 备注 after what the clerk wrote there. */
function keepAsides(
  values: Record<string, unknown>,
  asides: readonly string[],
  fields: readonly ResolvedField[],
) {
  if (asides.length === 0 || !fields.some((field) => field.key === 'note')) return;
  const written = typeof values.note === 'string' && values.note !== '' ? [values.note] : [];
  values.note = [...written, ...asides].join('；');
}
