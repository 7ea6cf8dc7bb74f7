import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, realpath, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { defaultLang, type Lang } from '@jianshen/schema';
import type { ReportLike } from '../report.js';
import { writeConsolidatedWorkbookTo, writeIssuesWorkbookTo } from '../write/consolidated.js';
import { writeIssuesCsvTo } from '../write/issues-csv.js';
import { outputFileNames } from '../write/output-names.js';
import { writeReportJsonTo } from '../write/report-json.js';
import type { ByteSink } from '../write/xlsx-writer.js';
import { createNodeRawDeflater } from './deflate-raw.js';
import { createHeapGuard, type HeapGuard } from './heap-guard.js';
import { inputsOf } from './input-registry.js';

export { safeFileName } from '../write/output-names.js';

export interface WriteOutputsOptions {
  lang?: Lang;
  /** Hide the middle digits of contact numbers in every output. */
  maskPhone?: boolean;
  /** Base the report's relative file paths are resolved against (default: process.cwd()). */
  cwd?: string;
  /**
   * One more named output written with the others: the upward report (.docx), which
   * @jianshen/report drafts above this package (the CLI passes its renderer).
   */
  document?: { fileName: string; render: () => Promise<Uint8Array> };
}

async function canonical(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}

async function writeAtomic(
  path: string,
  write: (sink: ByteSink) => Promise<void>,
  protectedPaths: ReadonlySet<string>,
  guard: HeapGuard,
): Promise<void> {
  if (protectedPaths.has(await canonical(path))) {
    throw new Error(`拒绝覆盖输入文件 ${path} (refusing to overwrite an input file)`);
  }
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  const descriptor = openSync(temporary, 'w');
  let closed = false;
  try {
    // Bytes go to the file as they are made: no output is ever whole in memory.
    await write((chunk) => {
      guard.check();
      let offset = 0;
      while (offset < chunk.length) offset += writeSync(descriptor, chunk, offset);
    });
    closeSync(descriptor);
    closed = true;
    await rename(temporary, path);
  } catch (error) {
    if (!closed) closeSync(descriptor);
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes report.json, the consolidated workbook (named after the table title), 问题清单.xlsx and
 * 问题清单.csv into `outDir`, each through a temporary file and a rename, never over an input.
 * Takes a report in memory or streamed (`streamAggregateFiles`); either way each output is
 * written as it is made. Resolves to the paths written.
 */
export async function writeAggregateOutputs(
  report: ReportLike,
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
  const output = {
    lang,
    ...(options.maskPhone ? { maskPhone: true } : {}),
    createDeflater: createNodeRawDeflater,
  };
  const names = outputFileNames(campaign, lang);
  const outputs: [string, (sink: ByteSink) => Promise<void>][] = [
    [names.reportJson, (sink) => writeReportJsonTo(report, sink, output)],
    [names.workbook, (sink) => writeConsolidatedWorkbookTo(report, campaign, sink, output)],
    [names.issuesXlsx, (sink) => writeIssuesWorkbookTo(report, campaign, sink, output)],
    [names.issuesCsv, async (sink) => writeIssuesCsvTo(report, sink, { ...output, campaign })],
  ];
  const { document } = options;
  if (document) outputs.push([document.fileName, async (sink) => sink(await document.render())]);
  // Every target is checked before anything is written: a refused run leaves no partial outputs.
  const targets = outputs.map(([name]) => join(directory, name));
  for (const target of targets) {
    if (protectedPaths.has(await canonical(target))) {
      throw new Error(`拒绝覆盖输入文件 ${target} (refusing to overwrite an input file)`);
    }
  }
  // Garbage is collected as chunks are written: each output is made of millions of small strings.
  const guard = createHeapGuard();
  for (const [index, [, write]] of outputs.entries())
    await writeAtomic(targets[index] ?? '', write, protectedPaths, guard);
  return targets;
}
