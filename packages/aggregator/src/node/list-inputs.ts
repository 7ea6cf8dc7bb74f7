import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type IssueFinding, type PhraseCode, phrase, reportIssue } from '@jianshen/schema';
import { ignoredReasonOfName } from '../files/file-kinds.js';
import type { ListedEntry } from '../files/listed-file.js';

/**
 * One entry of the batch as the folder walk lists it: every file in an input folder is listed,
 * each once, in folder order; what the walk already knows (a lock file, a hidden folder, a link
 * back to a folder already read, a folder it could not open) rides along as `listed`.
 */
export interface InputEntry {
  /** Absolute path. */
  path: string;
  /** Found in a folder (name rules apply), not named on the command line. */
  fromFolder: boolean;
  listed?: ListedEntry;
  /**
   * Its size and time where listing already asked for them (a named file, a link followed), so
   * reading does not ask again.
   */
  stats?: Pick<Stats, 'size' | 'mtime'>;
}

/** What a path is that is neither a file nor a folder (kept in English in `InputRefusedError.data`). */
export type SpecialKind = 'FIFO' | 'character device' | 'block device' | 'socket';

/** Each kind in the catalogue's words, so a Chinese message does not say "（FIFO）". */
const kindPhrases: Record<SpecialKind, PhraseCode> = {
  FIFO: 'input-kind-fifo',
  'character device': 'input-kind-character-device',
  'block device': 'input-kind-block-device',
  socket: 'input-kind-socket',
};

/** The kind of a path that is neither a file nor a folder, or undefined. */
function specialKind(info: Stats): SpecialKind | undefined {
  if (info.isFIFO()) return 'FIFO';
  if (info.isCharacterDevice()) return 'character device';
  if (info.isBlockDevice()) return 'block device';
  if (info.isSocket()) return 'socket';
  return undefined;
}

/**
 * A pipe, device or socket named on the command line: refused at once, before anything is read
 * (opening a FIFO would wait for a writer forever). The `code` and `data` render with the
 * catalogue's `input-not-regular` message.
 */
export class InputRefusedError extends Error {
  override readonly name = 'InputRefusedError';
  readonly code = 'input-not-regular';
  constructor(readonly data: RefusedInput) {
    super(`"${data.path}" is not a regular file or folder (${data.kind}); refused`);
  }
}

export interface RefusedInput {
  path: string;
  kind: SpecialKind;
}

/** A refused input as the `input-not-regular` issue, its kind a catalogue phrase rendered at the edge. */
export function refusedInputIssue(refused: RefusedInput): IssueFinding & { path: string } {
  const data = { path: refused.path, kind: phrase(kindPhrases[refused.kind]) };
  return reportIssue('input-not-regular', data, { path: refused.path });
}

/** The inputs that are pipes, devices or sockets, as `InputRefusedError` data (the CLI checks first). */
export async function refusedInputs(inputs: readonly string[], cwd = process.cwd()): Promise<RefusedInput[]> {
  return refusedOf(inputs, await inputStats(inputs, cwd));
}

/**
 * Each input's stats (undefined where `stat` fails), asked for all at once: one after another,
 * each call waited its own turn of the thread pool and the event loop (on a network share, its
 * own round trip too). Listing 2,800 named files took 465-532 ms, now 256-270 ms; a folder of
 * them, whose plain files need no `realpath` any more, 183 ms, now 37-59 ms (local disk).
 */
function inputStats(inputs: readonly string[], cwd: string): Promise<(Stats | undefined)[]> {
  return Promise.all(inputs.map((input) => stat(resolve(cwd, input)).catch(() => undefined)));
}

function refusedOf(inputs: readonly string[], stats: readonly (Stats | undefined)[]): RefusedInput[] {
  return inputs.flatMap((input, index) => {
    const info = stats[index];
    const kind = info ? specialKind(info) : undefined;
    return kind ? [{ path: input, kind }] : [];
  });
}

interface Walk {
  found: InputEntry[];
  /** Real paths of the folders read so far, by the path first read: a link back is a loop. */
  folders: Map<string, string>;
  /** Real paths of the files listed so far, by the path first listed (a link to one is one file). */
  files: Map<string, string>;
}

/** What an entry is once links are followed: its stats, or the error that stopped `stat`. */
async function resolved(path: string, entry: Dirent): Promise<Stats | undefined> {
  if (!entry.isSymbolicLink()) return undefined;
  // A broken link stays a listed file: reading it says 文件不存在 at its path.
  return stat(path).catch(() => undefined);
}

