import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The outputs in a folder (hidden bookkeeping files aside), by name, as hashes. */
export function outputsIn(folder: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const name of readdirSync(folder).sort()) {
    if (name.startsWith('.')) continue;
    found[name] = createHash('sha256')
      .update(readFileSync(join(folder, name)))
      .digest('hex');
  }
  return found;
}

/** 'close', not 'exit': only then has everything the child wrote to stderr arrived. */
export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
}
