import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import type { Lang } from '@jianshen/schema';

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
  return lang === 'zh'
    ? {
        reportJson: 'report.json',
        workbook: `${safeFileName(campaign.tableTitle)}（汇总）.xlsx`,
        issuesXlsx: '问题清单.xlsx',
        issuesCsv: '问题清单.csv',
        returns: '退回意见.zip',
      }
    : {
        reportJson: 'report.json',
        workbook: 'consolidated.xlsx',
        issuesXlsx: 'issues.xlsx',
        issuesCsv: 'issues.csv',
        returns: 'returns.zip',
      };
}
