#!/usr/bin/env node
// `npm run bench [-- --sizes small,medium,large,medium-lo,medium-sheetjs] [--rounds N] [--seed N] [--cli-runs N] [--out FILE]
//   [--only aggregate,generators,cli,bundles,browser] [--browser-size medium] [--no-browser]`
//
// Measures the built packages (run `npm run build` first): aggregation at three sizes against a
// bare exceljs streaming read of the same files, peak memory, notice/template generation and CLI
// start-up, and the browser bundle size of every package entry. Each measurement runs in its own child process so its peak RSS is its own; the floor
// and the aggregation take turns, round after round, and each is judged by its median (a shared
// machine's speed drifts by ±20% within a minute, which one run each would read as a result). Prints a
// table with PASS/FAIL against the targets and writes bench-results.json; exits 0 either way —
// it measures, it does not gate.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatBundleSizes, measureBundleSizes } from './bundle-sizes.mjs';
import { libreOfficeMissing } from './libreoffice-batch.mjs';
import { timeProcess } from './measure-process.mjs';
import { benchSizes, ensureSubmissions } from './synthetic-submissions.mjs';

const benchDirectory = dirname(fileURLToPath(import.meta.url));
const root = resolve(benchDirectory, '..');
/** The opt-in sizes written again by another program: what each line says of it. */
const savedByLines = {
  libreoffice: 'the medium batch saved again by LibreOffice (rich text, shared strings)',
  sheetjs: 'the medium batch written again by SheetJS (inline strings, no shared strings)',
};
const targets = { ratio: 1.0, readRatio: 0.5, peakRssMb: 300, cliStartupMs: 300, browserRatio: 1.5 };

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'small,medium,large' },
    seed: { type: 'string', default: '20240528' },
    'cli-runs': { type: 'string', default: '15' },
    // Floor and aggregation, alternating; the median of each is compared.
    rounds: { type: 'string', default: '3' },
    out: { type: 'string', default: join(root, 'bench-results.json') },
    // Also aggregate on the main thread only (the aggregator without its read pool), to compare.
    // Node 20's parseArgs has no `--no-` negation, so the opt-out is its own flag.
    'no-single-thread': { type: 'boolean', default: false },
    // Only these parts (comma-separated): `--only bundles` takes seconds, not the aggregation's minutes.
    only: { type: 'string', default: 'aggregate,generators,cli,bundles,browser' },
    // The batch the page aggregates in chromium (issue 13: the medium one).
    'browser-size': { type: 'string', default: 'medium' },
    'no-browser': { type: 'boolean', default: false },
  },
});
const partNames = ['aggregate', 'generators', 'cli', 'bundles', 'browser'];
const parts = new Set(
  values.only
    .split(',')
    .map((name) => name.trim())
    // `sizes` reads naturally for bundle sizes; it is the same part.
    .map((name) => (name === 'sizes' ? 'bundles' : name))
    .filter(Boolean),
);
for (const part of parts) {
  if (!partNames.includes(part)) {
    console.error(`unknown part "${part}"; use ${partNames.join(', ')}`);
    process.exit(2);
  }
}
if (values['no-browser']) parts.delete('browser');
const onlyBrowser = !parts.has('aggregate');
// The aggregator's default number of checking threads: one per core but one, at most two (on 2
// cores the main thread, with a reading thread beside it that only reads).
const defaultThreads = Math.max(1, Math.min(availableParallelism() - 1, 2));
// With a second core the default is never one thread alone (a read pool, or the reading thread
// beside the main thread): one thread (`threads: 1`) is run once too, to compare.
values['single-thread'] = !values['no-single-thread'] && availableParallelism() > 1;
const sizeNames = (onlyBrowser ? '' : values.sizes)
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
for (const name of [...sizeNames, values['browser-size']]) {
  if (!(name in benchSizes)) {
    console.error(`unknown size "${name}"; use ${Object.keys(benchSizes).join(', ')}`);
    process.exit(2);
  }
}
const seed = Number(values.seed);
const rounds = Math.max(1, Number(values.rounds) || 1);

