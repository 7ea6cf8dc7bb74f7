import { z } from 'zod';

/**
 * Default weights of the 考核 score. A unit that sent nothing scores 0; any other starts at
 * `full` and loses `late` if it came after the deadline, `rejectedRow` per row kept out by an
 * error and `issue` per problem found in its files. Simple on purpose: a city sets its own.
 */
export const defaultAssessmentWeights = { full: 100, late: 20, rejectedRow: 2, issue: 1 } as const;

/**
 * The campaign's `assessment:` section: the weights of the 考核 score.
 *
 * score = 0 for 未报送, else clamp(full − late × [late] − rejectedRow × rejected rows − issue ×
 * issues + Σ columns[key] × plugin column value, 0, full), rounded to one decimal.
 */
export const assessmentSectionSchema = z
  .strictObject({
    full: z.number().positive().default(defaultAssessmentWeights.full),
    late: z.number().min(0).default(defaultAssessmentWeights.late),
    rejectedRow: z.number().min(0).default(defaultAssessmentWeights.rejectedRow),
    issue: z.number().min(0).default(defaultAssessmentWeights.issue),
    /** Weights of plugin assessment columns by key (points per unit of the column's value). */
    columns: z.record(z.string(), z.number()).default({}),
  })
  .optional();

export type AssessmentSection = z.output<typeof assessmentSectionSchema>;
