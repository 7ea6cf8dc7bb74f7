/** Exit codes the CLI promises: scripts and CI jobs branch on them. */
export const exitCodes = { ok: 0, dataErrors: 1, usage: 2 } as const;

/** A mistake in how the command was called or configured (exit 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
