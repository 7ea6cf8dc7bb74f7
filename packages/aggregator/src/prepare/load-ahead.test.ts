import { describe, expect, it } from 'vitest';
import type { SubmissionSource } from '../aggregate.js';
import { loadAhead } from './load-ahead.js';

/** Sources that record when each is loaded; `fails` names those whose load rejects. */
function sources(names: string[], options: { fails?: string[]; listed?: string[] } = {}) {
  const loaded: string[] = [];
  const list: SubmissionSource[] = names.map((name) => ({
    path: name,
    ...(options.listed?.includes(name)
      ? { listed: { kind: 'folder-unreadable', reason: 'EACCES' } as const }
      : {}),
    load: async () => {
      loaded.push(name);
      if (options.fails?.includes(name)) throw new Error(`${name} unreadable`);
      return new TextEncoder().encode(name);
    },
  }));
  return { list, loaded };
}

describe('files loaded one ahead', () => {
  it('starts the next file’s load with each, and hands each its own bytes, after `afterLoad`', async () => {
    const { list, loaded } = sources(['a', 'b', 'c']);
    const prepared: string[] = [];
    const ahead = loadAhead(list, async (bytes) => {
      prepared.push(new TextDecoder().decode(bytes));
    });
    expect(new TextDecoder().decode(await ahead[0]!.load())).toBe('a');
    expect(loaded).toEqual(['a', 'b']);
    expect(new TextDecoder().decode(await ahead[1]!.load())).toBe('b');
    expect(loaded).toEqual(['a', 'b', 'c']);
    expect(new TextDecoder().decode(await ahead[2]!.load())).toBe('c');
    expect(loaded).toEqual(['a', 'b', 'c']);
    expect(prepared).toEqual(['a', 'b', 'c']);
  });

  it('fails a file’s own load only, never the one before it', async () => {
    const { list } = sources(['a', 'b'], { fails: ['b'] });
    const ahead = loadAhead(list);
    await expect(ahead[0]!.load()).resolves.toBeInstanceOf(Uint8Array);
    await expect(ahead[1]!.load()).rejects.toThrow('b unreadable');
  });

  it('does not load ahead an entry settled without its bytes (a lock file, an unreadable folder)', async () => {
    const { list, loaded } = sources(['a', '~$a'], { listed: ['~$a'] });
    await loadAhead(list)[0]!.load();
    expect(loaded).toEqual(['a']);
  });
});
