// Times a whole process from the outside, start-up and exit included, as a user feels it: the
// `jianshen aggregate` job with its outputs written, or the bare exceljs read in a process of its
// own. Its peak RSS comes from a preloaded module (report-rss.mjs).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDirectory = dirname(fileURLToPath(import.meta.url));

/**
 * Runs `node --import report-rss.mjs ...args`; resolves to { wallMs, maxRssKb, code, inner } or
 * { error }, `inner` being the last line of its stdout when that is JSON (a measurement's own).
 */
export function timeProcess(args, { cwd }) {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', join(benchDirectory, 'report-rss.mjs'), ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30 * 60_000,
    });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      // Only the end is kept: a CLI may print a line per file.
      stdout = (stdout + chunk).slice(-65_536);
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const line = stderr
        .split('\n')
        .reverse()
        .find((text) => text.startsWith('{"benchMaxRssKb"'));
      // `jianshen aggregate` exits 1 when it found data errors: the synthetic batches have some.
      if (!line || (code !== 0 && code !== 1)) {
        done({ error: `exit ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}` });
        return;
      }
      const last = stdout.trim().split('\n').at(-1) ?? '';
      let inner;
      try {
        inner = last.startsWith('{') ? JSON.parse(last) : undefined;
      } catch {
        inner = undefined;
      }
      done({ wallMs, maxRssKb: JSON.parse(line).benchMaxRssKb, code, ...(inner ? { inner } : {}) });
    });
  });
}
