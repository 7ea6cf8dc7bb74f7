import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SubmissionInput } from './report.js';

/** Test helpers only: the Linfen example's county returns (made by Excel/WPS/Word writers). */
export const linfenSubmissionsDirectory = fileURLToPath(
  new URL('../../../examples/linfen-2024/submissions/', import.meta.url),
);

/** The example's returns in the CLI's folder order, all received on `modified`. */
export function linfenSubmissions(modified = new Date('2024-05-27T02:00:00Z')): SubmissionInput[] {
  return readdirSync(linfenSubmissionsDirectory)
    .filter((name) => !name.endsWith('.py'))
    .sort()
    .map((name) => ({
      path: name,
      data: new Uint8Array(readFileSync(`${linfenSubmissionsDirectory}${name}`)),
      modified,
    }));
}
