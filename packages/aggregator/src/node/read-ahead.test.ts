import { describe, expect, it } from 'vitest';
import type { SubmissionSource } from '../aggregate.js';
import type { PackedSubmission } from '../merge/packed-rows.js';
import { readAhead } from './read-ahead.js';

function sources(count: number): SubmissionSource[] {
  return Array.from({ length: count }, (_, index) => ({
    path: `${index}.xlsx`,
    load: async () => new Uint8Array(0),
  }));
}

/** A stand-in for preparing a file: records which files were started, in order. */
function recorder(failing?: string) {
  const started: string[] = [];
  const prepare = async (source: SubmissionSource): Promise<PackedSubmission> => {
    started.push(source.path);
    if (source.path === failing) throw new Error(`cannot read ${source.path}`);
    return { file: { path: source.path } as PackedSubmission['file'], units: [], issues: [], rows: [] };
  };
  return { started, prepare };
}

describe('readAhead', () => {
  it('starts the files after the one asked for, each once, and answers in order', async () => {
    const { started, prepare } = recorder();
    const ahead = readAhead(sources(10), prepare, 3);
    expect(started).toEqual([]);
    const first = await ahead[0]?.prepare?.();
    expect(first?.file.path).toBe('0.xlsx');
    expect(started).toEqual(['0.xlsx', '1.xlsx', '2.xlsx', '3.xlsx']);
    const paths = [first?.file.path];
    for (const source of ahead.slice(1)) paths.push((await source.prepare?.())?.file.path);
    expect(paths).toEqual(sources(10).map((source) => source.path));
    expect(started).toEqual(paths);
  });

  it('keeps at most the window ahead of the file asked for', async () => {
    const { started, prepare } = recorder();
    const ahead = readAhead(sources(10), prepare, 2);
    await ahead[0]?.prepare?.();
    await ahead[1]?.prepare?.();
    expect(started).toHaveLength(4);
  });

  it('hands a failure to the loop that asks for that file, not before', async () => {
    const { prepare } = recorder('1.xlsx');
    const ahead = readAhead(sources(3), prepare, 2);
    // File 1 fails while file 0 is asked for: no unhandled rejection (vitest would fail the run).
    await expect(ahead[0]?.prepare?.()).resolves.toMatchObject({ file: { path: '0.xlsx' } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(ahead[1]?.prepare?.()).rejects.toThrow('cannot read 1.xlsx');
    await expect(ahead[2]?.prepare?.()).resolves.toMatchObject({ file: { path: '2.xlsx' } });
  });
});
