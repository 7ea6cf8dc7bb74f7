/**
 * What every text written to an output goes through, whatever the output: the limits of the
 * programs that open them (Excel's cell size), and the tricks a hostile cell can play on the
 * person reading them (formulas, text direction).
 */

// A leading = + - @ (ASCII or full-width: Excel and WPS read ＝１＋１ as a formula too), tab or
// CR makes a spreadsheet run a cell as a formula (OWASP CSV injection).
const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A text cell made safe for spreadsheets: a formula-like start is prefixed with an apostrophe. */
export function protectFormulaStart(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}
