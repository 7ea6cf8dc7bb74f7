// Child process: where reading the sheet XML goes, as throughput over the batch's sheet XML
// (every worksheet part of every file, inflated bytes), stage by stage, the best of `rounds` turns:
// inflating alone (zlib, the floor any reader pays), inflating and decoding to text, the ooxml
// tokenizer with no handlers (attributes as an object per tag, in place, and with the worksheet's
// row lane), saxes (what the
// tokenizer replaced) with no handlers, and the aggregator's whole xlsx reader
// (`readSubmission`: shared strings, styles, cells into grids).
// Prints one JSON line.
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { readSubmission, resolveLimits } from '@jianshen/aggregator';
import { nodeInflateRaw } from '@jianshen/aggregator/node';
import { createXmlStream, findEntry, readZipDirectory, streamEntry, streamEntryText } from '@jianshen/ooxml';
import { SaxesParser } from 'saxes';

const manifest = JSON.parse(await readFile(process.argv[2], 'utf8'));
const rounds = Number(process.argv[3] ?? 3);
const limits = resolveLimits();
const files = await Promise.all(manifest.files.map(async (path) => new Uint8Array(await readFile(path))));
const inflate = (compressed, max) => inflateRawSync(compressed, { maxOutputLength: Math.max(1, max) });

/** Every worksheet part of every file, each with its zip. */
const sheets = files.flatMap((bytes) => {
  const zip = readZipDirectory(bytes, limits.maxInflatedBytes, 200, inflate);
  return [...zip.entries.keys()]
    .filter((key) => /^xl\/worksheets\/[^/]+\.xml$/.test(key))
    .map((key) => ({ bytes, key }));
});
const fresh = ({ bytes, key }) => {
  const zip = readZipDirectory(bytes, limits.maxInflatedBytes, 200, inflate);
  return { zip, entry: findEntry(zip, key) };
};
let sheetBytes = 0;
for (const sheet of sheets) {
  const { zip, entry } = fresh(sheet);
  streamEntry(zip, entry, (chunk) => {
    sheetBytes += chunk.length;
  });
}

const guard = { maxText: limits.maxCellLength * 8, onLongText() {} };
/**
 * Every sheet through the ooxml tokenizer with empty handlers, opening tags by `openForm`; with
 * `worksheetRows`, rows of the usual shape through the worksheet's fast lane.
 */
function tokenizeSheets(openForm, worksheetRows = false) {
  let events = 0;
  const handlers = { [openForm]: () => events++, close: () => events++, text: () => events++, worksheetRows };
  for (const sheet of sheets) {
    const { zip, entry } = fresh(sheet);
    const stream = createXmlStream(sheet.key, handlers, guard);
    streamEntryText(zip, entry, (text) => stream.write(text));
    stream.close();
  }
  return events;
}
const stages = {
  inflate: () => {
    for (const sheet of sheets) {
      const { zip, entry } = fresh(sheet);
      streamEntry(zip, entry, () => {});
    }
  },
  'inflate + decode': () => {
    for (const sheet of sheets) {
      const { zip, entry } = fresh(sheet);
      streamEntryText(zip, entry, () => {});
    }
  },
  'ooxml tokenizer': () => tokenizeSheets('open'),
  // The same with the open form the worksheet reader uses: attributes left in place, no object per tag.
  'ooxml tokenizer, in place': () => tokenizeSheets('openInPlace'),
  // And with the worksheet's row lane, as the worksheet reader reads.
  'ooxml tokenizer, row lane': () => tokenizeSheets('openInPlace', true),
  saxes: () => {
    let events = 0;
    for (const sheet of sheets) {
      const { zip, entry } = fresh(sheet);
      const parser = new SaxesParser({ position: false });
      parser.on('opentag', () => events++);
      parser.on('closetag', () => events++);
      parser.on('text', () => events++);
      streamEntryText(zip, entry, (text) => parser.write(text));
      parser.close();
    }
    return events;
  },
  // The whole file: workbook, relationships, shared strings and styles as well as the sheets.
  'xlsx reader': async () => {
    for (const [index, bytes] of files.entries()) {
      // readSubmission is async (a stamped copy's picture may be read): awaited file by file.
      const outcome = await readSubmission(bytes, manifest.files[index], limits, {
        inflateRaw: nodeInflateRaw,
      });
      if (!outcome.ok) throw new Error(`${manifest.files[index]}: ${outcome.code}`);
    }
  },
};

// Stages take turns round after round (a shared machine's speed drifts); each keeps its best.
const result = { sheetMb: sheetBytes / 1e6, sheets: sheets.length, rounds, stages: {} };
const best = Object.fromEntries(Object.keys(stages).map((name) => [name, Number.POSITIVE_INFINITY]));
for (let round = 0; round < rounds; round++) {
  for (const [name, run] of Object.entries(stages)) {
    const started = performance.now();
    await run();
    best[name] = Math.min(best[name], performance.now() - started);
  }
}
for (const [name, ms] of Object.entries(best)) {
  result.stages[name] = { ms, mbPerSecond: sheetBytes / 1e6 / (ms / 1000) };
}
process.stdout.write(`${JSON.stringify(result)}\n`);
