import { parentPort, workerData } from 'node:worker_threads';
import { loadCampaign } from '@jianshen/plugin-kit/node';
import { packedBuffers, packRows } from '../merge/packed-rows.js';
import { pluginFieldKeys } from '../merge/unnumbered-row.js';
import { createPluginFieldGuard } from '../prepare/plugin-field-guard.js';
import { type PrepareInput, prepareSubmission } from '../prepare/prepare-submission.js';
import { readBounded } from './aggregate-files.js';
import { runWithTimeout } from './bounded-runner.js';
import { createHeapGuard } from './heap-guard.js';
import { nodeInflateRaw } from './inflate-raw.js';
import { campaignSignature, type PrepareJob, type WorkerData, type WorkerReply } from './worker-protocol.js';

// A worker thread of the read pool: loads the campaign once (from its file, or the built-in
// one), checks it is the campaign the main thread holds, then prepares files one at a time —
// read from disk, tables found, every row through the schema — and posts back plain data.
if (!parentPort) throw new Error('read-worker runs as a worker thread');
const port = parentPort;
const { campaignPath, signature, skipPlugins, budgetMs } = workerData as WorkerData;

const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

/** The file a job names, as `prepareSubmission` takes it. */
function jobInput(job: PrepareJob): PrepareInput {
  return {
    path: job.shown,
    ...(job.modified !== undefined ? { modified: new Date(job.modified) } : {}),
    ...(job.fromFolder ? { fromFolder: true } : {}),
    ...(job.listed ? { listed: job.listed } : {}),
    load: () => readBounded(job.path, job.limits.maxFileBytes),
  };
}

// An async function, not top-level await: the CommonJS build cannot have one.
async function start(): Promise<void> {
  try {
    // Loaded as the CLI's aggregate/validate load it: a failing plugin left out, not fatal. The
    // plugins that failed on the main thread are not loaded again: a factory that never settles
    // would hold each worker for the whole load timeout once more (issue 15).
    const campaign = await loadCampaign(campaignPath, {
      pluginFailures: 'report',
      skipPlugins,
      trialLoad: false,
    });
    if (campaignSignature(campaign) !== signature) {
      post({ type: 'init-failed', reason: 'campaign differs from the main thread’s' });
    } else {
      // One job at a time, in order: the pool posts the next job early so it waits here, and
      // interleaving two files would only delay the one the merge is waiting for.
      let previous: Promise<void> = Promise.resolve();
      // A worker keeps one file alive at a time: less garbage is let pile up than on the main thread.
      const guard = createHeapGuard(16 * 1024 * 1024);
      // Plugin field schemas bounded as on the main thread; one guard for the worker's whole run.
      const pluginFieldGuard = createPluginFieldGuard(campaign.fields, {
        runBounded: runWithTimeout,
        ...(budgetMs !== undefined ? { budgetMs } : {}),
      });
      const pluginKeys = pluginFieldKeys(campaign.fields);
      port.on('message', (job: PrepareJob) => {
        previous = previous.then(() => run(job));
      });
      const run = async (job: PrepareJob) => {
        try {
          const prepared = await prepareSubmission(jobInput(job), campaign, {
            limits: job.limits,
            inflateRaw: nodeInflateRaw,
            ...(pluginFieldGuard ? { pluginFieldGuard } : {}),
            ...(job.submittedOn !== undefined ? { submittedOn: job.submittedOn } : {}),
          });
          if (job.pack) {
            // The rows' lines and numbers go as transferred buffers: nothing per row to clone.
            const packed = packRows(prepared, { pluginKeys, withRules: job.pack.withRules });
            post(
              { type: 'done', id: job.id, prepared: packed },
              packed.packed ? packedBuffers(packed.packed) : [],
            );
          } else post({ type: 'done', id: job.id, prepared });
          guard.check();
        } catch (error) {
          post({
            type: 'failed',
            id: job.id,
            reason: error instanceof Error ? error.message : String(error),
          });
        }
      };
      post({ type: 'ready' });
    }
  } catch (error) {
    post({ type: 'init-failed', reason: error instanceof Error ? error.message : String(error) });
  }
}

void start();
