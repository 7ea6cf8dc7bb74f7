import type { LocalizedText } from '../i18n/lang.js';
import type { IssueData, IssueFinding, IssuePlace, Phrase, Severity } from './issue.js';
import { type MessageCode, messages, type PhraseCode } from './messages.js';

/** A code outside the catalogue, with its own severity and text: a plugin rule's message. */
export interface OwnMessage {
  code: string;
  severity: Severity;
  text: LocalizedText | string;
}

/**
 * The one way to report an issue (like ESLint's `context.report({ messageId, data })` and vfile's
 * `file.message(reason, place)`): a code, the data its text needs and the place. The severity
 * comes from the catalogue (messages.ts); the text is rendered at the edge by `renderIssue`, in
 * the language the reader chose, so producers never take a language.
 *
 * The place may be partial (a row's field before the aggregator knows the file); the issue is
 * then completed by spreading a fuller place over it.
 */
export function reportIssue<Place extends Partial<IssuePlace>>(
  code: MessageCode | OwnMessage,
  data: IssueData,
  place: Place,
): Place & IssueFinding {
  const finding: IssueFinding =
    typeof code === 'string'
      ? { code, severity: messages[code].severity }
      : { code: code.code, severity: code.severity, text: code.text };
  return { ...place, ...finding, ...(Object.keys(data).length > 0 ? { data } : {}) };
}

/** A part of a sentence from the catalogue's `phrases`, for a `{reason}`-like slot of a message. */
export function phrase(code: PhraseCode, data: IssueData = {}): Phrase {
  return Object.keys(data).length > 0 ? { phrase: code, data } : { phrase: code };
}

/**
 * A thrown value as an issue's `{reason}`: the first line of its message (a stack or a code frame
 * after it would fill the clerk's issue list), whatever was thrown.
 */
export function errorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? '';
}
