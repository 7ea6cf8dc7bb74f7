import type { AggregateProgress, ReportIssue } from '@jianshen/aggregator';
import type { RenderedChart } from '@jianshen/charts';
import { type CampaignInput, type Lang, type RenderedIssue, renderIssue } from '@jianshen/schema';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AggregateView, ChosenFile, DownloadKind, IssuePlace } from './aggregate-api.js';
import { aggregateWorkerClass, deflateWorkerClass, startAggregateWorker } from './aggregate-client.js';
import { type AggregateTextKey, aggregateSays } from './aggregate-text.js';
import { chosenFromDrop } from './chosen-files.js';
import { DownloadButtons } from './download-buttons.js';
import { FileChooser } from './file-chooser.js';
import { IssueTable } from './issue-table.js';
import { ProgressBar } from './progress-bar.js';
import { type PreviewState, RowPreviewView } from './row-preview-view.js';
import { runAggregation, type WorkerConnection, WorkerStoppedError } from './run-aggregation.js';
import { type StampSource, stampRenderWidth } from './stamp-thumbnails.js';
import { UnitTable } from './unit-table.js';
import './aggregate.css';

export interface AggregatePartProps {
  lang: Lang;
  campaign: CampaignInput;
  /** The last aggregation's charts (from the worker's renderReportCharts), for the 图表 part. */
  onCharts: (charts: readonly RenderedChart[] | undefined) => void;
}

type RunState =
  | { state: 'idle' }
  | { state: 'running'; progress?: AggregateProgress }
  | { state: 'done'; view: AggregateView; crashed: readonly string[] }
  | { state: 'failed'; message: string; issues?: readonly RenderedIssue[] };

/** Runs the check in the worker whenever the files, the 报送日期, the language or the campaign change. */
function useAggregation(props: AggregatePartProps, files: readonly ChosenFile[], submittedOn: string) {
  const { lang, campaign, onCharts } = props;
  const [run, setRun] = useState<RunState>({ state: 'idle' });
  const connections = useRef<WorkerConnection[]>([]);
  const current = useRef<WorkerConnection | undefined>(undefined);
  // The worker of the last finished run, idle: the next run starts there.
  const spare = useRef<WorkerConnection | undefined>(undefined);
  const runId = useRef(0);
  const lastFiles = useRef(files);
  useEffect(() => {
    const id = ++runId.current;
    // A worker that finished its run is used again (its start-up, parsing the aggregator and
    // ECharts, is most of a small batch's time); one still working is stopped: that cancels it.
    for (const connection of connections.current.splice(0)) {
      if (connection === spare.current) connections.current.push(connection);
      else connection.terminate();
    }
    current.current = undefined;
    if (files.length === 0) {
      setRun({ state: 'idle' });
      onCharts(undefined);
      return;
    }
    // New files start at once; a campaign being typed into waits for a pause.
    const delay = lastFiles.current === files ? 400 : 0;
    lastFiles.current = files;
    setRun({ state: 'running' });
    const timer = setTimeout(async () => {
      const [Worker, DeflateWorker] = await Promise.all([aggregateWorkerClass(), deflateWorkerClass()]);
      if (id !== runId.current) return;
      try {
        const request = { campaign, files, lang, ...(submittedOn ? { submittedOn } : {}) };
        const finished = await runAggregation(request, {
          connect: () => {
            const idle = spare.current;
            spare.current = undefined;
            if (idle) return idle;
            const connection = startAggregateWorker(Worker, DeflateWorker);
            connections.current.push(connection);
            return connection;
          },
          onProgress: (progress) => id === runId.current && setRun({ state: 'running', progress }),
        });
        if (id !== runId.current) return;
        const { connection } = finished;
        current.current = connection;
        spare.current = connection;
        // A worker that dies later (e.g. making a download) is not offered to the next run.
        void connection.stopped.then(() => {
          if (spare.current === connection) spare.current = undefined;
        });
        const { result } = finished;
        if (result.ok) {
          setRun({ state: 'done', view: result.view, crashed: finished.crashed });
          onCharts(result.view.charts);
        } else if (result.kind === 'campaign') {
          setRun({
            state: 'failed',
            message: aggregateSays(lang, 'campaignInvalid'),
            issues: result.issues.map((issue) => renderIssue(issue, lang)),
          });
        } else {
          setRun({
            state: 'failed',
            message: aggregateSays(lang, 'inputInvalid', { reason: result.message }),
          });
        }
      } catch (error) {
        if (id !== runId.current) return;
        const reason =
          error instanceof WorkerStoppedError
            ? error.reason
            : error instanceof Error
              ? error.message
              : String(error);
        setRun({ state: 'failed', message: aggregateSays(lang, 'workerStopped', { reason }) });
      }
    }, delay);
    return () => clearTimeout(timer);
  }, [files, submittedOn, lang, campaign]);
  // The worker goes with the page part.
  useEffect(
    () => () => {
      for (const connection of connections.current) connection.terminate();
    },
    [],
  );
  /** Calls the finished run's worker; a worker that stops meanwhile is reported, not waited for. */
  const ask = async <T,>(call: (connection: WorkerConnection) => Promise<T>): Promise<T> => {
    const connection = current.current;
    if (!connection) throw new Error(aggregateSays(lang, 'workerStopped', { reason: '-' }));
    const stopped = connection.stopped.then((reason) => {
      throw new Error(aggregateSays(lang, 'workerStopped', { reason }));
    });
    return Promise.race([call(connection), stopped]);
  };
  return { run, ask };
}

