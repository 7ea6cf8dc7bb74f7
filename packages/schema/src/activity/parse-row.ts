import { reportIssue } from '../issues/report-issue.js';
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

/**
 * Normalises and validates one row of cells against the campaign's fields.
 * Errors keep the row out, warnings keep it in; a row is never half-imported.
 */
export function parseRow(
  cells: Readonly<Record<string, CellValue>>,
  fields: readonly ResolvedField[],
  context: FieldContext = {},
): ParsedRow {
  const values: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const field of fields) {
    const cell = cells[field.key];
    // isBlankCell(cell) is normalizeText(cell) === '' (for text too): one test, not two.
    if (isBlankCell(cell)) {
      if (field.required) {
        issues.push(reportIssue('required', { label: field.label }, { field: field.key }));
      }
      continue;
    }
    if (field.normalize) {
      const result = field.normalize(cell, context);
      if (!result.ok) {
        const value = normalizeText(cell);
        issues.push(
          reportIssue(
            result.code,
            { label: field.label, value, ...result.data },
            { field: field.key, value },
          ),
        );
        continue;
      }
      for (const note of result.notes) {
        const value = normalizeText(cell);
        issues.push(
          reportIssue(note.code, { label: field.label, value, ...note.data }, { field: field.key, value }),
        );
      }
      if (result.value !== undefined) values[field.key] = result.value;
      continue;
    }
    const parsed = parseWithSchema(field, cell);
    if (parsed.success) {
      values[field.key] = parsed.data;
    } else {
      const reason = parsed.error.issues.map((issue) => issue.message).join('；');
      const value = normalizeText(cell);
      issues.push(
        reportIssue('value-invalid', { label: field.label, value, reason }, { field: field.key, value }),
      );
    }
  }
  return { ok: !issues.some((issue) => issue.severity === 'error'), values, issues };
}
