import type { Phrase } from '../issues/issue.js';
import { phrase } from '../issues/report-issue.js';

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

/** Says what is wrong with a 发文字号 in words a clerk recognises (a phrase), or nothing when it is right. */
export function explainDocNumber(text: string): Phrase | undefined {
  if (docNumberPattern.test(text)) return undefined;
  if (/[[\](){}【】（）［］]/.test(text)) return phrase('doc-number-brackets');
  if (!/〔.*〕/.test(text)) return phrase('doc-number-shape');
  if (/第/.test(text)) return phrase('doc-number-di');
  if (/〕0\d*号$/.test(text)) return phrase('doc-number-leading-zero');
  if (/〔\d{2}〕/.test(text)) return phrase('doc-number-year-digits');
  if (!/号$/.test(text)) return phrase('doc-number-hao');
  return phrase('doc-number-shape');
}
