import {
  CampaignError,
  type IssueData,
  type MessageCode,
  type PhraseCode,
  phrase,
  reportIssue,
} from '@jianshen/schema';
import { type ErrorCode, parseDocument } from 'yaml';

export interface ParseCampaignTextOptions {
  /** The file's name, for messages; `.json` is read as JSON, anything else as YAML. */
  path?: string;
}

/** One error for the file as a whole (a syntax error, a missing file), worded by the catalogue. */
export function campaignFileError(path: string, code: MessageCode, data: IssueData): CampaignError {
  return new CampaignError([reportIssue(code, data, { path })], path);
}

/**
 * What the YAML parser's error codes mean, in words a clerk editing campaign.yaml recognises.
 * Codes not listed keep the parser's English sentence (still with the line and column).
 */
const yamlReasons: Partial<Record<ErrorCode, PhraseCode>> = {
  BAD_INDENT: 'yaml-bad-indent',
  TAB_AS_INDENT: 'yaml-tab-as-indent',
  DUPLICATE_KEY: 'yaml-duplicate-key',
  MISSING_CHAR: 'yaml-missing-char',
  BLOCK_AS_IMPLICIT_KEY: 'yaml-block-as-implicit-key',
  MULTILINE_IMPLICIT_KEY: 'yaml-multiline-implicit-key',
  BAD_SCALAR_START: 'yaml-bad-scalar-start',
  UNEXPECTED_TOKEN: 'yaml-unexpected-token',
  BLOCK_IN_FLOW: 'yaml-block-in-flow',
};

/** The parser's own sentence without its "at line 3, column 5:" and the code excerpt after it. */
function parserSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlSyntaxError(path: string, source: string): CampaignError | undefined {
  const problem = parseDocument(source, { prettyErrors: true }).errors[0];
  if (!problem) return undefined;
  const position = problem.linePos?.[0] ?? { line: 1, col: 1 };
  const known = yamlReasons[problem.code];
  const reason = known ? phrase(known) : parserSentence(problem.message);
  return campaignFileError(path, 'campaign-syntax', { line: position.line, column: position.col, reason });
}

/**
 * A campaign file's text as data: JSON for `.json`, YAML otherwise (YAML is a superset of JSON).
 * Browser-safe: the web page reads a chosen file with it, the Node entry reads from disk with it.
 * A syntax error is one `campaign-syntax` issue with its line and column.
 */
export function parseCampaignText(text: string, options: ParseCampaignTextOptions = {}): unknown {
  const path = options.path ?? 'campaign';
  const source = text.replace(/^\uFEFF/, '');
  if (path.toLowerCase().endsWith('.json')) {
    try {
      return JSON.parse(source);
    } catch (error) {
      // JSON.parse says only "position N"; the YAML parser finds the same mistake with its line.
      // Valid YAML but not JSON (an empty value): JSON.parse's own sentence is all there is.
      throw (
        yamlSyntaxError(path, source) ??
        campaignFileError(path, 'campaign-file-unreadable', { reason: (error as Error).message })
      );
    }
  }
  const error = yamlSyntaxError(path, source);
  if (error) throw error;
  return parseDocument(source).toJS();
}
