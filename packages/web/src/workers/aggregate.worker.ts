import {
  type AggregateReport,
  aggregateSources,
  compareSubmissionPaths,
  createCompressionStreamDeflater,
  createPortDeflater,
  cutCellIssue,
  issueColumns,
  type OutputOptions,
  outputFileNames,
  previewRow,
  type ReportIssue,
  reportWithCuts,
  type SubmissionSource,
  UnreadableError,
  unitStatuses,
  writeConsolidatedWorkbookTo,
  writeIssuesWorkbookTo,
  writeReportJsonTo,
  writeReturnOpinions,
} from '@jianshen/aggregator';
import { renderReportCharts } from '@jianshen/charts';
import { type ResolvedCampaign, resolveCampaign } from '@jianshen/plugin-kit';
import {
  CampaignError,
  type CampaignInput,
  type Lang,
  linfen2024Campaign,
  phrase,
  renderIssue,
} from '@jianshen/schema';
import { expose, transfer } from 'comlink';
import type {
  AggregateApi,
  AggregateRunRequest,
  AggregateRunResult,
  ChosenFile,
  DownloadFile,
  DownloadKind,
  IssuePlace,
} from '../aggregate/aggregate-api.js';
import { loadBrowserPlugin } from '../plugins/first-party-plugins.js';

/**
 * The aggregate worker: the aggregator's readers and writers and the charts run here, so the
 * page stays responsive. It keeps the chosen Files (not their bytes: each file is read when its
 * turn comes) and the last report, for downloads and row previews.
 */
interface LastRun {
  campaign: ResolvedCampaign;
  report: AggregateReport;
  files: Map<string, File>;
  lang: Lang;
  /**
   * Cells the downloads made so far cut to Excel's 32,767 characters (cell-truncated), by output
   * and cell: each is reported once, and the issues list and report.json made after carry them,
   * as `jianshen aggregate` writes them.
   */
  cuts: Map<string, ReportIssue>;
}

let last: LastRun | undefined;

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// The built-in campaign is named in issues (unit-not-submitted) as the CLI names it without
// --campaign, so the page's report reads like the CLI's for the same files.
const builtInPath = '(built-in: linfen-2024)';
const builtInText = JSON.stringify(linfen2024Campaign);

function isBuiltIn(campaign: CampaignInput): boolean {
  return JSON.stringify(campaign) === builtInText;
}

function sourcesOf(files: readonly ChosenFile[], crashed: ReadonlySet<string>): SubmissionSource[] {
  return files.map(({ file, path, fromFolder }) => ({
    path,
    ...(fromFolder ? { fromFolder: true } : {}),
    // The browser's lastModified plays the file time the CLI reads (mtime).
    modified: new Date(file.lastModified),
    load: crashed.has(path)
      ? () => Promise.reject(new UnreadableError(phrase('page-worker-stopped')))
      : async () => new Uint8Array(await file.arrayBuffer()),
  }));
}

async function run(
  request: AggregateRunRequest,
  onProgress: Parameters<AggregateApi['run']>[1],
): Promise<AggregateRunResult> {
  const { lang } = request;
  let campaign: ResolvedCampaign;
  try {
    campaign = await resolveCampaign(request.campaign, {
      loadPlugin: loadBrowserPlugin,
      // A plugin the page cannot load (a local file, a package it does not bundle, a factory that
      // throws) is left out with an issue in the report, as the CLI does: the rows still come.
      pluginFailures: 'report',
      ...(isBuiltIn(request.campaign) ? { path: builtInPath } : {}),
    });
  } catch (error) {
    if (error instanceof CampaignError) return { ok: false, kind: 'campaign', issues: error.issues };
    throw error;
  }
  // Each path once, in the order the CLI reads a folder.
  const unique = new Map(request.files.map((chosen) => [chosen.path, chosen]));
  const files = [...unique.values()].sort((a, b) => compareSubmissionPaths(a.path, b.path));
  last = undefined;
  let report: AggregateReport;
  try {
    report = await aggregateSources(sourcesOf(files, new Set(request.crashed)), campaign, {
      lang,
      ...(request.submittedOn ? { submittedOn: request.submittedOn } : {}),
      onProgress,
    });
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, kind: 'input', message: error.message };
    throw error;
  }
  last = {
    campaign,
    report,
    lang,
    files: new Map(files.map(({ path, file }) => [path, file])),
    cuts: new Map(),
  };
  const { summary } = report;
  const columnOf = issueColumns(campaign, { lang }).row;
  return {
    ok: true,
    view: {
      files: report.files,
      issues: report.issues,
      summary,
      statuses: unitStatuses(report, campaign),
      names: outputFileNames(campaign, lang),
      issueColumns: report.issues.map((issue) => String(columnOf(issue)[3] ?? '')),
      charts: renderReportCharts(summary, { lang }),
    },
  };
}

