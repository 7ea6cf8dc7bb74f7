import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { ListedEntry } from '../files/listed-file.js';
import type { ReadLimits } from '../limits.js';
import type { PackedSubmission } from '../merge/packed-rows.js';

/** Given to each worker when it starts. */
export interface WorkerData {
  /** The campaign file; undefined for the built-in campaign. */
  campaignPath: string | undefined;
  /** `campaignSignature` of the main thread's campaign: the worker refuses to work on another. */
  signature: string;
  /** Indexes of the campaign's plugins that failed to load on the main thread: not loaded again. */
  skipPlugins: number[];
  /** Milliseconds plugin field schemas may run on one batch of rows (see `ruleBudgetMs`). */
  budgetMs?: number;
}

/** One file to prepare. */
export interface PrepareJob {
  id: number;
  /** Absolute path to read. */
  path: string;
  /** The path as the report shows it. */
  shown: string;
  /** File time, ms since the epoch. */
  modified?: number;
  /** Found in a folder (name rules apply). */
  fromFolder?: boolean;
  /** What the folder walk already knows of the entry. */
  listed?: ListedEntry;
  limits: ReadLimits;
  submittedOn?: string;
  /**
   * Rows sent back packed (`PackedRows`): made into the row store's lines here, not on the main
   * thread; `withRules` when the campaign has rules (the lines then carry what they are given).
   * Without it rows come back as objects, for a merge that needs them whole.
   */
  pack?: { withRules: boolean };
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'init-failed'; reason: string }
  | { type: 'done'; id: number; prepared: PackedSubmission }
  | { type: 'failed'; id: number; reason: string };

/**
 * Everything preparing a file depends on, as text: a worker that loaded the campaign from its
 * file must hold exactly this campaign (same columns, period, year, area code, expected units),
 * or files are prepared on the main thread instead.
 */
export function campaignSignature(
  campaign: Pick<ResolvedCampaign, 'id' | 'fingerprint' | 'fieldContext' | 'expectedUnits' | 'fields'>,
): string {
  return JSON.stringify({
    id: campaign.id,
    fingerprint: campaign.fingerprint,
    fieldContext: campaign.fieldContext,
    expectedUnits: campaign.expectedUnits,
    fields: campaign.fields.map((field) => [field.key, field.label, field.required, field.source]),
  });
}

/**
 * The campaign's plugins that failed to load where it was first loaded: each left-out plugin has
 * its one issue at `plugins[i]` (see `ResolvedCampaign.issues`).
 */
export function leftOutPlugins(campaign: Pick<ResolvedCampaign, 'issues'>): number[] {
  const indexes = (campaign.issues ?? []).map((issue) => /^plugins\[(\d+)\]$/.exec(issue.field ?? '')?.[1]);
  return [...new Set(indexes.filter((index) => index !== undefined).map(Number))];
}
