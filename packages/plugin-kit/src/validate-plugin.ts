import { type Phrase, phrase } from '@jianshen/schema';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isZodSchema(value: unknown): boolean {
  return isRecord(value) && typeof (value as { safeParse?: unknown }).safeParse === 'function';
}

/**
 * Checks a loaded plugin's shape before anything uses it, so a typo in a plugin file is a clear
 * resolve-time message instead of a crash half-way through an aggregation.
 */
export function validatePlugin(candidate: unknown): Phrase[] {
  if (!isRecord(candidate)) return [phrase('plugin-not-a-plugin')];
  return [
    ...(typeof candidate.name !== 'string' || candidate.name === '' ? [phrase('plugin-no-name')] : []),
    ...fieldProblems(candidate.fields ?? []),
    ...ruleProblems(candidate.rules ?? {}),
    ...summaryProblems(candidate.summaries ?? []),
  ];
}

function fieldProblems(fields: unknown): Phrase[] {
  if (!Array.isArray(fields)) return [phrase('plugin-fields-not-array')];
  return fields.flatMap((field: unknown, index) => {
    if (!isRecord(field) || typeof field.key !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(field.key)) {
      return [phrase('plugin-field-key', { index })];
    }
    if (typeof field.label !== 'string' || field.label === '')
      return [phrase('plugin-field-label', { index })];
    if (!isZodSchema(field.schema)) return [phrase('plugin-field-schema', { index })];
    return [];
  });
}

function ruleProblems(rules: unknown): Phrase[] {
  if (!isRecord(rules) || Array.isArray(rules)) return [phrase('plugin-rules-not-object')];
  return Object.entries(rules).flatMap(([name, rule]) =>
    isRecord(rule) && isRecord(rule.meta) && isRecord(rule.meta.messages) && typeof rule.create === 'function'
      ? []
      : [phrase('plugin-rule-shape', { rule: name })],
  );
}

function summaryProblems(summaries: unknown): Phrase[] {
  if (!Array.isArray(summaries)) return [phrase('plugin-summaries-not-array')];
  return summaries.flatMap((summary: unknown, index) =>
    isRecord(summary) && typeof summary.id === 'string' ? [] : [phrase('plugin-summary-id', { index })],
  );
}
