import type { DataValidation, Worksheet } from 'exceljs';

/**
 * A data validation as exceljs writes it. `any` carries only an input prompt (Excel's "any
 * value"); exceljs supports it but its types do not list it.
 */
export interface TemplateValidation extends Omit<DataValidation, 'type' | 'formulae'> {
  type: DataValidation['type'] | 'any';
  formulae: (string | number)[];
  errorStyle?: 'stop' | 'warning' | 'information';
}

interface WorksheetWithValidations {
  dataValidations: { add(range: string, validation: TemplateValidation): void };
}

// Excel's limits; a longer text makes Excel "repair" the file and drop the validation.
const maxTitleLength = 32;
const maxPromptLength = 255;
const maxErrorLength = 225;

function clamp(text: string | undefined, max: number): string | undefined {
  if (text === undefined) return undefined;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * `ws.dataValidations.add` exists in exceljs 4.4 but is missing from its type declarations.
 * `range` must be bounded (e.g. `E4:E23`): whole-column validations make some readers explode.
 */
export function addDataValidation(sheet: Worksheet, range: string, validation: TemplateValidation): void {
  if (!/^[A-Z]+\d+(?::[A-Z]+\d+)?$/.test(range)) throw new Error(`bounded range expected, got ${range}`);
  const bounded: TemplateValidation = { ...validation };
  const promptTitle = clamp(validation.promptTitle, maxTitleLength);
  const prompt = clamp(validation.prompt, maxPromptLength);
  const errorTitle = clamp(validation.errorTitle, maxTitleLength);
  const error = clamp(validation.error, maxErrorLength);
  if (promptTitle !== undefined) bounded.promptTitle = promptTitle;
  if (prompt !== undefined) bounded.prompt = prompt;
  if (errorTitle !== undefined) bounded.errorTitle = errorTitle;
  if (error !== undefined) bounded.error = error;
  (sheet as unknown as WorksheetWithValidations).dataValidations.add(range, bounded);
}