/** What listing already knows of a file: its real path and its stats, when it asked. */
interface KnownFile {
  fromFolder: boolean;
  real?: string | undefined;
  stats?: Stats | undefined;
}

/** Lists a file once by its real path (looked up unless known): a link to one is one file. */
async function addFile(walk: Walk, path: string, known: KnownFile): Promise<void> {
  const { fromFolder, stats } = known;
  const real = known.real ?? (await realpath(path).catch(() => path));
  const first = walk.files.get(real);
  if (first === undefined) {
    walk.files.set(real, path);
    walk.found.push({ path, fromFolder, ...(stats ? { stats } : {}) });
  } else if (first !== path) {
    walk.found.push({ path, fromFolder, listed: { kind: 'ignored', reason: 'same-file', target: first } });
  }
}

// The kit's own bookkeeping in an output folder inside an input folder (its lock, its set's
// manifest and journal, a staging folder): not a county's file, so not listed at all.
const ownFilePrefix = '.jianshen-';

async function walkEntry(walk: Walk, folder: { path: string; real: string }, entry: Dirent): Promise<void> {
  if (entry.name.startsWith(ownFilePrefix)) return;
  const path = join(folder.path, entry.name);
  // A plain file's real path is its real folder's and its name: no call to the system for it.
  if (entry.isFile()) return addFile(walk, path, { fromFolder: true, real: join(folder.real, entry.name) });
  const linked = await resolved(path, entry);
  const isDirectory = linked ? linked.isDirectory() : entry.isDirectory();
  const isFile = linked ? linked.isFile() : entry.isFile() || entry.isSymbolicLink();
  if (isDirectory) {
    // A hidden or system folder (.git, __MACOSX) is one ignored entry, not hundreds.
    const reason = entry.name === '__MACOSX' ? 'system-file' : ignoredReasonOfName(entry.name);
    if (reason) walk.found.push({ path, fromFolder: true, listed: { kind: 'ignored', reason } });
    else await walkFolder(walk, path);
  } else if (isFile) await addFile(walk, path, { fromFolder: true, stats: linked });
  else walk.found.push({ path, fromFolder: true, listed: { kind: 'ignored', reason: 'special-file' } });
}

/**
 * Lists a folder recursively, sorted by name code units (the page's order too). Links are
 * followed, to files and folders; a folder reached again (a loop, or two links to one folder)
 * is listed once as ignored. A folder that cannot be read is one entry with its error code.
 */
async function walkFolder(walk: Walk, directory: string): Promise<void> {
  const real = await realpath(directory).catch(() => directory);
  const first = walk.folders.get(real);
  if (first !== undefined) {
    walk.found.push({
      path: directory,
      fromFolder: true,
      listed: { kind: 'ignored', reason: 'folder-loop', target: first },
    });
    return;
  }
  walk.folders.set(real, directory);
  let entries: Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (caught) {
    const reason = (caught as NodeJS.ErrnoException).code ?? String(caught);
    walk.found.push({ path: directory, fromFolder: true, listed: { kind: 'folder-unreadable', reason } });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) await walkEntry(walk, { path: directory, real }, entry);
}

/**
 * Every entry of the inputs: files named on the command line as they are (a missing one fails
 * at its own path), folders walked. A pipe, device or socket named on the command line throws
 * `InputRefusedError` before anything is listed.
 */
export async function listInputs(inputs: readonly string[], cwd = process.cwd()): Promise<InputEntry[]> {
  const stats = await inputStats(inputs, cwd);
  const [refused] = refusedOf(inputs, stats);
  if (refused) throw new InputRefusedError(refused);
  const paths = inputs.map((input) => resolve(cwd, input));
  // The named files' real paths, looked up together; folders are walked in turn below.
  const reals = await Promise.all(
    paths.map((path, index) => (stats[index]?.isDirectory() ? undefined : realpath(path).catch(() => path))),
  );
  const walk: Walk = { found: [], folders: new Map(), files: new Map() };
  for (const [index, path] of paths.entries()) {
    if (stats[index]?.isDirectory()) await walkFolder(walk, path);
    else await addFile(walk, path, { fromFolder: false, real: reals[index], stats: stats[index] });
  }
  return walk.found;
}
