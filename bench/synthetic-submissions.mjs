// Realistic, messy county submissions for the benchmark, in the spirit of
// /work/shared/reference/real-submissions.md: a merged title row, the 单位名称（盖章） line, header
// wording variants and reordered columns, 举办单位 merged down over several rows, blank rows,
// example and footer rows, every date/phone/mode spelling a clerk types, and a few bad rows.
// Deterministic for a given seed; written with exceljs's streaming WorkbookWriter and cached on
// disk by size and seed, so the second bench run starts measuring at once.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linfen2024Campaign } from '@jianshen/schema';
import ExcelJS from 'exceljs';
import { cachedBatch } from './batch-cache.mjs';
import { ensureSavedByLibreOffice } from './libreoffice-batch.mjs';
import { ensureSavedBySheetJs } from './sheetjs-batch.mjs';

/**
 * The three sizes of the issue: a city, a province, the whole country; and, opt-in, the province
 * as LibreOffice saves it (see libreoffice-batch.mjs).
 */
export const benchSizes = {
  small: { files: 20, rows: 200 },
  medium: { files: 120, rows: 800 },
  large: { files: 2800, rows: 100 },
  'medium-lo': { files: 120, rows: 800, savedBy: 'libreoffice' },
  'medium-sheetjs': { files: 120, rows: 800, savedBy: 'sheetjs' },
};

/** Bumped whenever the generated content changes, so stale caches are rebuilt. */
const generatorVersion = 3;

/** mulberry32: tiny, fast, good enough for test data, identical on every platform. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (probability) => next() < probability,
  };
}

// The counties the built-in campaign expects, so the bench exercises unit matching too.
const linfenUnits = linfen2024Campaign.expectedUnits;
export const places = ['鼓楼', '解放路', '滨河', '东关', '西城', '南街', '北园', '向阳', '新华', '平阳'];
const activities = [
  '社会体育指导员进社区健身指导',
  '全民健身日健步走',
  '太极拳公益培训',
  '广场舞展演',
  '国民体质监测进乡村',
  '科学健身大讲堂',
  '青少年体育夏令营',
  '老年人门球友谊赛',
  '八段锦线上教学',
  '乒乓球业余联赛',
  '健身气功推广',
  '徒步登山活动',
];
const organizerSuffixes = ['体育中心', '文化和旅游局', '社区居委会', '老年体协', '全民健身协会', '第一中学'];
export const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '郝', '薛'];
export const givenNames = ['明', '芳', '伟', '丽', '强', '敏', '军', '静', '磊', '霞', '涛', '燕'];

/** Header wordings seen in real files, by column key (the first is the template's own). */
const headerVariants = {
  seq: ['序号', '序 号', '编号'],
  organizer: ['举办单位', '主办单位', '举办单位名称'],
  name: ['活动名称', '活动项目', '项目名称'],
  summary: ['活动简介', '活动内容', '内容简介'],
  mode: ['举办方式（线上、线下）', '举办方式(线上、线下)', '举办方式（线上/线下）', '举办方式'],
  date: ['举办时间', '活动时间', '举办日期'],
  contact: ['联系人', '负责人'],
  phone: ['联系方式', '联系电话', '电话'],
  note: ['备注', ' 备 注 '],
};
const columnOrder = ['seq', 'organizer', 'name', 'summary', 'mode', 'date', 'contact', 'phone', 'note'];

