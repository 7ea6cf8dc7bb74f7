import type { AggregateReport } from '../report.js';

// The absolute input paths behind a report, so outputs can refuse to overwrite any of them.
const inputsByReport = new WeakMap<AggregateReport, readonly string[]>();

export function rememberInputs(report: AggregateReport, paths: readonly string[]): void {
  inputsByReport.set(report, paths);
}

export function inputsOf(report: AggregateReport): readonly string[] {
  return inputsByReport.get(report) ?? [];
}
