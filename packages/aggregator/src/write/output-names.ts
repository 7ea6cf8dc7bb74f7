import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { type Lang, textsIn } from '@jianshen/schema';
import { outputText } from './output-text.js';

/** A file name from a campaign title or unit: no path separators or characters Windows refuses. */
export function safeFileName(name: string): string {
  return (
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .trim()
      .slice(0, 120) || 'output'
  );
}

/** The names an aggregation's outputs are saved under, the same wherever they are written. */
export interface OutputFileNames {
  reportJson: string;
  workbook: string;
  issuesXlsx: string;
  issuesCsv: string;
  /** The zip of return-opinion workbooks (退回意见). */
  returns: string;
}

/** The outputs' names in the chosen language, as `jianshen aggregate --out` writes them. */
export function outputFileNames(campaign: Pick<ResolvedCampaign, 'tableTitle'>, lang: Lang): OutputFileNames {
  const say = textsIn(outputText, lang);
  return {
    reportJson: 'report.json',
    workbook: say('workbookFile', { title: safeFileName(campaign.tableTitle) }),
    issuesXlsx: say('issuesXlsxFile'),
    issuesCsv: say('issuesCsvFile'),
    returns: say('returnsFile'),
  };
}
