/**
 * 发文字号 per GB/T 9704-2012 §7.2.4: agency code, the year in full inside 〔〕 (U+3014/U+3015),
 * then the serial number without leading zeros or 第, ending in 号. E.g. 临体字〔2024〕44号.
 */
export const docNumberPattern = /^(\p{Script=Han}[\p{Script=Han}\d]{0,19})〔(\d{4})〕([1-9]\d*)号$/u;

export interface DocNumberParts {
  agencyCode: string;
  year: number;
  serial: number;
}

export function parseDocNumber(text: string): DocNumberParts | undefined {
  const match = docNumberPattern.exec(text);
  if (!match) return undefined;
  return { agencyCode: match[1]!, year: Number(match[2]), serial: Number(match[3]) };
}

/** Says what is wrong with a 发文字号 in words a clerk recognises, or nothing when it is right. */
export function explainDocNumber(text: string): { zh: string; en: string } | undefined {
  if (docNumberPattern.test(text)) return undefined;
  if (/[[\](){}【】（）［］]/.test(text)) {
    return { zh: '年份须用六角括号〔〕', en: 'the year goes inside 〔〕 (U+3014/U+3015)' };
  }
  if (!/〔.*〕/.test(text)) return { zh: '格式应为 X字〔YYYY〕N号', en: 'must look like X字〔YYYY〕N号' };
  if (/第/.test(text)) return { zh: '序号前不加“第”', en: 'no 第 before the number' };
  if (/〕0\d*号$/.test(text))
    return { zh: '序号不编虚位（不加前导 0）', en: 'no leading zeros in the number' };
  if (/〔\d{2}〕/.test(text)) return { zh: '年份须写全称（4 位）', en: 'the year must have four digits' };
  if (!/号$/.test(text)) return { zh: '须以“号”结尾', en: 'must end with 号' };
  return { zh: '格式应为 X字〔YYYY〕N号', en: 'must look like X字〔YYYY〕N号' };
}
