import { z } from 'zod';
import { docNumberPattern, explainDocNumber } from './doc-number.js';

/** A calendar day (YYYY-MM-DD) in a campaign file. */
export const isoDay = z.preprocess(
  // YAML and JS callers may hand over a Date; a campaign date is a calendar day.
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  // Worded by the catalogue (campaign-date), like every campaign message: see campaign-issues.ts.
  z.iso.date(),
);

export const docNumberSchema = z
  .string()
  .meta({
    description: '发文字号，如 临体字〔2024〕44号 (document number)',
    pattern: docNumberPattern.source,
  })
  .superRefine((value, context) => {
    const problem = explainDocNumber(value);
    if (problem) {
      context.addIssue({
        code: 'custom',
        input: value,
        params: { code: 'campaign-doc-number', data: { value, reason: problem } },
      });
    }
  });
