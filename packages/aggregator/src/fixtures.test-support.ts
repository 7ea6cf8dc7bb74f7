import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ResolvedCampaign, resolveCampaign } from '@jianshen/plugin-kit';
import { linfen2024Campaign } from '@jianshen/schema';
import type { SubmissionInput } from './report.js';

/** Test helpers only (not exported by the package). */
export const fixturesDirectory = fileURLToPath(new URL('./__fixtures__/', import.meta.url));

export function fixture(name: string, modified?: Date): SubmissionInput {
  return {
    path: name,
    data: new Uint8Array(readFileSync(`${fixturesDirectory}${name}`)),
    ...(modified ? { modified } : {}),
  };
}

let linfen: Promise<ResolvedCampaign> | undefined;

export function linfenCampaign(): Promise<ResolvedCampaign> {
  linfen ??= resolveCampaign(linfen2024Campaign);
  return linfen;
}
