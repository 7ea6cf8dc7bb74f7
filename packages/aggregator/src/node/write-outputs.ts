import { mkdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { defaultLang, type Lang } from '@jianshen/schema';
import type { AggregateReport } from '../report.js';
import { writeConsolidatedWorkbook, writeIssuesWorkbook } from '../write/consolidated.js';
import { writeIssuesCsv } from '../write/issues-csv.js';
import { maskPhone } from '../write/mask-phone.js';
import { inputsOf } from './input-registry.js';

export interface WriteOutputsOptions {
  lang?: Lang;
  /** Hide the middle digits of contact numbers in every output. */
  maskPhone?: boolean;
  /** Base the report's relative file paths are resolved against (default: process.cwd()). */
  cwd?: string;
}

/** A file name from a campaign title: no path separators or characters Windows refuses. */
export function safeFileName(name: string): string {
  return (
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .trim()
      .slice(0, 120) || 'output'
  );
}

/** The report as written to report.json: phones masked on request. */
export function maskReport(report: AggregateReport): AggregateReport {
  return {
    ...report,
    rows: report.rows.map((row) => ({ ...row, phone: row.phone.map(maskPhone) })),
    issues: report.issues.map((issue) => {
      if (issue.field !== 'phone' || issue.value === undefined) return issue;
      const masked = maskPhone(issue.value);
      // The message may quote the number twice: as typed and as read (phone-leading-zero-restored).
      return { ...issue, value: masked, message: maskPhone(issue.message.split(issue.value).join(masked)) };
    }),
  };
}

async function canonical(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}

async function writeAtomic(
  path: string,
  data: Uint8Array | string,
  protectedPaths: ReadonlySet<string>,
): Promise<void> {
  if (protectedPaths.has(await canonical(path))) {
    throw new Error(`拒绝覆盖输入文件 ${path} (refusing to overwrite an input file)`);
  }
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes report.json, the consolidated workbook (named after the table title), 问题清单.xlsx and
 * 问题清单.csv into `outDir`, each through a temporary file and a rename, never over an input.
 * Resolves to the paths written.
 */
export async function writeAggregateOutputs(
  report: AggregateReport,
  campaign: ResolvedCampaign,
  outDir: string,
  options: WriteOutputsOptions = {},
): Promise<string[]> {
  const lang = options.lang ?? defaultLang;
  const cwd = options.cwd ?? process.cwd();
  const directory = resolve(cwd, outDir);
  await mkdir(directory, { recursive: true });
  const inputs = [...inputsOf(report), ...report.files.map((file) => resolve(cwd, file.path))];
  const protectedPaths = new Set(await Promise.all(inputs.map(canonical)));
  const output = { lang, ...(options.maskPhone ? { maskPhone: true } : {}) };
  const shown = options.maskPhone ? maskReport(report) : report;
  const names =
    lang === 'zh'
      ? {
          workbook: `${safeFileName(campaign.tableTitle)}（汇总）.xlsx`,
          issuesXlsx: '问题清单.xlsx',
          issuesCsv: '问题清单.csv',
        }
      : { workbook: 'consolidated.xlsx', issuesXlsx: 'issues.xlsx', issuesCsv: 'issues.csv' };
  const outputs: [string, Uint8Array | string][] = [
    ['report.json', `${JSON.stringify(shown, null, 2)}\n`],
    [names.workbook, await writeConsolidatedWorkbook(report, campaign, output)],
    [names.issuesXlsx, await writeIssuesWorkbook(report, campaign, output)],
    [names.issuesCsv, writeIssuesCsv(report, { ...output, campaign })],
  ];
  // Every target is checked before anything is written: a refused run leaves no partial outputs.
  const targets = outputs.map(([name]) => join(directory, name));
  for (const target of targets) {
    if (protectedPaths.has(await canonical(target))) {
      throw new Error(`拒绝覆盖输入文件 ${target} (refusing to overwrite an input file)`);
    }
  }
  for (const [index, [, data]] of outputs.entries())
    await writeAtomic(targets[index] ?? '', data, protectedPaths);
  return targets;
}
