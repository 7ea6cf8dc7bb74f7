// Child process: the aggregator over the same files, through its Node entry exactly as the CLI
// calls it (rows spilled to a temporary file, outputs written as they are made) (built packages from node_modules/@jianshen/*/dist), then the outputs written to a
// temporary folder. Prints one JSON line.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { streamAggregateFiles, takeOverProcess, writeAggregateOutputs } from '@jianshen/aggregator/node';
import { loadCampaign } from '@jianshen/plugin-kit/node';

const manifest = JSON.parse(await readFile(process.argv[2], 'utf8'));
// Threads for reading (default: the aggregator's own default, cores − 1 and at most two).
const threadsArgument = process.argv.slice(3).find((argument) => /^\d+$/.test(argument));
const threads = threadsArgument === undefined ? undefined : Number(threadsArgument);
// As the CLI does (and as the package README asks of a program that owns its process): the heap
// guard may collect, WebAssembly stays on V8's baseline compiler. Without it V8 lets ~250 MB of
// garbage pile up over a country's batch before it collects (see bench/README.md, fifth round).
if (!process.argv.includes('--library-defaults')) takeOverProcess();
const campaign = await loadCampaign();
const started = performance.now();
const cpuBefore = process.cpuUsage();
const report = await streamAggregateFiles(manifest.files, campaign, {
  lang: 'zh',
  ...(threads !== undefined ? { threads } : {}),
});
const aggregateMs = performance.now() - started;
// CPU of every thread of the process (workers included): what the work costs, whatever the load.
const cpu = process.cpuUsage(cpuBefore);
const aggregateCpuMs = (cpu.user + cpu.system) / 1000;
const aggregateRssKb = process.resourceUsage().maxRSS;
const outDir = await mkdtemp(join(tmpdir(), 'jianshen-bench-out-'));
const writeStarted = performance.now();
try {
  await writeAggregateOutputs(report, campaign, outDir, { lang: 'zh' });
} finally {
  await report.dispose();
  await rm(outDir, { recursive: true, force: true });
}
const writeMs = performance.now() - writeStarted;
const rowsRead = report.files.reduce((sum, file) => sum + (file.rowsRead ?? 0), 0);
process.stdout.write(
  `${JSON.stringify({
    threads: threads ?? 'default',
    aggregateMs,
    aggregateCpuMs,
    writeMs,
    files: report.files.length,
    failedFiles: report.files.filter((file) => file.status !== 'ok').length,
    rowsRead,
    rowsAccepted: report.summary?.rowsAccepted,
    rowsRejected: report.summary?.rowsRejected,
    issues: report.issues.length,
    aggregateRssKb,
    maxRssKb: process.resourceUsage().maxRSS,
  })}\n`,
);
