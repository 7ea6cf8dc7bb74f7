import { mkdir, realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { SheetRecording, type TruncatedCell } from '@jianshen/ooxml';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { defaultLang, type Lang, renderIssue, renderMessage } from '@jianshen/schema';
import type { ReportIssue, ReportLike } from '../report.js';
import { writeConsolidatedWorkbookTo, writeIssuesWorkbookTo } from '../write/consolidated.js';
import { cutCellIssue, reportWithCuts } from '../write/cut-cells.js';
import { writeIssuesCsvTo } from '../write/issues-csv.js';
import { outputFileNames } from '../write/output-names.js';
import { writeReportJsonTo } from '../write/report-json.js';
import { createOffThreadRawDeflater } from './deflate-raw.js';
import { createHeapGuard } from './heap-guard.js';
import { inputsOf } from './input-registry.js';
import { lockOutputFolder, type OutputLock } from './output-lock.js';
import { type NamedOutput, replaceOutputSet } from './output-set.js';
import { outputWriteError } from './output-write-error.js';

export { safeFileName } from '../write/output-names.js';

export interface WriteOutputsOptions {
  lang?: Lang;
  /** Hide the middle digits of contact numbers in every output. */
  maskPhone?: boolean;
  /** Base the report's relative file paths are resolved against (default: process.cwd()). */
  cwd?: string;
  /**
   * The output folder's lock, when the caller took it already (the CLI takes it before reading,
   * so a second run refuses at once). Without it, the lock is taken and released here.
   */
  lock?: OutputLock;
  /** How long to wait for another run holding the folder (default 3 s); only without `lock`. */
  lockWaitMs?: number;
  /**
   * One more named output written with the others: the upward report (.docx), which
   * @jianshen/report drafts above this package (the CLI passes its renderer).
   */
  document?: { fileName: string; render: () => Promise<Uint8Array> };
}

async function canonical(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}

/**
 * The outputs of an aggregation, in the order they are written. One line per output: a new
 * output (a report document, a chart) is one more entry here and joins the set's guarantees.
 * A cell an output cuts to Excel's limit becomes a `cell-truncated` issue in `cuts`; each list of
 * issues is made when its turn comes, so it has the cuts of the outputs before it, and report.json
 * comes last with every cut (the order inside a set changes nothing of its all-or-nothing swap).
 */
function aggregateOutputs(
  report: ReportLike,
  campaign: ResolvedCampaign,
  options: WriteOutputsOptions,
  cuts: ReportIssue[],
): NamedOutput[] {
  const lang = options.lang ?? defaultLang;
  const output = {
    lang,
    ...(options.maskPhone ? { maskPhone: true } : {}),
    // zlib compresses on the thread pool (the other core) while the next rows are made.
    createDeflater: createOffThreadRawDeflater,
  };
  const names = outputFileNames(campaign, lang);
  const noting = (name: string) => ({
    ...output,
    onTruncated: (cut: TruncatedCell) => cuts.push(renderIssue(cutCellIssue(name, cut), lang)),
  });
  const withCuts = () => reportWithCuts(report, cuts);
  // The issue sheet is made once: the workbook records it, and 问题清单.xlsx copies it when no
  // cell was cut (a cut adds an issue, and the list is then made again with it).
  const issuesRecording = new SheetRecording();
  const outputs: NamedOutput[] = [
    {
      name: names.workbook,
      write: (sink) =>
        writeConsolidatedWorkbookTo(report, campaign, sink, { ...noting(names.workbook), issuesRecording }),
    },
    {
      name: names.issuesXlsx,
      write: (sink) =>
        writeIssuesWorkbookTo(withCuts(), campaign, sink, {
          ...noting(names.issuesXlsx),
          ...(cuts.length === 0 ? { issuesRecording } : {}),
        }),
    },
    {
      name: names.issuesCsv,
      write: async (sink) => writeIssuesCsvTo(withCuts(), sink, { ...noting(names.issuesCsv), campaign }),
    },
  ];
  const { document } = options;
  if (document)
    outputs.push({ name: document.fileName, write: async (sink) => sink(await document.render()) });
  outputs.push({ name: names.reportJson, write: (sink) => writeReportJsonTo(withCuts(), sink, output) });
  return outputs;
}

/**
 * Refuses before anything is written when an output would land on an input. Resolves to the
 * names of inputs inside the output folder: a previous output of that name is never removed.
 */
async function protectInputs(
  report: ReportLike,
  directory: string,
  targets: readonly string[],
  options: WriteOutputsOptions & { cwd: string },
): Promise<Set<string>> {
  const inputs = [...inputsOf(report), ...report.files.map((file) => resolve(options.cwd, file.path))];
  const protectedPaths = new Set(await Promise.all(inputs.map(canonical)));
  for (const target of targets) {
    if (protectedPaths.has(await canonical(target))) {
      const data = { path: target };
      throw new Error(renderMessage({ code: 'output-overwrites-input', data }, options.lang ?? defaultLang));
    }
  }
  const folder = await canonical(directory);
  return new Set(
    [...protectedPaths].filter((path) => dirname(path) === folder).map((path) => basename(path)),
  );
}

/**
 * Writes the consolidated workbook (named after the table title), 问题清单.xlsx, 问题清单.csv and
 * report.json into `outDir` as one set (see `replaceOutputSet`): a run killed at any moment leaves
 * the complete previous set or the complete new one, never a mix, and never writes over an input.
 * The folder is locked while it is written: a second run waits briefly, then refuses. Takes a
 * report in memory or streamed (`streamAggregateFiles`); each output is written as it is made.
 * Resolves to the paths written. A cell cut to Excel's limit is a `cell-truncated` warning, in the
 * outputs written after the cut and added to `report.issues` (and `summary.warnings`).
 */
export async function writeAggregateOutputs(
  report: ReportLike,
  campaign: ResolvedCampaign,
  outDir: string,
  options: WriteOutputsOptions = {},
): Promise<string[]> {
  const cwd = options.cwd ?? process.cwd();
  const directory = resolve(cwd, outDir);
  await mkdir(directory, { recursive: true });
  const cuts: ReportIssue[] = [];
  const outputs = aggregateOutputs(report, campaign, options, cuts);
  const keep = await protectInputs(
    report,
    directory,
    outputs.map((output) => join(directory, output.name)),
    { ...options, cwd },
  );
  const lock =
    options.lock ??
    (await lockOutputFolder(directory, {
      ...(options.lang ? { lang: options.lang } : {}),
      ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}),
    }));
  try {
    // Garbage is collected as chunks are written: each output is made of millions of small strings.
    const guard = createHeapGuard();
    const written = await replaceOutputSet(directory, outputs, { onChunk: () => guard.check(), keep }).catch(
      (error: unknown) => {
        throw outputWriteError(error, directory, options.lang);
      },
    );
    // The caller's report hears of the cuts too (the CLI counts them with the other warnings).
    report.issues.push(...cuts);
    report.summary.warnings += cuts.length;
    return written;
  } finally {
    if (!options.lock) lock.release();
  }
}
