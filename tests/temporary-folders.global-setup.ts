import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every test's temporary folder under one root, removed when the run ends. Tests make their
 * folders with `mkdtemp(join(tmpdir(), …))`, and the CLI they start spills rows under `tmpdir()`
 * too; os.tmpdir() reads TMPDIR, which the test workers and their children inherit. Without it a
 * full run left ~165 folders (the aggregated outputs of every CLI test among them) in /tmp.
 */
export function setup(): () => void {
  const saved = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'jianshen-tests-'));
  // Open to every user, sticky, as /tmp is: a test runs the aggregator as `nobody` (an unreadable
  // folder is only unreadable to someone who is not root), and that run spills under TMPDIR too.
  chmodSync(root, 0o1777);
  process.env.TMPDIR = root;
  return () => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(root, { recursive: true, force: true });
  };
}