/** Reads every file once, so neither contender pays for a cold file cache. */
async function warmFileCache(manifest) {
  const { files } = JSON.parse(await readFile(manifest, 'utf8'));
  for (const file of files) await readFile(file);
}

/** The floor's process run, with its own in-process numbers beside the process's. */
function floorOf(run) {
  if (run.error || !run.inner) return { error: run.error ?? 'the floor printed no result' };
  return { ...run.inner, innerWallMs: run.inner.wallMs, wallMs: run.wallMs, maxRssKb: run.maxRssKb };
}

/** `jianshen aggregate <files> -o <temporary folder>` (the built bin), timed as a whole process. */
async function cliJob(files) {
  const outDir = await mkdtemp(join(tmpdir(), 'jianshen-bench-cli-'));
  try {
    return await timeProcess([join(root, 'packages/cli/dist/bin.js'), 'aggregate', ...files, '-o', outDir], {
      cwd: root,
    });
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/**
 * `jianshen validate <files>` (the built bin), timed as a whole process: reading and checking as a
 * clerk runs it, with nothing kept for outputs (the issue's "reading" against the bare read).
 */
function cliValidate(files) {
  return timeProcess([join(root, 'packages/cli/dist/bin.js'), 'validate', ...files], { cwd: root });
}

/** The run whose `key` is the median of the runs (the whole run, so its other numbers match). */
function medianRun(runs, key) {
  const ok = runs.filter((run) => !run.error);
  if (ok.length === 0) return runs[0];
  const sorted = [...ok].sort((a, b) => a[key] - b[key]);
  return { ...sorted[Math.floor(sorted.length / 2)], runs: ok.map((run) => run[key]) };
}

/** Runs a measurement script in a fresh Node process; returns its JSON line or { error }. */
function child(script, args) {
  return new Promise((done) => {
    const process_ = spawn(process.execPath, [join(benchDirectory, script), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      // A hung measurement is a result too: it ends as an error in the table, not a hung bench.
      timeout: 30 * 60_000,
    });
    let stdout = '';
    let stderr = '';
    process_.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    process_.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    process_.on('close', (code) => {
      const line = stdout.trim().split('\n').at(-1);
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        done(JSON.parse(line));
      } catch {
        done({ error: `${script} failed (exit ${code}): ${firstError(stderr)}` });
      }
    });
  });
}

/** The line of a child's stderr that names the error, not Node's trailer. */
function firstError(stderr) {
  const lines = stderr.trim().split('\n');
  return (lines.find((line) => /^\w*Error\b|^Error \[/.test(line)) ?? lines.at(-1) ?? '').trim();
}

function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function cliStartup(runs) {
  const bin = join(root, 'packages/cli/dist/bin.js');
  const times = [];
  let version = '';
  for (let index = 0; index <= runs; index++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [bin, '--version'], { cwd: root, encoding: 'utf8' });
    const elapsed = performance.now() - started;
    if (result.status !== 0) {
      return { error: `jianshen --version failed: ${firstError(result.stderr || '')}` };
    }
    version = result.stdout.trim();
    if (index > 0) times.push(elapsed); // the first run warms the file cache
  }
  // Bare Node on the same machine at the same moment: what no CLI can go below.
  const bare = [];
  for (let index = 0; index <= runs; index++) {
    const started = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    if (index > 0) bare.push(performance.now() - started);
  }
  const nodeMs = median(bare);
  return { medianMs: median(times), minMs: Math.min(...times), nodeMs, runs, version };
}

const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
const mb = (kb) => kb / 1024;
const fixed = (value, digits = 0) => (typeof value === 'number' ? value.toFixed(digits) : '—');

const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model,
    memoryMb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    // Other work on the machine competes for the same cores: the numbers are only as quiet as this.
    loadAverageAtStart: loadavg().map((value) => Number(value.toFixed(2))),
  },
  targets,
  rounds,
  parts: [...parts],
  sizes: [],
};

