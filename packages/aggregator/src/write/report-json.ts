import type { ByteSink } from '@jianshen/ooxml';
import { escapeBidiControls } from '@jianshen/ooxml';
import type { ReportIssue, ReportLike, ReportRow, ReportRows } from '../report.js';
import { maskIssuePhone, maskRowPhones } from './mask-phone.js';

/**
 * How report.json is laid out; the JSON value is the same either way.
 * - `lines` (default): every row and every issue compact on a line of its own, the rest indented
 *   by two. 58 → 38 MB for 96,000 rows and written in a fraction of the time (bench/README.md);
 *   a row is still one line for grep, head or a line-by-line reader, as with NDJSON.
 * - `pretty`: byte for byte `JSON.stringify(report, null, 2)`.
 */
export type ReportJsonLayout = 'lines' | 'pretty';

export interface ReportJsonOptions {
  /** Hide the middle digits of contact numbers in rows and phone issues. */
  maskPhone?: boolean;
  /** Default `lines`. */
  layout?: ReportJsonLayout;
}

// Text is gathered to about this many characters before it is encoded and handed on. Kept under
// V8's large-object size (~128 KB, so 64 Ki two-byte characters is too many): encoding 64 Ki
// characters of Chinese ran at ~130 MB/s, 16 Ki at ~480 MB/s.
const chunkCharacters = 1 << 14;

// Rows already in report.json's text are copied into chunks of this many bytes.
const chunkBytes = 1 << 16;
const rowSeparator = new TextEncoder().encode(',\n    ');
const rowsOpening = new TextEncoder().encode('[\n    ');

/** The rows' own text when the report's rows come with it (`ReportRows.json`). */
function rowsJson(rows: ReportLike['rows']): (() => Iterable<Uint8Array>) | undefined {
  const json = 'json' in rows ? (rows as ReportRows).json : undefined;
  return json?.bind(rows);
}

/**
 * The `lines` layout's rows from their text: each row after `[` or a comma, on a line of its own,
 * copied into chunks handed to `sink`. Resolves to the text that closes the list.
 */
function copyRows(rows: Iterable<Uint8Array>, sink: ByteSink): string {
  let chunk = new Uint8Array(chunkBytes);
  let used = 0;
  let separator = rowsOpening;
  for (const row of rows) {
    if (used + separator.length + row.length > chunk.length) {
      if (used > 0) sink(chunk.subarray(0, used));
      chunk = new Uint8Array(Math.max(chunkBytes, separator.length + row.length));
      used = 0;
    }
    chunk.set(separator, used);
    chunk.set(row, used + separator.length);
    used += separator.length + row.length;
    separator = rowSeparator;
  }
  if (used > 0) sink(chunk.subarray(0, used));
  return separator === rowsOpening ? '[]' : '\n  ]';
}

/** `JSON.stringify(value, null, 2)` for a value nested `depth` levels down. */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/**
 * report.json, written piece by piece: the value of `JSON.stringify(report)` laid out as
 * `options.layout` says, plus a newline; the rows are read one at a time, so a streamed report is
 * never held as one string.
 */
export async function writeReportJsonTo(
  report: ReportLike,
  sink: ByteSink,
  options: ReportJsonOptions = {},
): Promise<void> {
  const encoder = new TextEncoder();
  let pending = '';
  const write = (text: string) => {
    // Bidi controls stay in the data (a reader of report.json gets the cell as it was) but are
    // written as \u escapes: the file shown in an editor or a terminal is not reordered by them.
    pending += escapeBidiControls(text);
    if (pending.length >= chunkCharacters) {
      sink(encoder.encode(pending));
      pending = '';
    }
  };
  const pretty = options.layout === 'pretty';
  /** A list written item by item, each compact on a line of its own (or nested when pretty). */
  function listed<Item>(shown: (item: Item) => unknown) {
    let first = true;
    return {
      add(item: Item) {
        const text = pretty ? nested(shown(item), 2) : JSON.stringify(shown(item));
        write(`${first ? '[\n    ' : ',\n    '}${text}`);
        first = false;
      },
      end: () => write(first ? '[]' : '\n  ]'),
    };
  }
  write(`{\n  "version": ${nested(report.version, 1)},\n  "campaign": ${nested(report.campaign, 1)}`);
  write(`,\n  "files": ${nested(report.files, 1)},\n  "rows": `);
  const json = pretty || options.maskPhone ? undefined : rowsJson(report.rows);
  if (json) {
    sink(encoder.encode(pending));
    pending = '';
    write(copyRows(json(), sink));
  } else {
    const rows = listed<ReportRow>((row) => (options.maskPhone ? maskRowPhones(row) : row));
    for await (const row of report.rows) rows.add(row);
    rows.end();
  }
  write(',\n  "issues": ');
  // The issues are an array: a loop without a turn of the event loop an item.
  const issues = listed<ReportIssue>((issue) => (options.maskPhone ? maskIssuePhone(issue) : issue));
  for (const issue of report.issues) issues.add(issue);
  issues.end();
  write(`,\n  "summary": ${nested(report.summary, 1)}`);
  if (report.assessment) write(`,\n  "assessment": ${nested(report.assessment, 1)}`);
  write('\n}\n');
  sink(encoder.encode(pending));
}