/** 汇总: choose the units' files, check them in a worker, see the tables, download the outputs. */
export function AggregatePart(props: AggregatePartProps) {
  const { lang } = props;
  const [files, setFiles] = useState<readonly ChosenFile[]>([]);
  const [submittedOn, setSubmittedOn] = useState('');
  const [preview, setPreview] = useState<PreviewState | undefined>(undefined);
  const { run, ask } = useAggregation(props, files, submittedOn);
  const say = (key: AggregateTextKey, values?: Record<string, string | number>) =>
    aggregateSays(lang, key, values);
  useDropOnPage((dropped) => setFiles(dropped));
  // Cells cut in the downloads of this run (cell-truncated), shown with the run's issues.
  const [cuts, setCuts] = useState<readonly ReportIssue[]>([]);
  useEffect(() => {
    setPreview(undefined);
    setCuts([]);
  }, [run.state === 'done' ? run.view : undefined]);
  const choose = async (place: IssuePlace) => {
    setPreview({ state: 'loading', place });
    try {
      const outcome = await ask((connection) => connection.api.preview(place));
      setPreview({ state: 'shown', place, outcome });
    } catch (error) {
      setPreview({ state: 'failed', place, reason: error instanceof Error ? error.message : String(error) });
    }
  };
  const make = async (kind: DownloadKind) => {
    const file = await ask((connection) => connection.api.download(kind));
    if (file.cuts.length > 0) setCuts((known) => [...known, ...file.cuts]);
    return file;
  };
  const renderPdf = (path: string) => ask((connection) => connection.api.thumbnail(path, stampRenderWidth));
  return (
    <div class="aggregate-part" data-state={run.state}>
      <h2>{say('heading')}</h2>
      <p>{say('intro')}</p>
      <FileChooser
        lang={lang}
        count={files.length}
        submittedOn={submittedOn}
        onFiles={setFiles}
        onSubmittedOn={setSubmittedOn}
      />
      {run.state === 'running' ? <ProgressBar lang={lang} progress={run.progress} /> : null}
      {run.state === 'failed' ? <Failure message={run.message} issues={run.issues} /> : null}
      {run.state === 'done' ? (
        <Results
          lang={lang}
          run={{ ...run, view: viewWithCuts(run.view, cuts) }}
          files={files}
          preview={preview}
          onChoose={choose}
          make={make}
          renderPdf={renderPdf}
        />
      ) : null}
    </div>
  );
}