if (parts.has('bundles')) {
  process.stderr.write('bundle sizes…\n');
  results.bundleSizes = await measureBundleSizes(root);
}

for (const name of parts.has('aggregate') ? sizeNames : []) {
  const size = benchSizes[name];
  process.stderr.write(`[${name}] ${size.files} files × ${size.rows} rows: preparing… `);
  const missing = size.savedBy === 'libreoffice' ? libreOfficeMissing() : undefined;
  if (missing) {
    process.stderr.write(`skipped: ${missing}\n`);
    results.sizes.push({ name, ...size, skipped: missing });
    continue;
  }
  const generatedAt = performance.now();
  const submissions = await ensureSubmissions(size, {
    seed,
    onProgress: (done, total) => {
      if (done % 100 === 0 || done === total) process.stderr.write(`${done} `);
    },
  });
  process.stderr.write(
    submissions.cached
      ? '(cached)\n'
      : `generated in ${fixed((performance.now() - generatedAt) / 1000, 1)} s\n`,
  );
  const manifest = join(submissions.directory, 'manifest.json');
  await warmFileCache(manifest);
  const floorRuns = [];
  const aggregateRuns = [];
  const jobRuns = [];
  const validateRuns = [];
  const { files: batchFiles } = JSON.parse(await readFile(manifest, 'utf8'));
  for (let round = 1; round <= rounds; round++) {
    process.stderr.write(`[${name}] round ${round}/${rounds}: bare exceljs read… `);
    floorRuns.push(
      floorOf(
        await timeProcess([join(benchDirectory, 'measure-exceljs-floor.mjs'), manifest], { cwd: root }),
      ),
    );
    process.stderr.write('jianshen aggregate… ');
    jobRuns.push(await cliJob(batchFiles));
    process.stderr.write('reading alone… ');
    aggregateRuns.push(await child('measure-aggregate.mjs', [manifest]));
    process.stderr.write('jianshen validate…\n');
    validateRuns.push(await cliValidate(batchFiles));
  }
  const floor = medianRun(floorRuns, 'wallMs');
  const aggregate = medianRun(aggregateRuns, 'aggregateMs');
  const job = medianRun(jobRuns, 'wallMs');
  const validate = medianRun(validateRuns, 'wallMs');
  process.stderr.write(`[${name}] sheet XML throughput, stage by stage…\n`);
  const sheetXml = await child('measure-sheet-xml.mjs', [manifest, String(Math.max(3, rounds))]);
  let singleThread;
  if (values['single-thread']) {
    process.stderr.write(`[${name}] aggregate on one thread…\n`);
    singleThread = await child('measure-aggregate.mjs', [manifest, '1']);
  }
  const entry = {
    name,
    ...size,
    dataRows: submissions.dataRows,
    directory: submissions.directory,
    floor,
    job,
    aggregate,
    validate,
    sheetXml,
    ...(singleThread ? { singleThread } : {}),
  };
  if (!floor.error && !aggregate.error && !job.error) {
    entry.rowsPerSecond = submissions.dataRows / (job.wallMs / 1000);
    // The headline: the whole job as a user runs it (start-up, reading, outputs written, exit)
    // against the bare read as a process of its own, start-up included too.
    entry.ratio = job.wallMs / floor.wallMs;
    // Reading alone (read, check, merge; no outputs), in-process against the floor's in-process time.
    entry.readRatio = aggregate.aggregateMs / floor.innerWallMs;
    // Each round's own ratios too: how far one unlucky minute could move the verdict.
    entry.roundRatios = jobRuns.map((run, index) =>
      run.error || floorRuns[index]?.error ? null : run.wallMs / floorRuns[index].wallMs,
    );
    // `jianshen validate` as a process against the floor as a process, round by round like the job.
    if (!validate.error) {
      entry.validateRatio = validate.wallMs / floor.wallMs;
      entry.roundValidateRatios = validateRuns.map((run, index) =>
        run.error || floorRuns[index]?.error ? null : run.wallMs / floorRuns[index].wallMs,
      );
    }
    entry.roundReadRatios = aggregateRuns.map((run, index) =>
      run.error || floorRuns[index]?.error ? null : run.aggregateMs / floorRuns[index].innerWallMs,
    );
    // Peak memory is judged by the worst round, not the median: the CLI processes and the in-process run.
    entry.peakRssMb = mb(
      Math.max(
        ...[...jobRuns, ...aggregateRuns, ...validateRuns]
          .filter((run) => !run.error)
          .map((run) => run.maxRssKb),
      ),
    );
    entry.accountedRows = aggregate.rowsRead === submissions.dataRows;
    entry.cpuRatio = aggregate.aggregateCpuMs / floor.cpuMs;
    if (singleThread && !singleThread.error) entry.speedup = singleThread.aggregateMs / aggregate.aggregateMs;
    entry.verdicts = {
      ratio: verdict(entry.ratio <= targets.ratio),
      readRatio: verdict(entry.readRatio <= targets.readRatio),
      peakRss: verdict(entry.peakRssMb < targets.peakRssMb),
    };
  }
  results.sizes.push(entry);
}

