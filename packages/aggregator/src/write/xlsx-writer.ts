import { fixedZipDate, repackZip } from '@jianshen/ooxml';
import { zipSync } from 'fflate';

/** Cell styles of the writer's fixed styles.xml. */
export const styles = {
  normal: 0,
  title: 1,
  header: 2,
  text: 3,
  center: 4,
  date: 5,
  plain: 6,
  totalRow: 7,
  number: 8,
} as const;

export type StyleId = (typeof styles)[keyof typeof styles];

/** A cell to write: text is always written as text (inline string), never as a formula. */
export interface CellSpec {
  value: string | number | Date | undefined;
  style?: StyleId;
}

export interface SheetSpec {
  name: string;
  widths: readonly number[];
  rows: readonly (readonly (CellSpec | undefined)[])[];
  /** A1 ranges, e.g. A1:J1. */
  merges?: readonly string[];
  /** Rows kept visible when scrolling and repeated on every printed page. */
  headerRows?: number;
  /** Row heights in points by 0-based row; others are computed from wrapped text. */
  heights?: readonly (number | undefined)[];
  landscape?: boolean;
}

// Characters XML 1.0 cannot carry at all; a clerk's pasted control character must not corrupt the file.
const invalidXml =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(invalidXml, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function columnLetter(index: number): string {
  let letters = '';
  let rest = index + 1;
  while (rest > 0) {
    const remainder = (rest - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

const epoch1900 = Date.UTC(1899, 11, 30);

function serialOf(date: Date): number {
  return Math.round(
    (Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - epoch1900) / 86_400_000,
  );
}

function cellXml(reference: string, cell: CellSpec): string {
  const style = cell.style ? ` s="${cell.style}"` : '';
  const { value } = cell;
  if (value === undefined || value === '') return style ? `<c r="${reference}"${style}/>` : '';
  if (typeof value === 'number') {
    return Number.isFinite(value) ? `<c r="${reference}"${style}><v>${value}</v></c>` : '';
  }
  if (value instanceof Date) return `<c r="${reference}"${style}><v>${serialOf(value)}</v></c>`;
  return `<c r="${reference}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

/** Display width of text in Excel character units: CJK and full-width characters count about two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\uFFEF]/.test(char) ? 1.8 : 1;
  return width;
}

const lineHeight = 15;

/**
 * Excel and LibreOffice do not grow a row for wrapped text when opening a file, so wrapped
 * cells get a height for the lines they need (at most eight).
 */
function wrappedHeight(
  row: readonly (CellSpec | undefined)[],
  widths: readonly number[],
): number | undefined {
  let lines = 1;
  row.forEach((cell, column) => {
    if (
      !cell ||
      typeof cell.value !== 'string' ||
      (cell.style !== styles.text && cell.style !== styles.header)
    )
      return;
    const width = Math.max(1, widths[column] ?? 10);
    const needed = cell.value
      .split('\n')
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / width)), 0);
    lines = Math.max(lines, Math.min(8, needed));
  });
  return lines > 1 ? lines * lineHeight + 3 : undefined;
}

function sheetXml(sheet: SheetSpec): string {
  const width = sheet.rows.reduce(
    // Not Math.max(...rows): a spread of 280,000 rows overflows the call stack.
    (widest, row) => Math.max(widest, row.length),
    Math.max(sheet.widths.length, 1),
  );
  const last = `${columnLetter(width - 1)}${Math.max(sheet.rows.length, 1)}`;
  const pane = sheet.headerRows
    ? `<pane ySplit="${sheet.headerRows}" topLeftCell="A${sheet.headerRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>`
    : '';
  const cols = sheet.widths
    .map(
      (columnWidth, index) =>
        `<col min="${index + 1}" max="${index + 1}" width="${columnWidth}" customWidth="1"/>`,
    )
    .join('');
  const rows = sheet.rows
    .map((row, rowIndex) => {
      const cells = row
        .map((cell, column) => (cell ? cellXml(`${columnLetter(column)}${rowIndex + 1}`, cell) : ''))
        .join('');
      const height = sheet.heights?.[rowIndex] ?? wrappedHeight(row, sheet.widths);
      const attributes = height ? ` ht="${height}" customHeight="1"` : '';
      return `<row r="${rowIndex + 1}"${attributes}>${cells}</row>`;
    })
    .join('');
  const merges = sheet.merges?.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((range) => `<mergeCell ref="${range}"/>`).join('')}</mergeCells>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows}</sheetData>` +
    merges +
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="${sheet.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>` +
    '</worksheet>'
  );
}

const border =
  '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>';

const stylesXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
  '<fonts count="3">' +
  '<font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '<font><b/><sz val="16"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '</fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>${border}</borders>` +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="9">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let index = 2; taken.has(candidate.toLowerCase()); index++) {
    const suffix = `(${index})`;
    candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Writes a workbook from plain sheet specs, SpreadsheetML by hand: every text is an inline
 * string (never a formula), dates are day serials in the 1900 system, and the zip is stamped
 * with a fixed date so the same input gives the same bytes.
 */
export function writeXlsx(sheets: readonly SheetSpec[]): Uint8Array {
  const encoder = new TextEncoder();
  const taken = new Set<string>();
  const names = sheets.map((sheet) => safeSheetName(sheet.name, taken));
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, text: string) => {
    files[name] = encoder.encode(text);
  };
  put(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      names
        .map(
          (_name, index) =>
            `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '</Types>',
  );
  put(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '</Relationships>',
  );
  const printTitles = sheets
    .map((sheet, index) =>
      sheet.headerRows
        ? `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">'${escapeXml((names[index] ?? '').replace(/'/g, "''"))}'!$1:$${sheet.headerRows}</definedName>`
        : '',
    )
    .join('');
  put(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<workbookPr date1904="false"/><bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
      names
        .map(
          (name, index) => `<sheet name="${escapeXml(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
        )
        .join('') +
      '</sheets>' +
      (printTitles ? `<definedNames>${printTitles}</definedNames>` : '') +
      '</workbook>',
  );
  put(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      names
        .map(
          (_name, index) =>
            `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      '</Relationships>',
  );
  put('xl/styles.xml', stylesXml);
  for (const [index, sheet] of sheets.entries()) put(`xl/worksheets/sheet${index + 1}.xml`, sheetXml(sheet));
  const zipped = zipSync(
    Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime: fixedZipDate }]])),
  );
  return repackZip(zipped);
}
