import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, inflateRawSync } from 'node:zlib';
import { cellMaxCharacters, unpackZip } from '@jianshen/ooxml';
import { definePlugin, type ResolvedCampaign, resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fixturesDirectory } from '../fixtures.test-support.js';
import { type AggregateFilesOptions, streamAggregateFiles, writeAggregateOutputs } from './index.js';

/** A plugin column whose value grows past what a cell may hold: a transform that adds text. */
const stamped = definePlugin({
  name: 'test-stamped',
  fields: [{ key: 'remark', label: '核查意见', schema: z.string().transform((text) => `${text}（已核）`) }],
});

/** Real county files (a duplicate row among them) and a CSV whose plugin cell the workbook cuts. */
function batch(): string {
  const root = mkdtempSync(join(tmpdir(), 'jianshen-workbook-rows-'));
  for (const name of ['duplicates.xlsx', 'modes-phones.xlsx', '洪洞县2024年全民健身志愿服务活动统计表.xlsx'])
    cpSync(join(fixturesDirectory, name), join(root, name));
  const lines = [
    '2024年全民健身志愿服务活动统计表',
    '单位名称（盖章）：翼城县体育局',
    '序号,举办单位,活动名称,活动简介,举办方式（线上、线下）,举办时间,联系人,联系方式,核查意见,备注',
    `1,翼城县体育中心,健步走,简介,线下,2024-06-01,郑雪,13912345671,${'核'.repeat(cellMaxCharacters)},`,
    '2,翼城县体育中心,广场舞,简介,线下,2024-06-02,郑雪,13912345672,好,',
  ];
  writeFileSync(join(root, 'county.csv'), lines.join('\n'));
  return root;
}

/**
 * Every output's bytes by name, the report's issues, and whether the workbook copied the rows
 * written ahead, after a run with these options.
 */
async function run(
  root: string,
  campaign: ResolvedCampaign,
  options: { reading?: AggregateFilesOptions; maskPhone?: boolean; out: string },
) {
  const report = await streamAggregateFiles(['.'], campaign, { cwd: root, ...options.reading });
  const ahead = report.workbookRows;
  let copied = false;
  let rowsXml: Buffer | undefined;
  if (ahead) {
    const pieces = ahead.pieces.bind(ahead);
    // No final block: the rows end in a sync flush, the workbook's tail ends the stream.
    rowsXml = inflateRawSync(Buffer.concat([...pieces()]), { finishFlush: constants.Z_SYNC_FLUSH });
    ahead.pieces = () => {
      copied = true;
      return pieces();
    };
  }
  try {
    // Outside the batch's folder: the next run must not read this one's outputs.
    const out = join(mkdtempSync(join(tmpdir(), 'jianshen-workbook-rows-out-')), options.out);
    await writeAggregateOutputs(report, campaign, out, options.maskPhone ? { maskPhone: true } : {});
    const files = Object.fromEntries(readdirSync(out).map((name) => [name, readFileSync(join(out, name))]));
    return { ahead, copied, rowsXml, files, issues: report.issues };
  } finally {
    await report.dispose();
  }
}

/**
 * An output as a person opens it: a workbook's parts by name (the consolidated workbook's sheet
 * is deflated differently when its rows were deflated while reading), anything else its bytes.
 */
function opened(name: string, bytes: Buffer | undefined): Record<string, string> | string {
  if (!bytes) return '';
  if (!name.endsWith('.xlsx')) return bytes.toString('base64');
  const parts = unpackZip(bytes);
  return Object.fromEntries(
    Object.entries(parts).map(([part, data]) => [part, Buffer.from(data).toString()]),
  );
}

const spillFolders = () =>
  readdirSync(tmpdir()).filter((name) => name.startsWith(`jianshen-rows-${process.pid}-`));

describe('the consolidated workbook’s rows written while reading', () => {
  it('give the same outputs, every part byte for byte, and the same cut cells', async () => {
    const root = batch();
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [stamped] });
    const made = await run(root, campaign, { out: 'made' });
    const ahead = await run(root, campaign, { reading: { workbookRows: {} }, out: 'ahead' });
    expect(made.ahead).toBeUndefined();
    expect(ahead.ahead?.rowCount).toBeGreaterThan(10);
    expect(ahead.copied).toBe(true);
    expect(ahead.ahead?.cuts).toHaveLength(1);
    // The rows' deflated blocks hold the XML their size and CRC-32 state.
    expect(ahead.rowsXml?.length).toBe(ahead.ahead?.size);
    expect(crc32(ahead.rowsXml ?? '')).toBe(ahead.ahead?.crc);
    expect(ahead.rowsXml?.toString()).toMatch(/^<row r="4"/);
    expect(Object.keys(ahead.files).sort()).toEqual(Object.keys(made.files).sort());
    for (const [name, bytes] of Object.entries(made.files)) {
      if (name.startsWith('.')) continue;
      expect(opened(name, ahead.files[name]), name).toEqual(opened(name, bytes));
    }
    expect(ahead.issues).toEqual(made.issues);
    expect(ahead.issues.filter((issue) => issue.code === 'cell-truncated').length).toBeGreaterThan(0);
  });

  it('are not used by a workbook written with other options (masked phones)', async () => {
    const root = batch();
    const campaign = await resolveCampaign(linfen2024Campaign);
    const made = await run(root, campaign, { maskPhone: true, out: 'made' });
    const ahead = await run(root, campaign, { reading: { workbookRows: {} }, maskPhone: true, out: 'ahead' });
    expect(ahead.ahead?.maskPhone).toBe(false);
    expect(ahead.copied).toBe(false);
    const workbook = Object.keys(made.files).find((name) => name.endsWith('（汇总）.xlsx')) ?? '';
    expect(Buffer.compare(ahead.files[workbook] as Buffer, made.files[workbook] as Buffer)).toBe(0);
    const masked = await run(root, campaign, {
      reading: { workbookRows: { maskPhone: true } },
      maskPhone: true,
      out: 'masked',
    });
    expect(masked.ahead?.maskPhone).toBe(true);
    expect(masked.copied).toBe(true);
    expect(opened(workbook, masked.files[workbook])).toEqual(opened(workbook, made.files[workbook]));
  });

  it('are not written when a row’s standing waits for the whole batch (--replace), and go with the report', async () => {
    const root = batch();
    const campaign = await resolveCampaign(linfen2024Campaign);
    const before = spillFolders().length;
    const replaced = await streamAggregateFiles(['.'], campaign, {
      cwd: root,
      replace: true,
      workbookRows: {},
    });
    expect(replaced.workbookRows).toBeUndefined();
    await replaced.dispose();
    const report = await streamAggregateFiles(['.'], campaign, { cwd: root, workbookRows: {} });
    expect(report.workbookRows?.rowCount).toBe(report.summary.rowsAccepted);
    // The row store's folder and the workbook rows' folder.
    expect(spillFolders().length).toBe(before + 2);
    await report.dispose();
    expect(spillFolders().length).toBe(before);
  });
});
