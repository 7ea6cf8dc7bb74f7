import { run } from './index.js';

/** Runs the CLI in-process and captures what it prints, for tests. */
export async function runCaptured(argv: string[], cwd: string = process.cwd()) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run(argv, {
    cwd,
    env: {},
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
    interactive: false,
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}