function excelSerial(year, month, day) {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export function dateCell(random) {
  const month = random.int(6, 11);
  const day = random.int(1, 28);
  const shape = random.int(0, 11);
  switch (shape) {
    case 0:
    case 1:
      return new Date(Date.UTC(2024, month - 1, day));
    case 2:
      return excelSerial(2024, month, day);
    case 3:
      return `2024年${month}月${day}日`;
    case 4:
      return `2024.${month}.${day}`;
    case 5:
      return `2024/${month}/${day}`;
    case 6:
      return `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    case 7:
      return `2024${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
    case 8:
      return `${month}月${day}日`;
    case 9:
      return `2024.${month}.${day}-${month}.${Math.min(28, day + random.int(1, 4))}`;
    case 10:
      return `${month}月${day}日至${Math.min(28, day + random.int(1, 4))}日`;
    default:
      return `2024年${month}月`;
  }
}

export function modeCell(random) {
  return random.pick([
    '线下',
    '线下',
    '线下',
    '线上',
    '线上线下',
    '线 下',
    '线上、线下',
    '线上+线下',
    '现场',
    'offline',
  ]);
}

export function mobile(random) {
  return `1${random.pick(['3', '5', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
}

function phoneCell(random) {
  const landline = String(random.int(1_000_000, 9_999_999));
  switch (random.int(0, 9)) {
    case 0:
    case 1:
    case 2:
      return mobile(random);
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
    default:
      return Number(`357${landline}`);
  }
}

/** A row that must end as an error issue: one field a clerk got wrong. */
function spoil(values, random) {
  switch (random.int(0, 3)) {
    case 0:
      values.name = '';
      break;
    case 1:
      values.date = '2024年13月45日';
      break;
    case 2:
      values.mode = '电话会议';
      break;
    default:
      values.phone = String(random.int(10_000, 99_999));
  }
}

function unitName(index) {
  if (index < linfenUnits.length) return linfenUnits[index];
  return `第${index + 1}县`;
}

/**
 * Writes one submission; returns how many data rows it holds (the rows the aggregator must
 * account for: accepted or rejected, never dropped).
 */
async function writeSubmission(path, unit, rowCount, random) {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: random.chance(0.5),
    useStyles: true,
  });
  writer.creator = random.pick(['Microsoft Excel', 'WPS 表格', 'LibreOffice']);
  writer.created = new Date(Date.UTC(2024, 4, 20));
  writer.modified = writer.created;
  if (random.chance(0.1)) {
    const instructions = writer.addWorksheet('填表说明');
    instructions.addRow(['填表说明']).commit();
    instructions.addRow(['1. 举办时间请填写如 2024年6月15日']).commit();
    instructions.commit();
  }
  const sheet = writer.addWorksheet(random.pick(['Sheet1', '统计表', '附件']));
  const order = [...columnOrder];
  if (random.chance(0.2)) {
    // Reordered columns: contact and phone swapped, or summary moved to the end.
    const [a, b] = random.chance(0.5) ? [6, 7] : [3, 8];
    [order[a], order[b]] = [order[b], order[a]];
  }
  const extraColumn = random.chance(0.15) ? random.pick(['参与人数', '活动地点']) : undefined;
  const width = order.length + (extraColumn ? 1 : 0);
  const lastLetter = String.fromCharCode(64 + width);

  // Rows are committed only after the merges over them are declared: the streaming writer
  // refuses to merge into a committed row. Committing a row flushes every row before it.
  let rowNumber = 0;
  let last;
  const add = (cells) => {
    rowNumber += 1;
    last = sheet.addRow(cells);
  };
  const flush = () => last?.commit();
  add(['2024年全民健身志愿服务活动统计表']);
  sheet.mergeCells(`A1:${lastLetter}1`);
  const unitLine = random.pick(['单位名称（盖章）：', '单位名称(盖章)：', '单位名称（盖章）: ']);
  add([`${unitLine}${unit}体育局`]);
  sheet.mergeCells(`A2:${lastLetter}2`);
  flush();
  const header = order.map((key) => random.pick(headerVariants[key]));
  if (extraColumn) header.push(extraColumn);
  add(header);
  if (random.chance(0.15)) {
    const example = order.map((key) => (key === 'seq' ? '示例' : key === 'name' ? '社区健步走（示例）' : ''));
    add(example);
  }

  let written = 0;
  let seq = 0;
  while (written < rowCount) {
    if (random.chance(0.02)) add([]);
    // One 举办单位 merged down over a run of 1–3 activities.
    const run = Math.min(rowCount - written, random.int(1, 3));
    const organizer = `${unit}${random.pick(places)}${random.pick(organizerSuffixes)}`;
    const organizerColumn = order.indexOf('organizer') + 1;
    const runStart = rowNumber + 1;
    for (let index = 0; index < run; index++) {
      seq += 1;
      const activity = random.pick(activities);
      const values = {
        seq: random.chance(0.1) ? { formula: `ROW()-3`, result: seq } : random.chance(0.05) ? '' : seq,
        organizer: index === 0 ? organizer : null,
        name: `${random.pick(places)}${activity}第${seq}场`,
        summary: `在${unit}${random.pick(places)}开展${activity}，约${random.int(20, 300)}人参加`,
        mode: modeCell(random),
        date: dateCell(random),
        contact: `${random.pick(surnames)}${random.pick(givenNames)}${random.chance(0.5) ? random.pick(givenNames) : ''}`,
        phone: phoneCell(random),
        note: random.chance(0.2) ? random.pick(['已完成', '含直播', '雨天改期']) : '',
      };
      if (random.chance(0.03)) spoil(values, random);
      const cells = order.map((key) => values[key]);
      if (extraColumn) cells.push(random.int(20, 300));
      add(cells);
      written += 1;
    }
    if (run > 1) sheet.mergeCells(runStart, organizerColumn, rowNumber, organizerColumn);
    flush();
  }
  if (random.chance(0.7)) add(['合计', '', `${rowCount} 项`]);
  add([]);
  add([
    `填表人：${random.pick(surnames)}${random.pick(givenNames)}`,
    '',
    '',
    `审核人：${random.pick(surnames)}${random.pick(givenNames)}`,
  ]);
  flush();
  sheet.commit();
  await writer.commit();
  return written;
}

/** Where a size's files are cached: one folder per size, seed and generator version. */
export function cacheDirectory(size, seed, root = join(tmpdir(), 'jianshen-bench')) {
  const savedBy = size.savedBy ? `-${size.savedBy}` : '';
  return join(root, `v${generatorVersion}-${size.files}x${size.rows}-seed${seed}${savedBy}`);
}

/**
 * Generates (or reuses) `size.files` submissions of `size.rows` data rows each.
 * Returns the folder, the file paths and the number of data rows written.
 */
export async function ensureSubmissions(size, { seed = 20240528, root, onProgress } = {}) {
  const directory = cacheDirectory(size, seed, root);
  if (size.savedBy) {
    const base = await ensureSubmissions({ files: size.files, rows: size.rows }, { seed, root, onProgress });
    return size.savedBy === 'sheetjs'
      ? ensureSavedBySheetJs(base, directory)
      : ensureSavedByLibreOffice(base, directory);
  }
  const cached = await cachedBatch(directory);
  if (cached) return cached;
  await rm(directory, { recursive: true, force: true });
  await mkdir(directory, { recursive: true });
  const files = [];
  let dataRows = 0;
  for (let index = 0; index < size.files; index++) {
    // One stream of random numbers per file, so a file's content does not depend on the others.
    const random = createRandom(seed ^ Math.imul(index + 1, 0x9e3779b1));
    const unit = unitName(index);
    const name = `${String(index + 1).padStart(4, '0')}-${unit}-全民健身志愿服务活动统计表.xlsx`;
    const path = join(directory, name);
    dataRows += await writeSubmission(path, unit, size.rows, random);
    files.push(path);
    onProgress?.(index + 1, size.files);
  }
  const manifest = { files, dataRows, seed, size };
  await writeFile(join(directory, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
  return { directory, ...manifest, cached: false };
}
