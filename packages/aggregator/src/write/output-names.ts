import { stripBidiControls } from '@jianshen/ooxml';
import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { type Lang, textsIn } from '@jianshen/schema';
import { hash53 } from '../merge/row-key.js';
import { outputText } from './output-text.js';

/**
 * Most bytes of UTF-8 a name made by `safeFileName` takes. File systems allow 255 bytes per name
 * (ext4, APFS; NTFS 255 UTF-16 units): this leaves room for the longest suffix added to it
 * (「（汇总）.xlsx」 17 bytes, 「退回意见.xlsx」 17) with plenty to spare.
 */
export const fileNameMaxBytes = 180;

const encoder = new TextEncoder();

/** The longest start of `text` (whole characters) that fits in `bytes` bytes of UTF-8. */
function fitBytes(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const character of text) {
    used += encoder.encode(character).length;
    if (used > bytes) break;
    end += character.length;
  }
  return text.slice(0, end);
}

/**
 * A file name from a campaign title or unit: no path separators, characters Windows refuses or
 * bidi controls (which can make 「xlsx.exe」 look like 「exe.xlsx」), and at most
 * `fileNameMaxBytes` bytes. A longer name is cut and given a hash of the whole name, so two long
 * titles that start alike still get different names, and the same title always the same name.
 */
export function safeFileName(name: string): string {
  const clean =
    stripBidiControls(name)
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
      .trim()
      .replace(/[. ]+$/, '') || 'output';
  if (encoder.encode(clean).length <= fileNameMaxBytes) return clean;
  const tag = `~${hash53(clean).toString(36)}`;
  return `${fitBytes(clean, fileNameMaxBytes - tag.length).trimEnd()}${tag}`;
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
