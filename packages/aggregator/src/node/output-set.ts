import {
  closeSync,
  existsSync,
  fsync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import type { ByteSink } from '@jianshen/ooxml';
import { processAlive } from './process-cleanup.js';

/** One file of an output set: its name in the output folder and how its bytes are made. */
export interface NamedOutput {
  name: string;
  write(sink: ByteSink): Promise<void>;
}

// The set is replaced in two phases. 1: every new file is written and flushed into a staging
// folder inside the output folder (same file system, so a rename moves it). 2: a journal naming
// the staging folder and the set is written and renamed into place: that rename is the commit.
// Then each file is renamed over its old version. A crash before the commit leaves the old set
// (the staging folder is removed by the next run); a crash after it is finished by the next run,
// which finds the journal and completes the renames: the new set is complete from the commit on.
const journalName = '.jianshen-outputs.journal';
/** The names of the set now in the folder, so a name the new set no longer has is removed. */
const manifestName = '.jianshen-outputs.json';
const stagingPrefix = '.jianshen-staging-';

interface Journal {
  staging: string;
  names: string[];
  /** Names of the previous set that the new one does not reuse: removed with the swap. */
  dropped: string[];
}

/** A plain file name: a journal or manifest edited by hand can never point outside the folder. */
function plainName(name: unknown): name is string {
  return typeof name === 'string' && name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function readJournal(directory: string): Journal | undefined {
  const value = readJson(join(directory, journalName)) as Partial<Journal> | undefined;
  if (!value || !plainName(value.staging) || !value.staging.startsWith(stagingPrefix)) return undefined;
  const names = Array.isArray(value.names) ? value.names.filter(plainName) : [];
  const dropped = Array.isArray(value.dropped) ? value.dropped.filter(plainName) : [];
  return { staging: value.staging, names, dropped };
}

/** The names the last completed run wrote (none before the first run with a manifest). */
export function currentOutputNames(directory: string): string[] {
  const value = readJson(join(directory, manifestName)) as { names?: unknown } | undefined;
  return Array.isArray(value?.names) ? value.names.filter(plainName) : [];
}

function fsyncPath(path: string): void {
  try {
    const descriptor = openSync(path, 'r');
    try {
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch {
    // Windows cannot open a folder to flush it; its renames are durable without.
  }
}

function writeBytes(descriptor: number, chunk: Uint8Array): void {
  let offset = 0;
  while (offset < chunk.length) offset += writeSync(descriptor, chunk, offset);
}

/** Writes a small file through a temporary name and a rename: it is old or new, never half. */
function writeSmallAtomic(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  const descriptor = openSync(temporary, 'w', 0o644);
  try {
    writeBytes(descriptor, Buffer.from(text, 'utf8'));
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  renameSync(temporary, path);
}

/** Flushes a written file to disk on the thread pool, then closes it. */
function flushAndClose(descriptor: number): Promise<void> {
  return new Promise((resolve, reject) =>
    fsync(descriptor, (error) => {
      closeSync(descriptor);
      if (error) reject(error);
      else resolve();
    }),
  );
}

/**
 * Streams one output into `path`; resolves once it is written, with its flush to disk, which the
 * set waits for before its commit. The flush runs while the next output is made: report.json's
 * took 48 ms of the medium batch's job (strace), the main thread waiting.
 */
async function writeStreamed(
  path: string,
  output: NamedOutput,
  onChunk: () => void,
): Promise<{ flushed: Promise<void> }> {
  const descriptor = openSync(path, 'wx', 0o644);
  try {
    // Bytes go to the file as they are made: no output is ever whole in memory.
    await output.write((chunk) => {
      onChunk();
      writeBytes(descriptor, chunk);
    });
  } catch (error) {
    closeSync(descriptor);
    throw error;
  }
  const flushed = flushAndClose(descriptor);
  // Waited for with the rest (`writeOutputs`); a failure seen before then is not unhandled.
  flushed.catch(() => {});
  return { flushed };
}

/** Writes every output into `staging`, each flushed to disk; never leaves a flush running. */
async function writeOutputs(
  staging: string,
  outputs: readonly NamedOutput[],
  onChunk: () => void,
): Promise<void> {
  const flushes: Promise<void>[] = [];
  try {
    for (const output of outputs)
      flushes.push((await writeStreamed(join(staging, output.name), output, onChunk)).flushed);
  } finally {
    // Every flush settles (and its file closes) before the set commits or its folder is removed.
    await Promise.allSettled(flushes);
  }
  // All settled: the first flush that failed, if any, fails the set.
  await Promise.all(flushes);
}

/** Phase 2, also run by recovery: idempotent, so a crash inside it is finished by the next run. */
function applyJournal(directory: string, journal: Journal): void {
  const staging = join(directory, journal.staging);
  for (const name of journal.names) {
    const staged = join(staging, name);
    if (existsSync(staged)) renameSync(staged, join(directory, name));
  }
  for (const name of journal.dropped) rmSync(join(directory, name), { force: true });
  writeSmallAtomic(join(directory, manifestName), `${JSON.stringify({ names: journal.names })}\n`);
  fsyncPath(directory);
  rmSync(join(directory, journalName), { force: true });
  rmSync(staging, { recursive: true, force: true });
}

// `<output name>.<pid>[.<ms>].tmp`: how this module and older versions named temporary files.
// Matched after a known name, not by a pattern over the whole name: `问题清单.csv.<pid>.<ms>.tmp`
// read greedily was the name `问题清单.csv.<pid>` (no output) and stayed for good.
const temporarySuffix = /^\.(\d+)(?:\.\d+)?\.tmp$/;

/** A temporary file of ours whose process is gone; a user's own `*.tmp` files are left alone. */
function abandonedTemporary(name: string, outputNames: ReadonlySet<string>): boolean {
  for (const base of outputNames) {
    if (!name.startsWith(base)) continue;
    const owner = temporarySuffix.exec(name.slice(base.length))?.[1];
    if (owner === undefined) continue;
    const pid = Number(owner);
    return pid !== process.pid && !processAlive(pid);
  }
  return false;
}

/**
 * Finishes a swap a killed run left half done, then removes what interrupted runs left behind:
 * staging folders and temporary files of outputs (`outputNames` and the previous set's) whose
 * processes are gone. Call with the folder's lock held.
 */
export function recoverOutputSet(directory: string, outputNames: readonly string[] = []): void {
  const journal = readJournal(directory);
  if (journal) applyJournal(directory, journal);
  else rmSync(join(directory, journalName), { force: true });
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  const known = new Set([...outputNames, ...currentOutputNames(directory), manifestName, journalName]);
  for (const name of names) {
    if (name.startsWith(stagingPrefix) || abandonedTemporary(name, known))
      rmSync(join(directory, name), { recursive: true, force: true });
  }
}

export interface ReplaceOutputSetOptions {
  /** Called before each chunk is written (the heap guard). */
  onChunk?: () => void;
  /** Names of the previous set that must not be removed (inputs that happen to share a name). */
  keep?: ReadonlySet<string>;
}

/**
 * Replaces the outputs in `directory` as one set: after a crash, a full disk or a kill at any
 * moment, the folder holds the complete previous set or the complete new one (a swap cut short
 * is completed by the next run's `recoverOutputSet`). Resolves to the paths written.
 */
export async function replaceOutputSet(
  directory: string,
  outputs: readonly NamedOutput[],
  options: ReplaceOutputSetOptions = {},
): Promise<string[]> {
  const names = outputs.map((output) => output.name);
  recoverOutputSet(directory, names);
  const staging = mkdtempSync(join(directory, `${stagingPrefix}${process.pid}-`));
  try {
    await writeOutputs(staging, outputs, options.onChunk ?? (() => {}));
    fsyncPath(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const dropped = currentOutputNames(directory).filter(
    (name) => !names.includes(name) && !options.keep?.has(name),
  );
  const journal: Journal = { staging: basename(staging), names, dropped };
  writeSmallAtomic(join(directory, journalName), JSON.stringify(journal));
  fsyncPath(directory);
  applyJournal(directory, journal);
  return names.map((name) => join(directory, name));
}
