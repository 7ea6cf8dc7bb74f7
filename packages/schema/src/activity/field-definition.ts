import type { z } from 'zod';
import type { LocalizedText } from '../i18n/lang.js';
import type { IssueFinding } from '../issues/issue.js';
import type { DateRange } from '../normalize/date.js';
import type { CellValue, NormalizeResult } from '../normalize/result.js';
import { type ColumnKind, type ColumnMeta, columnRegistry } from './column-meta.js';

/** What a field's normaliser may know about the campaign around it. */
export interface FieldContext {
  /** Year for dates typed without one (6月15日). */
  defaultYear?: number;
  /** The workbook uses the 1904 date system (Mac Excel). */
  date1904?: boolean;
  /** The campaign's activity period; dates outside it are warned about. */
  period?: DateRange;
  /** Area code for local numbers typed without one, e.g. 0357. */
  defaultAreaCode?: string;
}

/**
 * One column of the statistics table: the nine built-in ones and every plugin column share
 * this shape, so the template, the notice and the aggregator treat them alike.
 */
export interface FieldDefinition<Output = unknown> {
  /** Stable English key used in report.json and code. */
  key: string;
  /** Header text as printed (Chinese). */
  label: string;
  labelEn?: string;
  aliases?: readonly string[];
  /** Validates the normalised value; for plugin fields also the cell value itself. */
  schema: z.ZodType<Output>;
  required?: boolean;
  /** Width in Excel character units. */
  width?: number;
  hint?: LocalizedText;
  example?: string;
  /** Turns a raw cell into the value; absent for plugin fields, which rely on `schema`. */
  normalize?: (cell: CellValue, context: FieldContext) => NormalizeResult<Output>;
  /** Who added it: `core` or the plugin's name. */
  source?: string;
}

/** A field together with the column metadata generators need, resolved once. */
export interface ResolvedField<Output = unknown> extends FieldDefinition<Output> {
  labelEn: string;
  aliases: readonly string[];
  required: boolean;
  width: number;
  source: string;
  column: ColumnMeta;
}

/** A field finding before it has a file position: the aggregator adds path, sheet and row. */
export interface FieldIssue extends IssueFinding {
  field: string;
  /** The value as typed. */
  value?: string;
}

function kindFromSchema(schema: z.ZodType): { kind: ColumnKind; options?: readonly string[] } {
  // zod 4 keeps the definition on `_zod.def`; unwrap optional/default/nullable wrappers first.
  let def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  while (def.innerType && (def.type === 'optional' || def.type === 'default' || def.type === 'nullable')) {
    def = (def.innerType as { _zod: { def: Record<string, unknown> } })._zod.def;
  }
  if (def.type === 'enum')
    return { kind: 'choice', options: Object.values(def.entries as Record<string, string>) };
  if (def.type === 'number' || def.type === 'int' || def.type === 'bigint') return { kind: 'number' };
  if (def.type === 'pipe') {
    const inner = (def.out as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (inner.type === 'number') return { kind: 'number' };
    // z.preprocess(aliases, z.enum([...])): still a dropdown of the enum's values.
    if (inner.type === 'enum')
      return { kind: 'choice', options: Object.values(inner.entries as Record<string, string>) };
  }
  return { kind: 'text' };
}

/** Metadata registered on the schema or on the schema an optional/default/nullable wraps. */
function registeredMeta(schema: z.ZodType): ColumnMeta | undefined {
  let current: z.ZodType | undefined = schema;
  while (current) {
    const meta = columnRegistry.get(current);
    if (meta) return meta;
    const def: { type: string; innerType?: z.ZodType } = (
      current as unknown as { _zod: { def: { type: string; innerType?: z.ZodType } } }
    )._zod.def;
    current = ['optional', 'default', 'nullable', 'prefault'].includes(def.type) ? def.innerType : undefined;
  }
  return undefined;
}

/** Fills a field's defaults and its column metadata from the zod registry (or from its schema). */
export function resolveField<Output>(field: FieldDefinition<Output>): ResolvedField<Output> {
  const registered = registeredMeta(field.schema);
  const derived = registered ?? kindFromSchema(field.schema);
  const column: ColumnMeta = {
    ...(registered ?? { kind: derived.kind, width: 12 }),
    ...(derived.options && !registered ? { options: derived.options } : {}),
    label: field.label,
    labelEn: field.labelEn ?? registered?.labelEn ?? field.label,
    aliases: field.aliases ?? registered?.aliases ?? [],
    width: field.width ?? registered?.width ?? Math.max(10, field.label.length * 2 + 2),
    ...(field.hint ? { hint: field.hint } : {}),
    ...(field.example !== undefined ? { example: field.example } : {}),
  } as ColumnMeta;
  return {
    ...field,
    labelEn: column.labelEn,
    aliases: column.aliases ?? [],
    required: field.required ?? false,
    width: column.width,
    source: field.source ?? 'core',
    column,
  };
}
