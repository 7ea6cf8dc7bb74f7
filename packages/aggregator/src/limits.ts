import type { Phrase } from '@jianshen/schema';
import { renderPhrase } from '@jianshen/schema/reading';

/**
 * Bounds on what one input file may cost. Every reader checks them as it goes, so a zip bomb,
 * a million-row sheet or a 16,384-column row ends as one clear error for that file, within
 * bounded time and memory, and the rest of the batch goes on.
 */
export interface ReadLimits {
  /** Largest input file accepted, in bytes (default 64 MiB). */
  maxFileBytes: number;
  /** Total bytes all parts of one zip (xlsx/docx) may inflate to (default 256 MiB). */
  maxInflatedBytes: number;
  /** Rows per worksheet or CSV file (default 100,000; a county table has a few hundred). */
  maxRows: number;
  /** Columns per row (default 1,000; the statistics table has about ten). */
  maxColumns: number;
  /** Characters in one cell (default 32,767, the most Excel itself allows). */
  maxCellLength: number;
  /** Worksheets (or docx tables) per file (default 200). */
  maxSheets: number;
  /**
   * Inflated ÷ compressed size beyond which a part counts as a zip bomb once it passes 8 MiB
   * (default 200; Office XML compresses 5–30×, a bomb of spaces about 1,000×).
   */
  maxCompressionRatio: number;
}

export const defaultReadLimits: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxRows: 100_000,
  maxColumns: 1_000,
  maxCellLength: 32_767,
  maxSheets: 200,
  maxCompressionRatio: 200,
});

export function resolveLimits(limits: Partial<ReadLimits> = {}): ReadLimits {
  const resolved = { ...defaultReadLimits };
  for (const key of Object.keys(defaultReadLimits) as (keyof ReadLimits)[]) {
    const value = limits[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) resolved[key] = value;
  }
  return resolved;
}

/**
 * Thrown by readers when an input exceeds a limit; becomes a `file-too-large` issue whose
 * `{reason}` is this phrase. The error's own message is the phrase in English, for logs.
 */
export class LimitError extends Error {
  override readonly name = 'LimitError';
  constructor(
    readonly limit: keyof ReadLimits,
    readonly reason: Phrase,
  ) {
    super(renderPhrase(reason, 'en'));
  }
}

/** Thrown when a file's content cannot be read at all; becomes a `file-unreadable` issue. */
export class UnreadableError extends Error {
  override readonly name = 'UnreadableError';
  constructor(readonly reason: Phrase) {
    super(renderPhrase(reason, 'en'));
  }
}