if (parts.has('generators')) {
  process.stderr.write('notice, template and report generation…\n');
  results.generators = await child('measure-generators.mjs', ['7']);
}
if (parts.has('cli')) {
  process.stderr.write('CLI start-up…\n');
  results.cliStartup = cliStartup(Number(values['cli-runs']));
  if (!results.cliStartup.error) {
    results.cliStartup.verdict = verdict(results.cliStartup.medianMs < targets.cliStartupMs);
  }
}

/** The page's worker in headless chromium against `jianshen aggregate` on the same batch. */
async function browserRow(name) {
  const size = benchSizes[name];
  process.stderr.write(`[browser] ${name}: ${size.files} files × ${size.rows} rows: preparing… `);
  const missing = size.savedBy === 'libreoffice' ? libreOfficeMissing() : undefined;
  if (missing) {
    process.stderr.write(`skipped: ${missing}\n`);
    return { name, ...size, error: `skipped: ${missing}` };
  }
  const submissions = await ensureSubmissions(size, { seed });
  process.stderr.write(submissions.cached ? '(cached)\n' : 'generated\n');
  const manifest = join(submissions.directory, 'manifest.json');
  await warmFileCache(manifest);
  process.stderr.write(
    `[browser] ${rounds} alternating rounds: the page in chromium, then jianshen aggregate…\n`,
  );
  const row = await child('measure-browser.mjs', [manifest, String(rounds)]);
  const entry = { name, ...size, dataRows: submissions.dataRows, ...row };
  if (typeof row.ratio === 'number') entry.verdict = verdict(row.ratio <= targets.browserRatio);
  return entry;
}
if (parts.has('browser')) results.browser = await browserRow(values['browser-size']);

