import { formatTemplate, type Lang, type LocalizedText, localize } from '../i18n/lang.js';
import type { Issue, IssueData, IssueDataValue, IssueFinding, Phrase } from './issue.js';
import { isMessageCode, messages, phrases } from './messages.js';

function isPhrase(value: IssueDataValue): value is Phrase {
  return typeof value === 'object' && 'phrase' in value;
}

function isPhraseList(value: IssueDataValue): value is readonly Phrase[] {
  return Array.isArray(value);
}

function renderValue(value: IssueDataValue, lang: Lang): string {
  if (typeof value !== 'object') return String(value);
  if (isPhraseList(value)) {
    return value
      .map((part) => renderPhrase(part, lang))
      .join(renderPhrase({ phrase: 'list-separator' }, lang));
  }
  if (isPhrase(value)) return renderPhrase(value, lang);
  return localize(value as LocalizedText, lang);
}

function renderData(data: IssueData | undefined, lang: Lang): Record<string, string> {
  const rendered: Record<string, string> = {};
  for (const [key, value] of Object.entries(data ?? {})) rendered[key] = renderValue(value, lang);
  return rendered;
}

/** A catalogue phrase in one language; an unknown phrase code shows as itself. */
export function renderPhrase(part: Phrase, lang: Lang): string {
  const template = (phrases as Record<string, LocalizedText>)[part.phrase];
  return template ? formatTemplate(localize(template, lang), renderData(part.data, lang)) : part.phrase;
}

/**
 * The text of a finding in one language: the catalogue's for a built-in code, the plugin's own
 * (`text`) for a rule's code, placeholders filled from the data (phrases rendered alike).
 */
export function renderMessage(finding: Pick<IssueFinding, 'code' | 'data' | 'text'>, lang: Lang): string {
  const template = isMessageCode(finding.code) ? messages[finding.code].text : finding.text;
  if (template === undefined) return finding.code;
  return formatTemplate(localize(template, lang), renderData(finding.data, lang));
}

/**
 * An issue as the edges (CLI, outputs, web page, report.json) show it: its place, code and
 * severity with the message rendered in one language, in place of the data it was rendered from.
 */
export function renderIssue<Found extends Issue>(issue: Found, lang: Lang): Rendered<Found> {
  const { data: _data, text: _text, ...shown } = issue;
  // Object.assign, not `{ ...shown, message }`: V8 11.3 (Node 20) gives a literal that starts with
  // a spread and then names a property a hidden class of its own nearly every time, and every
  // function reading the rendered issues (sorting, the lists, report.json) met a new shape each.
  return Object.assign({}, shown, { message: renderMessage(issue, lang) }) as Rendered<Found>;
}

/** An issue (or an issue with more properties, such as a rule's) with its text rendered. */
export type Rendered<Found extends Issue> = Omit<Found, 'data' | 'text'> & { message: string };