function lastRun(): LastRun {
  if (!last) throw new Error('尚未汇总 (nothing aggregated yet)');
  return last;
}

async function collect(write: (sink: (chunk: Uint8Array) => void) => Promise<void>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await write((chunk) => chunks.push(chunk));
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

// The browser's own deflater (CompressionStream) for the workbooks, where it has one: native,
// instead of fflate's deflate in JavaScript. In the deflating worker once the page attaches it.
let platformDeflater = createCompressionStreamDeflater();

function attachDeflater(port: MessagePort): void {
  if (platformDeflater) platformDeflater = createPortDeflater(port);
}

async function download(kind: DownloadKind): Promise<DownloadFile> {
  const run = lastRun();
  const { lang } = run;
  const found: ReportIssue[] = [];
  const output = (name: string): OutputOptions => ({
    lang,
    onTruncated: (cut) => found.push(renderIssue(cutCellIssue(name, cut), lang)),
    ...(platformDeflater ? { createDeflater: platformDeflater } : {}),
  });
  const made = await makeDownload(kind, run, output);
  const cuts: ReportIssue[] = [];
  for (const cut of found) {
    const key = `${cut.path}\u0000${cut.sheet ?? ''}\u0000${cut.row}\u0000${cut.field ?? ''}`;
    if (run.cuts.has(key)) continue;
    run.cuts.set(key, cut);
    cuts.push(cut);
  }
  const file = { ...made, cuts };
  // Handed over, not copied.
  return transfer(file, [file.bytes.buffer as ArrayBuffer]);
}

/** One output of the last run; the issues list and report.json carry the cuts found so far. */
async function makeDownload(
  kind: DownloadKind,
  { campaign, report, lang, files, cuts }: LastRun,
  output: (name: string) => OutputOptions,
): Promise<Omit<DownloadFile, 'cuts'>> {
  const names = outputFileNames(campaign, lang);
  // Only the outputs that list issues take the cuts (a copy of every issue once there are some).
  const withCuts = () => reportWithCuts(report, [...cuts.values()]);
  switch (kind) {
    case 'report-json':
      return {
        name: names.reportJson,
        type: 'application/json',
        bytes: await collect((sink) => writeReportJsonTo(withCuts(), sink)),
      };
    case 'workbook':
      return {
        name: names.workbook,
        type: xlsxType,
        bytes: await collect((sink) =>
          writeConsolidatedWorkbookTo(report, campaign, sink, output(names.workbook)),
        ),
      };
    case 'issues-xlsx':
      return {
        name: names.issuesXlsx,
        type: xlsxType,
        bytes: await collect((sink) =>
          writeIssuesWorkbookTo(withCuts(), campaign, sink, output(names.issuesXlsx)),
        ),
      };
    default:
      return {
        name: names.returns,
        type: 'application/zip',
        bytes: await writeReturnOpinions(report, campaign, {
          lang,
          load: async (path) => {
            const file = files.get(path);
            return file ? new Uint8Array(await file.arrayBuffer()) : undefined;
          },
        }),
      };
  }
}

async function preview(place: IssuePlace) {
  const { campaign, files } = lastRun();
  const file = files.get(place.path);
  if (!file) throw new Error(`${place.path}?`);
  return previewRow(
    {
      data: new Uint8Array(await file.arrayBuffer()),
      path: place.path,
      row: place.row,
      ...(place.sheet !== undefined ? { sheet: place.sheet } : {}),
      ...(place.field !== undefined ? { field: place.field } : {}),
    },
    campaign,
  );
}

/** A stamped copy's first page; pdf.js is loaded on the first call only. */
async function thumbnail(path: string, width: number): Promise<Uint8Array | undefined> {
  const file = lastRun().files.get(path);
  if (!file) return undefined;
  const { renderPdfFirstPage } = await import('./pdf-thumbnail.js');
  const png = await renderPdfFirstPage(new Uint8Array(await file.arrayBuffer()), width);
  return png ? transfer(png, [png.buffer as ArrayBuffer]) : undefined;
}

expose({ run, download, preview, thumbnail, attachDeflater } satisfies AggregateApi);