// ---- report ----
const lines = [];
lines.push(
  `Jianshen Kit bench — ${results.machine.cpus} cores, ${results.machine.cpuModel ?? '?'}, Node ${results.machine.node}`,
  '',
);
if (parts.has('aggregate')) {
  lines.push(
    'size      files  rows/file  data rows  job s   exceljs floor s  ratio  target≤1.0  read s  read ratio  target≤0.5  peak RSS MB  target<300',
  );
}
for (const entry of results.sizes) {
  if (entry.skipped) {
    lines.push(
      `${entry.name.padEnd(10)}${String(entry.files).padEnd(7)}${String(entry.rows).padEnd(11)}SKIPPED`,
    );
    lines.push(`        ${entry.skipped}`);
    continue;
  }
  const { aggregate, floor, job, validate, sheetXml } = entry;
  if (entry.savedBy)
    lines.push(`${entry.name}: ${savedByLines[entry.savedBy] ?? `saved by ${entry.savedBy}`}`);
  if (aggregate.error || floor.error || job.error) {
    lines.push(
      `${entry.name.padEnd(10)}${String(entry.files).padEnd(7)}${String(entry.rows).padEnd(11)}ERROR`,
    );
    if (floor.error) lines.push(`        floor: ${floor.error}`);
    if (job.error) lines.push(`        jianshen aggregate: ${job.error}`);
    if (aggregate.error) lines.push(`        reading alone: ${aggregate.error}`);
    continue;
  }
  lines.push(
    [
      entry.name.padEnd(10),
      String(entry.files).padEnd(7),
      String(entry.rows).padEnd(11),
      String(entry.dataRows).padEnd(11),
      fixed(job.wallMs / 1000, 2).padEnd(8),
      fixed(floor.wallMs / 1000, 2).padEnd(17),
      fixed(entry.ratio, 2).padEnd(7),
      entry.verdicts.ratio.padEnd(12),
      fixed(aggregate.aggregateMs / 1000, 2).padEnd(8),
      fixed(entry.readRatio, 2).padEnd(12),
      entry.verdicts.readRatio.padEnd(12),
      fixed(entry.peakRssMb).padEnd(13),
      entry.verdicts.peakRss,
    ].join(''),
  );
  const one = entry.singleThread && !entry.singleThread.error ? entry.singleThread : undefined;
  if (defaultThreads === 1 && availableParallelism() > 1) {
    lines.push(
      '        default on this machine: the main thread checks and merges, a reading thread reads (cores − 1 = 1 checking thread)',
    );
  } else if (defaultThreads === 1) {
    lines.push('        default on this machine: one thread (one core), so no separate one-thread run');
  }
  lines.push(
    `        job = \`jianshen aggregate\` as a process (start-up, reading, outputs written: ${fixed(aggregate.writeMs / 1000, 2)} s of writing in-process); floor = the exceljs read as a process; read = reading, checking and merging in-process, against the floor's in-process ${fixed(floor.innerWallMs / 1000, 2)} s`,
  );
  lines.push(
    validate.error
      ? `        jianshen validate: ERROR ${validate.error}`
      : `        \`jianshen validate\` as a process (reading and checking, no row kept): ${fixed(validate.wallMs / 1000, 2)} s, ÷ floor ${fixed(entry.validateRatio, 2)}${rounds > 1 ? ` (rounds ${entry.roundValidateRatios.map((ratio) => fixed(ratio, 2)).join(', ')})` : ''}; peak RSS ${fixed(mb(validate.maxRssKb))} MB`,
  );
  if (rounds > 1) {
    lines.push(
      `        median of ${rounds} alternating rounds; each round's ratio: ${entry.roundRatios.map((ratio) => fixed(ratio, 2)).join(', ')}; read ratio: ${entry.roundReadRatios.map((ratio) => fixed(ratio, 2)).join(', ')}; job s ${job.runs.map((ms) => fixed(ms / 1000, 2)).join(', ')}; floor s ${floor.runs.map((ms) => fixed(ms / 1000, 2)).join(', ')}`,
    );
  }
  lines.push(
    `        cpu (all threads): reading ${fixed(aggregate.aggregateCpuMs / 1000, 2)} s, floor ${fixed(floor.cpuMs / 1000, 2)} s, ratio ${fixed(entry.cpuRatio, 2)}; rows/s ${fixed(entry.rowsPerSecond)}; floor RSS ${fixed(mb(floor.maxRssKb))} MB` +
      (one
        ? `; one thread (threads: 1): ${fixed(one.aggregateMs / 1000, 2)} s wall, ${fixed(mb(one.maxRssKb))} MB peak, ×${fixed(entry.speedup, 2)} the default’s time`
        : ''),
  );
  if (sheetXml && !sheetXml.error) {
    const stage = (key) => `${fixed(sheetXml.stages[key]?.mbPerSecond)} MB/s`;
    lines.push(
      `        sheet XML (${fixed(sheetXml.sheetMb, 1)} MB inflated): inflate only ${stage('inflate')}, + decode ${stage('inflate + decode')}, ooxml tokenizer ${stage('ooxml tokenizer')} (in place ${stage('ooxml tokenizer, in place')}, with the row lane ${stage('ooxml tokenizer, row lane')}), saxes ${stage('saxes')}, xlsx reader ${stage('xlsx reader')}`,
    );
  } else if (sheetXml?.error) lines.push(`        sheet XML: ERROR ${sheetXml.error}`);
  if (!entry.accountedRows) {
    lines.push(
      `        note: the report reads ${aggregate.rowsRead} data rows; the generator wrote ${entry.dataRows}`,
    );
  }
}
lines.push('');
if (results.generators) {
  const { notice, template, report } = results.generators;
  lines.push(
    `notice (.docx):    ${notice?.error ? `ERROR ${notice.error}` : `${fixed(notice?.medianMs, 1)} ms (median of 7)`}`,
    `template (.xlsx):  ${template?.error ? `ERROR ${template.error}` : `${fixed(template?.medianMs, 1)} ms (median of 7)`}`,
    `report (.docx):    ${report?.error ? `ERROR ${report.error}` : `${fixed(report?.medianMs, 1)} ms (median of 3, charts drawn)`}`,
  );
  if (results.generators.error) lines.push(`generators: ERROR ${results.generators.error}`);
}
const cli = results.cliStartup;
if (cli) {
  lines.push(
    cli.error
      ? `CLI start-up: ERROR ${cli.error}`
      : `CLI start-up (jianshen --version): ${fixed(cli.medianMs)} ms median of ${cli.runs} (bare node -e 0: ${fixed(cli.nodeMs)} ms), target <${targets.cliStartupMs} ms: ${cli.verdict}`,
  );
}
if (results.bundleSizes) lines.push('', formatBundleSizes(results.bundleSizes), '');
const page = results.browser;
if (page) {
  const batch = `${page.name} ${page.files} × ${page.rows}`;
  if (page.skipped) lines.push(`browser (${batch}): SKIPPED — ${page.skipped}`);
  else if (page.error) lines.push(`browser (${batch}): ERROR ${page.error}`);
  else {
    lines.push(
      `browser (${batch}, the page's worker in headless chromium): ${fixed(page.browserMs / 1000, 2)} s, ` +
        (page.cliError
          ? `jianshen aggregate: ERROR ${page.cliError}`
          : `jianshen aggregate ${fixed(page.cliMs / 1000, 2)} s, ratio ${fixed(page.ratio, 2)}, target≤${targets.browserRatio}: ${page.verdict}`),
      `        median of ${page.rounds}; page s ${page.browserRuns.map((ms) => fixed(ms / 1000, 2)).join(', ')}; CLI s ${(page.cliRuns ?? []).map((ms) => fixed(ms / 1000, 2)).join(', ')}; page main-thread heap ${fixed(page.mainThreadHeapMb)} MB`,
      `        with the CLI's outputs made too (汇总工作簿, 问题清单, report.json): ${fixed(page.browserWithOutputsMs / 1000, 2)} s, ratio ${fixed(page.ratioWithOutputs, 2)}`,
    );
    const report = page.pageReport;
    if (report?.error) lines.push(`        page report.json: ERROR ${report.error}`);
    else if (report && report.rowsAccepted !== page.cliRowsAccepted) {
      lines.push(
        `        note: the page accepted ${report.rowsAccepted} rows, the CLI ${page.cliRowsAccepted}`,
      );
    }
    if (page.problems?.length) lines.push(`        page errors: ${page.problems.join('; ')}`);
  }
}
results.machine.loadAverageAtEnd = loadavg().map((value) => Number(value.toFixed(2)));
lines.push(
  `load average ${results.machine.loadAverageAtStart.join(' ')} at start, ${results.machine.loadAverageAtEnd.join(' ')} at end, on ${results.machine.cpus} cores`,
);
console.log(lines.join('\n'));
await writeFile(values.out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten ${values.out}`);
