// Micro-bench of the cell normalisers and parseRow, the aggregator's per-row CPU cost (issue 6).
// Not shipped (the package's `files` is dist only) and not a test: it prints numbers, it never fails.
//
//   npx turbo run build --filter=@jianshen/schema
//   node packages/schema/bench/measure-normalize.mjs                # the built package (dist)
//   node packages/schema/bench/measure-normalize.mjs --dist <dir>   # another build, e.g. a copy of
//                                                                   # the dist before a change
//   node packages/schema/bench/measure-normalize.mjs --compare <dir> # and check that build returns
//                                                                   # exactly the same results
//   node packages/schema/bench/measure-normalize.mjs --by-field      # each field's normaliser alone
//   node --cpu-prof --cpu-prof-dir=/tmp/prof packages/schema/bench/measure-normalize.mjs
//
// The rows follow /work/shared/reference/real-submissions.md and the normaliser test tables:
// mostly clean text, dates and phones in every shape a clerk types, ~5 % of cells dirty
// (odd spaces, full-width digits, line breaks, zero-width characters), ~3 % bad rows.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
// The repository bench's messy cells (same random draws), so both benches measure the same kind of input.
import {
  createRandom,
  dateCell,
  givenNames,
  mobile,
  modeCell,
  places,
  surnames,
} from '../../../bench/synthetic-submissions.mjs';

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string' },
    compare: { type: 'string' },
    'by-field': { type: 'boolean', default: false },
    rows: { type: 'string', default: '96000' },
    texts: { type: 'string', default: '100000' },
    repeat: { type: 'string', default: '7' },
    seed: { type: 'string', default: '1' },
  },
});
const distDir = args.dist ?? new URL('../dist/', import.meta.url).pathname;
const schema = await import(pathToFileURL(resolve(distDir, 'index.js')).href);
const { coreFields, linfen2024Campaign, normalizeText, parseRow, resolveField } = schema;
const other = args.compare ? await import(pathToFileURL(resolve(args.compare, 'index.js')).href) : undefined;

const units = linfen2024Campaign.expectedUnits;
const activities = ['社会体育指导员进社区健身指导', '全民健身日健步走', '太极拳公益培训', '广场舞展演'];
const suffixes = ['体育中心', '文化和旅游局', '社区居委会', '老年体协', '全民健身协会', '第一中学'];

// What a hurried clerk adds to an otherwise clean text cell.
const dirt = [
  (text) => ` ${text} `,
  (text) => `${text}\u00A0`,
  (text) => `\uFEFF${text}`,
  (text) => text.replace(/\d/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0)),
  (text) => `${text.slice(0, 2)}  ${text.slice(2)}`,
  (text) => `${text}\r\n`,
  (text) => `${text.slice(0, 2)}\u3000${text.slice(2)}`,
];
function maybeDirty(random, text) {
  return typeof text === 'string' && random.chance(0.05) ? random.pick(dirt)(text) : text;
}

function phoneCell(random, contactPhone) {
  const landline = String(random.int(2_000_000, 8_999_999));
  switch (random.int(0, 11)) {
    case 0:
    case 1:
      return mobile(random);
    case 2:
      // One unit's clerk puts the same number on every row.
      return contactPhone;
    case 3:
      return Number(mobile(random));
    case 4:
      return `0357-${landline}`;
    case 5:
      return `(0357)${landline}`;
    case 6:
      return `0357 ${landline}`;
    case 7:
      return `0357-${landline}转${random.int(100, 899)}`;
    case 8:
      return `${mobile(random)}、${mobile(random)}`;
    case 9:
      return `手机：${mobile(random)} 座机：0357-${landline}`;
    case 10:
      return landline;
    default:
      return Number(`357${landline}`);
  }
}