function Failure({ message, issues }: { message: string; issues?: readonly RenderedIssue[] | undefined }) {
  return (
    <div class="summary-error" role="alert">
      <p>{message}</p>
      {issues ? (
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.field}:${issue.code}`}>
              {issue.field ? `${issue.field}：` : ''}
              {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The run's view with the cells its downloads cut (cell-truncated warnings) among its issues, as
 * `jianshen aggregate` adds them to its issues list and report.json.
 */
function viewWithCuts(view: AggregateView, cuts: readonly ReportIssue[]): AggregateView {
  if (cuts.length === 0) return view;
  return {
    ...view,
    issues: [...view.issues, ...cuts],
    issueColumns: [...view.issueColumns, ...cuts.map((cut) => cut.field ?? '')],
    summary: { ...view.summary, warnings: view.summary.warnings + cuts.length },
  };
}

interface ResultsProps {
  lang: Lang;
  run: Extract<RunState, { state: 'done' }>;
  files: readonly ChosenFile[];
  preview: PreviewState | undefined;
  onChoose: (place: IssuePlace) => void;
  make: (kind: DownloadKind) => Promise<import('./aggregate-api.js').DownloadFile>;
  renderPdf: StampSource['renderPdf'];
}

function Results({ lang, run, files, preview, onChoose, make, renderPdf }: ResultsProps) {
  const { view, crashed } = run;
  const { summary } = view;
  const stamps = useStampSource(view, files, renderPdf);
  const readable = new Set(files.map((file) => file.path).filter((path) => !crashed.includes(path)));
  return (
    <div class="results">
      {crashed.length > 0 ? (
        <p class="summary-error" role="alert">
          {aggregateSays(lang, 'crashedFiles', { paths: crashed.join('、') })}
        </p>
      ) : null}
      <p class="summary-line">
        {aggregateSays(lang, 'summary', {
          files: summary.files,
          stamps: summary.filesStamp,
          ignored: summary.filesIgnored,
          read: summary.rowsRead,
          accepted: summary.rowsAccepted,
          rejected: summary.rowsRejected,
          duplicate: summary.rowsDuplicate,
          errors: summary.errors,
          warnings: summary.warnings,
        })}
      </p>
      <DownloadButtons lang={lang} make={make} />
      <UnitTable lang={lang} statuses={view.statuses} stamps={stamps} />
      <IssueTable
        lang={lang}
        issues={view.issues}
        statuses={view.statuses}
        columnLabels={view.issueColumns}
        readable={readable}
        chosen={preview?.place}
        onChoose={onChoose}
      />
      {preview ? <RowPreviewView lang={lang} preview={preview} /> : null}
    </div>
  );
}

/** The stamped copies of a finished run: their Files, formats and the worker's PDF renderer. */
function useStampSource(
  view: AggregateView,
  files: readonly ChosenFile[],
  renderPdf: StampSource['renderPdf'],
): StampSource {
  // One source per run: the thumbnails are drawn once, not again on every render.
  const render = useRef(renderPdf);
  render.current = renderPdf;
  return useMemo(() => {
    const fileByPath = new Map(files.map((chosen) => [chosen.path, chosen.file]));
    const formatByPath = new Map(view.files.map((file) => [file.path, file.format]));
    return {
      file: (path) => fileByPath.get(path),
      format: (path) => formatByPath.get(path),
      renderPdf: (path) => render.current(path),
    };
  }, [view, files]);
}

/** Files or folders dropped anywhere on the page (but on a file input, which takes its own). */
function useDropOnPage(onDrop: (files: ChosenFile[]) => void) {
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onTarget = (event: DragEvent) =>
      event.target instanceof HTMLInputElement && event.target.type === 'file';
    const over = (event: DragEvent) => {
      if (!hasFiles(event) || onTarget(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event) || onTarget(event) || !event.dataTransfer) return;
      event.preventDefault();
      void chosenFromDrop(event.dataTransfer).then((files) => {
        if (files.length > 0) onDrop(files);
      });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}
