import { writeZip, type ZipInput } from './zip-writer.js';

/**
 * A minimal .xlsx writer for tests, written by hand so a test controls every byte: inline or
 * shared strings, formulas with cached values, merges, and hostile parts spliced in.
 */
export type CellSpec =
  | string
  | number
  | null
  | undefined
  | { formula: string; cached?: string | number }
  /** A date cell: the serial number with a date format, as Excel stores it. */
  | { serial: number };

export interface SheetSpec {
  name: string;
  rows: readonly (readonly CellSpec[])[];
  /** A1 ranges, e.g. `B4:B6`. */
  merges?: readonly string[];
  /** Replaces the generated worksheet XML entirely. */
  xml?: string;
}

export interface WorkbookSpec {
  sheets: readonly SheetSpec[];
  sharedStrings?: boolean;
  /** Replaces xl/_rels/workbook.xml.rels. */
  workbookRels?: string;
  /** Replaces xl/sharedStrings.xml (only with sharedStrings). */
  sharedStringsXml?: string;
  extraEntries?: readonly ZipInput[];
}

export function columnName(index: number): string {
  let name = '';
  for (let value = index + 1; value > 0; value = Math.floor((value - 1) / 26)) {
    name = String.fromCharCode(65 + ((value - 1) % 26)) + name;
  }
  return name;
}

export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const packageRelationships = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** One filled cell: a number, a shared or inline string, a date serial, or a formula with its cached value. */
function cellXml(
  cell: Exclude<CellSpec, null | undefined | ''>,
  ref: string,
  sharedString: ((text: string) => number) | undefined,
): string {
  if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
  if (typeof cell === 'string') {
    return sharedString
      ? `<c r="${ref}" t="s"><v>${sharedString(cell)}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`;
  }
  if ('serial' in cell) return `<c r="${ref}" s="1"><v>${cell.serial}</v></c>`;
  const cached =
    cell.cached === undefined
      ? ''
      : typeof cell.cached === 'number'
        ? `<v>${cell.cached}</v>`
        : `<v>${escapeXml(cell.cached)}</v>`;
  const type = typeof cell.cached === 'string' ? ' t="str"' : '';
  return `<c r="${ref}"${type}><f>${escapeXml(cell.formula)}</f>${cached}</c>`;
}

export function sheetXml(sheet: SheetSpec, sharedString?: (text: string) => number): string {
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${main}"><sheetData>`,
  ];
  sheet.rows.forEach((cells, rowIndex) => {
    const row = rowIndex + 1;
    const xml: string[] = [];
    cells.forEach((cell, columnIndex) => {
      if (cell === null || cell === undefined || cell === '') return;
      xml.push(cellXml(cell, `${columnName(columnIndex)}${row}`, sharedString));
    });
    if (xml.length > 0) parts.push(`<row r="${row}">${xml.join('')}</row>`);
  });
  parts.push('</sheetData>');
  if (sheet.merges && sheet.merges.length > 0) {
    parts.push(
      `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`,
    );
  }
  parts.push('</worksheet>');
  return parts.join('');
}

export function buildXlsx(spec: WorkbookSpec): Uint8Array {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const sharedString = (text: string) => {
    let index = stringIndex.get(text);
    if (index === undefined) {
      index = strings.length;
      strings.push(text);
      stringIndex.set(text, index);
    }
    return index;
  };
  const sheets = spec.sheets.map((sheet, index) => ({
    name: `xl/worksheets/sheet${index + 1}.xml`,
    data: sheet.xml ?? sheetXml(sheet, spec.sharedStrings ? sharedString : undefined),
  }));
  const entries: ZipInput[] = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${spec.sheets
        .map(
          (_, index) =>
            `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join(
          '',
        )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${spec.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${packageRelationships}"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${main}" xmlns:r="${relationships}"><sheets>${spec.sheets
        .map(
          (sheet, index) =>
            `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
        )
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        spec.workbookRels ??
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${packageRelationships}">${spec.sheets
          .map(
            (_, index) =>
              `<Relationship Id="rId${index + 1}" Type="${relationships}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
          )
          .join(
            '',
          )}<Relationship Id="rIdStyles" Type="${relationships}/styles" Target="styles.xml"/>${spec.sharedStrings ? `<Relationship Id="rIdStrings" Type="${relationships}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    },
    {
      name: 'xl/styles.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${main}"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    },
    ...sheets,
  ];
  if (spec.sharedStrings) {
    entries.push({
      name: 'xl/sharedStrings.xml',
      data:
        spec.sharedStringsXml ??
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${main}" count="${strings.length}" uniqueCount="${strings.length}">${strings
          .map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`)
          .join('')}</sst>`,
    });
  }
  entries.push(...(spec.extraEntries ?? []));
  return writeZip(entries);
}