function makeRows(count, random) {
  const rows = [];
  let unit = units[0];
  let contactPhone = mobile(random);
  for (let index = 0; index < count; index++) {
    if (index % 100 === 0) {
      unit = random.pick(units);
      contactPhone = mobile(random);
    }
    const activity = random.pick(activities);
    const row = {
      seq: random.chance(0.05) ? '' : random.chance(0.05) ? String(index + 1) : index + 1,
      organizer: `${unit}${random.pick(places)}${random.pick(suffixes)}`,
      name: `${random.pick(places)}${activity}第${index + 1}场`,
      summary: `在${unit}${random.pick(places)}开展${activity}，约${random.int(20, 300)}人参加`,
      mode: modeCell(random),
      date: dateCell(random),
      contact: `${random.pick(surnames)}${random.pick(givenNames)}${random.chance(0.5) ? random.pick(givenNames) : ''}`,
      phone: phoneCell(random, contactPhone),
      note: random.chance(0.2) ? random.pick(['已完成', '含直播', '雨天改期']) : '',
    };
    for (const key of Object.keys(row)) row[key] = maybeDirty(random, row[key]);
    if (random.chance(0.03)) {
      const spoil = random.int(0, 3);
      if (spoil === 0) row.name = '';
      else if (spoil === 1) row.date = '2024年13月45日';
      else if (spoil === 2) row.mode = '电话会议';
      else row.phone = String(random.int(10_000, 99_999));
    }
    rows.push(row);
  }
  return rows;
}

function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Median wall and CPU time of `repeat` runs after one warm-up run; the checksum keeps the work
 * alive. CPU time (this process, GC threads included) depends less on how busy the machine is.
 */
function measure(run, repeat) {
  let checksum = run();
  const times = [];
  const cpuTimes = [];
  for (let round = 0; round < repeat; round++) {
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    checksum = run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    const cpu = process.cpuUsage(cpuBefore);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  return { ms: median(times), min: Math.min(...times), cpuMs: median(cpuTimes), checksum };
}

const random = createRandom(Number(args.seed));
const rows = makeRows(Number(args.rows), random);
const cells = rows.flatMap((row) => Object.values(row));
const texts = Array.from({ length: Number(args.texts) }, (_, index) => cells[index % cells.length]);
const fields = coreFields.map((field) => resolveField(field));
const context = {
  defaultYear: Number(linfen2024Campaign.period.start.slice(0, 4)),
  period: linfen2024Campaign.period,
  defaultAreaCode: linfen2024Campaign.issuer.areaCode,
};
const repeat = Number(args.repeat);

const textResult = measure(() => {
  let length = 0;
  for (const text of texts) length += normalizeText(text).length;
  return length;
}, repeat);
const rowResult = measure(() => {
  let accepted = 0;
  let issues = 0;
  for (const row of rows) {
    const parsed = parseRow(row, fields, context);
    if (parsed.ok) accepted++;
    issues += parsed.issues.length;
  }
  return `${accepted} accepted, ${issues} issues`;
}, repeat);

console.log(`schema from ${distDir}`);
if (other) {
  // Every result of the other build, field by field: a faster normaliser must not change one.
  const { isDeepStrictEqual } = await import('node:util');
  const otherFields = other.coreFields.map((field) => other.resolveField(field));
  let differing = 0;
  for (const text of cells) if (normalizeText(text) !== other.normalizeText(text)) differing++;
  for (const row of rows) {
    if (!isDeepStrictEqual(parseRow(row, fields, context), other.parseRow(row, otherFields, context))) {
      differing++;
    }
  }
  console.log(`compared with ${args.compare}: ${differing} of ${cells.length + rows.length} results differ`);
}
console.log(
  `normalizeText × ${texts.length}: median ${textResult.ms.toFixed(1)} ms (min ${textResult.min.toFixed(1)}, ` +
    `CPU ${textResult.cpuMs.toFixed(1)}), ` +
    `checksum ${textResult.checksum}`,
);
console.log(
  `parseRow × ${rows.length}: median ${rowResult.ms.toFixed(1)} ms (min ${rowResult.min.toFixed(1)}, ` +
    `CPU ${rowResult.cpuMs.toFixed(1)}), ` +
    `${rowResult.checksum}`,
);
if (args['by-field']) {
  for (const field of fields) {
    const { ms } = measure(() => {
      let count = 0;
      for (const row of rows) if (field.normalize?.(row[field.key], context).ok) count++;
      return count;
    }, repeat);
    console.log(`  ${field.key.padEnd(10)} ${ms.toFixed(1).padStart(7)} ms`);
  }
}
