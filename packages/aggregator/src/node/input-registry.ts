import type { ReportLike } from '../report.js';

// The absolute input paths behind a report, so outputs can refuse to overwrite any of them.
const inputsByReport = new WeakMap<ReportLike, readonly string[]>();

export function rememberInputs(report: ReportLike, paths: readonly string[]): void {
  inputsByReport.set(report, paths);
}

export function inputsOf(report: ReportLike): readonly string[] {
  return inputsByReport.get(report) ?? [];
}
