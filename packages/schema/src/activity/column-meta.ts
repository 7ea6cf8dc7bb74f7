import { z } from 'zod';
import type { LocalizedText } from '../i18n/lang.js';

/** How a column's values are typed in a spreadsheet; drives Excel validation and cell formats. */
export type ColumnKind = 'sequence' | 'text' | 'long-text' | 'date' | 'mode' | 'phone' | 'number' | 'choice';

/**
 * Typed metadata a column carries on its zod schema (via `columnRegistry`): everything a
 * generator or reader needs to put the column on paper and find it again.
 */
export interface ColumnMeta {
  /** Header text exactly as the attachment prints it (Chinese). */
  label: string;
  /** English header, for `--lang en` outputs. */
  labelEn: string;
  /** Other header wordings found in real submissions (matched after normalising spaces and brackets). */
  aliases?: readonly string[];
  kind: ColumnKind;
  /** Column width in Excel character units. */
  width: number;
  /** Excel number format for the cells, e.g. `@` for text so phones keep their leading 0. */
  excelFormat?: string;
  /** Maximum length for text cells (Excel text-length validation). */
  maxLength?: number;
  /** Choices as the clerk sees them, for dropdowns. */
  options?: readonly string[];
  /** How to fill the column, for the 填表说明 sheet and Excel input prompts. */
  hint?: LocalizedText;
  /** A plausible example value, for the example row. */
  example?: string;
}

/** The registry column metadata lives in: `schema.register(columnRegistry, meta)` and `columnRegistry.get(schema)`. */
export const columnRegistry = z.registry<ColumnMeta>();
