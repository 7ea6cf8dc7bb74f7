import { describe, expect, it } from 'vitest';
import type { SubmissionSource } from '../aggregate.js';
import { resolveLimits } from '../limits.js';
import type { PackedSubmission } from '../merge/packed-rows.js';
import type { ReadOutcome } from '../read/read-submission.js';
import type { GridReader } from './grid-reader.js';
import { readAhead, sentWhenLoaded } from './read-ahead.js';

function sources(count: number, bytes: (index: number) => Uint8Array = () => new Uint8Array(0)) {
  const loads: string[] = [];
  const list: SubmissionSource[] = Array.from({ length: count }, (_, index) => ({
    path: `${index}.xlsx`,
    load: async () => {
      loads.push(`${index}.xlsx`);
      return bytes(index);
    },
  }));
  return { list, loads };
}

/** Stand-ins for the two steps: records which files were started and prepared, in order. */
function recorder(failing?: string) {
  const started: string[] = [];
  const prepared: string[] = [];
  const steps = {
    start: (source: SubmissionSource) => {
      started.push(source.path);
    },
    prepare: async (source: SubmissionSource): Promise<PackedSubmission> => {
      prepared.push(source.path);
      if (source.path === failing) throw new Error(`cannot read ${source.path}`);
      return { file: { path: source.path } as PackedSubmission['file'], units: [], issues: [], rows: [] };
    },
  };
  return { started, prepared, steps };
}

describe('readAhead', () => {
  it('starts the files after the one asked for, each once, and checks only the one asked for', async () => {
    const { started, prepared, steps } = recorder();
    const ahead = readAhead(sources(10).list, steps, 3);
    expect(started).toEqual([]);
    const first = await ahead[0]?.prepare?.();
    expect(first?.file.path).toBe('0.xlsx');
    expect(started).toEqual(['0.xlsx', '1.xlsx', '2.xlsx', '3.xlsx']);
    expect(prepared).toEqual(['0.xlsx']);
    const paths = [first?.file.path];
    for (const source of ahead.slice(1)) paths.push((await source.prepare?.())?.file.path);
    expect(paths).toEqual(sources(10).list.map((source) => source.path));
    expect(started).toEqual(paths);
    expect(prepared).toEqual(paths);
  });

  it('keeps at most the window ahead of the file asked for', async () => {
    const { started, steps } = recorder();
    const ahead = readAhead(sources(10).list, steps, 2);
    await ahead[0]?.prepare?.();
    await ahead[1]?.prepare?.();
    expect(started).toHaveLength(4);
  });

  it('hands a failure to the loop that asks for that file', async () => {
    const { steps } = recorder('1.xlsx');
    const ahead = readAhead(sources(3).list, steps, 2);
    await expect(ahead[0]?.prepare?.()).resolves.toMatchObject({ file: { path: '0.xlsx' } });
    await expect(ahead[1]?.prepare?.()).rejects.toThrow('cannot read 1.xlsx');
    await expect(ahead[2]?.prepare?.()).resolves.toMatchObject({ file: { path: '2.xlsx' } });
  });
});

/** A reader that records what it was given and taken, and answers with the file's name. */
function fakeReader() {
  const given: string[] = [];
  const taken: string[] = [];
  const outcome = (name: string): ReadOutcome =>
    ({
      ok: false,
      format: 'unknown',
      status: 'failed',
      code: 'file-unreadable',
      data: { reason: name },
    }) as ReadOutcome;
  const reader: Pick<GridReader, 'send' | 'read'> = {
    send: (_bytes, name) => {
      given.push(name);
      return {
        take: async () => {
          taken.push(name);
          return outcome(name);
        },
      };
    },
    read: async (_bytes, name) => outcome(`${name} read at once`),
  };
  return { reader, given, taken };
}

describe('sentWhenLoaded', () => {
  const limits = resolveLimits();
  // %PDF: a stamped copy.
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]);

  it('gives a file to the thread as it is loaded, and takes its grids when it is read', async () => {
    const { reader, given, taken } = fakeReader();
    const { list, loads } = sources(3, (index) => new Uint8Array([index]));
    const sending = sentWhenLoaded(list, reader, limits);
    sending.start(sending.sources[1] as SubmissionSource);
    await new Promise((resolve) => setImmediate(resolve));
    expect(given).toEqual(['1.xlsx']);
    expect(taken).toEqual([]);
    // The bytes loaded ahead are the ones the next load gives, not loaded twice.
    const bytes = await sending.sources[1]?.load();
    expect(loads).toEqual(['1.xlsx']);
    const outcome = await sending.read(bytes as Uint8Array, '1.xlsx', limits);
    expect(outcome).toMatchObject({ data: { reason: '1.xlsx' } });
    expect(taken).toEqual(['1.xlsx']);
    // Loaded again (it was let go once loaded), and sent again.
    await sending.sources[1]?.load();
    expect(loads).toEqual(['1.xlsx', '1.xlsx']);
    expect(given).toEqual(['1.xlsx', '1.xlsx']);
  });

  it('does not send a stamped copy, nor start a listed entry', async () => {
    const { reader, given } = fakeReader();
    const { list, loads } = sources(2, () => pdf);
    const listed = {
      ...list[1],
      listed: { kind: 'folder-unreadable', reason: 'EACCES' },
    } as SubmissionSource;
    const sending = sentWhenLoaded([list[0] as SubmissionSource, listed], reader, limits);
    sending.start(sending.sources[1] as SubmissionSource);
    const bytes = await sending.sources[0]?.load();
    expect(loads).toEqual(['0.xlsx']);
    expect(given).toEqual([]);
    // Bytes that were never sent are read at once.
    await expect(sending.read(bytes as Uint8Array, '0.xlsx', limits)).resolves.toMatchObject({
      data: { reason: '0.xlsx read at once' },
    });
  });

  it('hands a failed load ahead to the load that asks for it', async () => {
    const { reader } = fakeReader();
    const failing: SubmissionSource = { path: 'gone.xlsx', load: () => Promise.reject(new Error('ENOENT')) };
    const sending = sentWhenLoaded([failing], reader, limits);
    sending.start(sending.sources[0] as SubmissionSource);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(sending.sources[0]?.load()).rejects.toThrow('ENOENT');
  });
});
