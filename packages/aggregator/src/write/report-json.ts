import type { ReportIssue, ReportLike, ReportRow } from '../report.js';
import { maskIssuePhone, maskRowPhones } from './mask-phone.js';
import type { ByteSink } from './xlsx-writer.js';

export interface ReportJsonOptions {
  /** Hide the middle digits of contact numbers in rows and phone issues. */
  maskPhone?: boolean;
}

// Text is gathered to about this many characters before it is encoded and handed on. Kept under
// V8's large-object size (~128 KB, so 64 Ki two-byte characters is too many): encoding 64 Ki
// characters of Chinese ran at ~130 MB/s, 16 Ki at ~480 MB/s.
const chunkCharacters = 1 << 14;

/** `JSON.stringify(value, null, 2)` for a value nested `depth` levels down. */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/**
 * report.json, written piece by piece: byte for byte `JSON.stringify(report, null, 2)` plus a
 * newline, but the rows are read one at a time, so a streamed report is never held as one string.
 */
export async function writeReportJsonTo(
  report: ReportLike,
  sink: ByteSink,
  options: ReportJsonOptions = {},
): Promise<void> {
  const encoder = new TextEncoder();
  let pending = '';
  const write = (text: string) => {
    pending += text;
    if (pending.length >= chunkCharacters) {
      sink(encoder.encode(pending));
      pending = '';
    }
  };
  async function list<Item>(items: AsyncIterable<Item> | Iterable<Item>, shown: (item: Item) => unknown) {
    let first = true;
    for await (const item of items) {
      write(`${first ? '[\n    ' : ',\n    '}${nested(shown(item), 2)}`);
      first = false;
    }
    write(first ? '[]' : '\n  ]');
  }
  write(`{\n  "version": ${nested(report.version, 1)},\n  "campaign": ${nested(report.campaign, 1)}`);
  write(`,\n  "files": ${nested(report.files, 1)},\n  "rows": `);
  await list<ReportRow>(report.rows, (row) => (options.maskPhone ? maskRowPhones(row) : row));
  write(',\n  "issues": ');
  await list<ReportIssue>(report.issues, (issue) => (options.maskPhone ? maskIssuePhone(issue) : issue));
  write(`,\n  "summary": ${nested(report.summary, 1)}`);
  if (report.assessment) write(`,\n  "assessment": ${nested(report.assessment, 1)}`);
  write('\n}\n');
  sink(encoder.encode(pending));
}
