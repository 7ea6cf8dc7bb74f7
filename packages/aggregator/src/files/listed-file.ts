/**
 * The files of a batch that are not data: those the folder walk or a folder's name rules set
 * aside (ignored, with the reason in the report), a folder that could not be read, and stamped
 * copies (盖章件), which are listed with their unit instead of being read as tables.
 */
import { type Issue, type Lang, phrase, renderPhrase, reportIssue } from '@jianshen/schema';
import type { FileReport } from '../report.js';
import { folderIgnoredReason, type IgnoredReason, stampFormatOf } from './file-kinds.js';
import { stampUnit } from './stamp-unit.js';

/** What the folder walk already knows of an entry before any byte is read. */
export type ListedEntry =
  | { kind: 'ignored'; reason: IgnoredReason; target?: string }
  /** A folder the walk could not open; `reason` is the system's error code (EACCES …). */
  | { kind: 'folder-unreadable'; reason: string };

/** How a file came into the batch: from a folder (name rules apply) or named on its own. */
export interface ListedInput {
  path: string;
  /** Found in a folder: litter and other kinds of files are ignored by name. */
  fromFolder?: boolean;
  listed?: ListedEntry;
}

/** One file's share of a batch when it is not read as data. */
export interface ListedOutcome {
  file: FileReport;
  issues: Issue[];
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

function ignored(file: FileReport, reason: IgnoredReason, target?: string): ListedOutcome {
  file.status = 'ignored';
  file.ignoredReason = reason;
  if (target !== undefined) file.ignoredTarget = target;
  return { file, issues: [] };
}

/**
 * Why an ignored file was set aside, in the report's language: rendered when the report is
 * assembled (an edge), from the catalogue's `ignored-…` phrases.
 */
export function ignoredNote(file: Pick<FileReport, 'path' | 'ignoredReason' | 'ignoredTarget'>, lang: Lang) {
  if (!file.ignoredReason) return undefined;
  const data = { extension: extensionOf(fileName(file.path)) || '—', target: file.ignoredTarget ?? '' };
  return renderPhrase(phrase(`ignored-${file.ignoredReason}`, data), lang);
}

/** A folder's system error code in the clerk's words where there are some (EACCES: no permission). */
function folderErrorReason(code: string) {
  if (code === 'EACCES' || code === 'EPERM') return phrase('permission-denied');
  if (code === 'ELOOP') return phrase('symlink-loop');
  return code;
}

/**
 * The outcome of a file settled before its bytes are read: ignored by the walk or by its name in
 * a folder, or a folder that could not be opened (an error at that folder; the run goes on).
 */
export function settledBeforeReading(input: ListedInput, file: FileReport): ListedOutcome | undefined {
  const listed = input.listed;
  if (listed?.kind === 'ignored') return ignored(file, listed.reason, listed.target);
  if (listed?.kind === 'folder-unreadable') {
    file.status = 'failed';
    return {
      file,
      issues: [
        reportIssue('folder-unreadable', { reason: folderErrorReason(listed.reason) }, { path: input.path }),
      ],
    };
  }
  const reason = input.fromFolder ? folderIgnoredReason(fileName(input.path)) : undefined;
  return reason ? ignored(file, reason) : undefined;
}

/**
 * A stamped copy, recognised by its content (PDF, JPEG, PNG, TIFF, HEIC): listed with the unit
 * its name or its text names, or with a warning that its unit is unknown. Undefined for data.
 */
export async function settledAsStamp(
  input: { path: string; bytes: Uint8Array; expectedUnits: readonly string[] },
  file: FileReport,
): Promise<ListedOutcome | undefined> {
  const format = stampFormatOf(input.bytes);
  if (!format) return undefined;
  file.status = 'stamp';
  file.format = format;
  const unit = await stampUnit({
    path: input.path,
    format,
    bytes: input.bytes,
    expectedUnits: input.expectedUnits,
  });
  if (!unit) return { file, issues: [reportIssue('stamp-unit-unknown', {}, { path: input.path })] };
  file.unit = unit.unit;
  file.unitSource = unit.source;
  return { file, issues: [] };
}
