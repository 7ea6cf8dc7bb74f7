import type {
  AggregateProgress,
  FileReport,
  OutputFileNames,
  ReportIssue,
  ReportSummary,
  RowPreviewOutcome,
  UnitStatus,
} from '@jianshen/aggregator';
import type { RenderedChart } from '@jianshen/charts';
import type { CampaignInput, Issue, Lang } from '@jianshen/schema';

/** A chosen submission: the File (it can be posted to a worker) and the path shown for it. */
export interface ChosenFile {
  file: File;
  /** webkitRelativePath for a folder's files, the name otherwise (the CLI shows its paths). */
  path: string;
  /** Chosen as part of a folder: the aggregator's folder rules apply (lock files ignored …). */
  fromFolder?: boolean;
}

export interface AggregateRunRequest {
  /** Plain data: each side resolves it with the same browser plugin loader. */
  campaign: CampaignInput;
  files: readonly ChosenFile[];
  lang: Lang;
  /** 报送日期: every file counts as submitted on this ISO day (the CLI's --submitted-on). */
  submittedOn?: string;
  /** Files a worker stopped on: each becomes its own file-unreadable issue and is not read again. */
  crashed?: readonly string[];
}

/** What the page shows of a finished aggregation (the rows stay in the worker). */
export interface AggregateView {
  files: FileReport[];
  issues: ReportIssue[];
  summary: ReportSummary;
  statuses: UnitStatus[];
  names: OutputFileNames;
  /** Each issue's column as the issues workbook names it (应报单位, 举办时间 …), by issue index. */
  issueColumns: string[];
  charts: RenderedChart[];
}

export type AggregateRunResult =
  | { ok: true; view: AggregateView }
  | { ok: false; kind: 'campaign'; issues: Issue[] }
  | { ok: false; kind: 'input'; message: string };

export type DownloadKind = 'report-json' | 'workbook' | 'issues-xlsx' | 'returns';

export interface DownloadFile {
  name: string;
  type: string;
  bytes: Uint8Array;
  /**
   * Cells this download cut to Excel's 32,767 characters that no earlier download had
   * (cell-truncated warnings): the page adds them to its issue table.
   */
  cuts: ReportIssue[];
}

/** Where an issue is: what the row preview needs. */
export interface IssuePlace {
  path: string;
  sheet?: string;
  row: number;
  field?: string;
}

/** What the aggregate worker exposes through comlink. */
export interface AggregateApi {
  run(
    request: AggregateRunRequest,
    onProgress: (state: AggregateProgress) => void,
  ): Promise<AggregateRunResult>;
  /** One output of the last run, named as `jianshen aggregate --out` names it. */
  download(kind: DownloadKind): Promise<DownloadFile>;
  preview(place: IssuePlace): Promise<RowPreviewOutcome>;
  /**
   * The first page of a stamped copy (盖章件) PDF of the last run as a PNG about `width` pixels
   * wide, rendered in the worker by pdf.js; undefined when it cannot be drawn.
   */
  thumbnail(path: string, width: number): Promise<Uint8Array | undefined>;
  /**
   * Deflates the workbooks through `port`, a channel to the deflating worker (deflate.worker.ts),
   * instead of on this worker's own thread.
   */
  attachDeflater(port: MessagePort): void;
}
