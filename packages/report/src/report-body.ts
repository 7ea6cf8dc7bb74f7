import { assessmentFormula } from '@jianshen/aggregator';
import type { Lang } from '@jianshen/schema';
import type { ReportFigures } from './report-figures.js';
import { bracketedNames, reportText } from './report-text.js';

/** One numbered part of the report: 一、报送情况 and its paragraphs. */
export interface ReportPart {
  id: 'submissions' | 'activities' | 'assessment';
  heading: string;
  paragraphs: string[];
}

function joined(lang: Lang, items: readonly string[]): string {
  return items.join(reportText(lang, 'listSeparator'));
}

function submissionParagraphs(figures: ReportFigures, lang: Lang): string[] {
  const counts = {
    expected: figures.expected,
    reported: figures.reported.length,
    onTime: figures.onTime.length,
    late: figures.late.length,
    lateNames: bracketedNames(lang, figures.late),
  };
  const first = reportText(lang, figures.expected > 0 ? 'submissionExpected' : 'submissionAll', counts);
  if (figures.expected === 0) return [first];
  const missing =
    figures.missing.length > 0
      ? reportText(lang, 'missing', {
          missing: figures.missing.length,
          missingNames: joined(lang, figures.missing),
        })
      : reportText(lang, 'noneMissing');
  return [`${first}${missing}`];
}

function activityParagraphs(figures: ReportFigures, lang: Lang): string[] {
  const sentences = [reportText(lang, 'activitiesTotal', { activities: figures.activities })];
  if (figures.totals.length > 0) {
    const items = figures.totals.map((total) => reportText(lang, 'totalItem', total));
    sentences.push(reportText(lang, 'totals', { items: joined(lang, items) }));
  }
  if (figures.byMode.length > 0) {
    const modes = figures.byMode.map((mode) => reportText(lang, 'modeItem', mode));
    sentences.push(reportText(lang, 'byMode', { modes: joined(lang, modes) }));
  }
  if (figures.byMonth.length > 0) {
    const months = figures.byMonth.map((month) => reportText(lang, 'monthItem', month));
    sentences.push(reportText(lang, 'byMonth', { months: joined(lang, months) }));
  }
  if (figures.topUnits.length > 0) {
    const units = figures.topUnits.map((unit) => reportText(lang, 'unitItem', unit));
    sentences.push(reportText(lang, 'topUnits', { units: joined(lang, units) }));
  }
  return [sentences.join(reportText(lang, 'sentenceSeparator'))];
}

function assessmentParagraphs(figures: ReportFigures, lang: Lang): string[] {
  const { assessment } = figures;
  const sentences = [reportText(lang, 'assessment', { formula: assessmentFormula(assessment, lang) })];
  const scored = assessment.units.filter((unit) => unit.submitted);
  const best = Math.max(...scored.map((unit) => unit.score));
  if (scored.length > 0) {
    const units = scored.filter((unit) => unit.score === best).map((unit) => unit.unit);
    sentences.push(reportText(lang, 'bestUnits', { units: joined(lang, units), score: best }));
  }
  return [sentences.join(reportText(lang, 'sentenceSeparator'))];
}

/**
 * The report's three numbered parts, every number from `figures`: who reported (on time, late,
 * missing by name), the activities (total, by 举办方式, by month, the most active units), and
 * the 考核 (its formula and the best score).
 */
export function reportParts(figures: ReportFigures, lang: Lang): ReportPart[] {
  return [
    {
      id: 'submissions',
      heading: reportText(lang, 'submissionHeading'),
      paragraphs: submissionParagraphs(figures, lang),
    },
    {
      id: 'activities',
      heading: reportText(lang, 'activitiesHeading'),
      paragraphs: activityParagraphs(figures, lang),
    },
    {
      id: 'assessment',
      heading: reportText(lang, 'assessmentHeading'),
      paragraphs: assessmentParagraphs(figures, lang),
    },
  ];
}
