import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import type { LocalizedText } from '../i18n/lang.js';
import type { Issue, IssueData } from '../issues/issue.js';
import { isMessageCode, type MessageCode } from '../issues/messages.js';
import { phrase, reportIssue } from '../issues/report-issue.js';
import { campaignSchema } from './campaign.js';

type ZodIssue = z.core.$ZodIssue;

const zodLocales = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

/**
 * zod's own wording in both languages, for the few checks our catalogue does not word: the
 * renderer picks the reader's (zod's locales are the catalogue for these).
 */
function zodWording(issue: ZodIssue): LocalizedText {
  const word = (map: z.core.$ZodErrorMap): string => {
    const worded = map(issue as unknown as z.core.$ZodRawIssue);
    if (typeof worded === 'string') return worded;
    return worded?.message ?? issue.message;
  };
  return { zh: word(zodLocales.zh), en: word(zodLocales.en) };
}

/** `period.start`, `body[2].heading`: how a campaign file's author finds the setting. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : String(part)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** The object schema at a path of the campaign, unwrapping defaults, optionals and arrays. */
function objectKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: z.core.$ZodType | undefined = campaignSchema;
  for (const part of [...path, undefined]) {
    for (let guard = 0; schema && guard < 10; guard++) {
      const definition = schema._zod.def as {
        type: string;
        innerType?: z.core.$ZodType;
        in?: z.core.$ZodType;
        element?: z.core.$ZodType;
      };
      const inner = definition.innerType ?? (definition.type === 'pipe' ? definition.in : undefined);
      if (!inner) break;
      schema = inner;
    }
    const definition = schema?._zod.def as
      | { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType }
      | undefined;
    if (part === undefined) return Object.keys(definition?.shape ?? {});
    schema = typeof part === 'number' ? definition?.element : definition?.shape?.[String(part)];
  }
  return [];
}

/**
 * A key the schema does not know is nearly always a typo (`dedline`): name the closest known key
 * when it is within a third of the key's length in edits (Levenshtein distance).
 */
function suggestKey(key: string, path: readonly PropertyKey[]): string | undefined {
  const known = objectKeysAt(path).filter((name) => name !== '$schema');
  if (known.length === 0) return undefined;
  const candidate = closest(key, known);
  return editDistanceWithin(key, candidate) ? candidate : undefined;
}

function editDistanceWithin(typed: string, candidate: string): boolean {
  return distance(typed.toLowerCase(), candidate.toLowerCase()) <= Math.max(1, Math.floor(typed.length / 3));
}

/** What the catalogue renders for one zod finding: a code and its data. */
interface Finding {
  code: MessageCode;
  field: string;
  data: IssueData;
}

function findingsOf(issue: ZodIssue): Finding[] {
  const field = fieldPath(issue.path) || '(root)';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const keyField = fieldPath([...issue.path, key]);
      const suggestion = suggestKey(key, issue.path);
      const hint = suggestion ? phrase('did-you-mean', { suggestion }) : '';
      return { code: 'campaign-unknown-key', field: keyField, data: { field: keyField, hint } };
    });
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [{ code: 'campaign-missing', field, data: { field } }];
  }
  if (issue.code === 'invalid_format' && issue.format === 'date') {
    return [{ code: 'campaign-date', field, data: { field, value: String(issue.input) } }];
  }
  if (issue.code === 'invalid_format' && field === 'id') {
    return [{ code: 'campaign-id', field, data: { value: String(issue.input) } }];
  }
  const params = (issue as { params?: { code?: string; data?: IssueData } }).params;
  if (params?.code && isMessageCode(params.code)) {
    // A refinement over an object (period) words its message from that object's values.
    const input = issue.input;
    const fromInput = typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {};
    const data = { field, ...plainValues(fromInput), ...params.data };
    return [{ code: params.code, field, data }];
  }
  return [{ code: 'campaign-invalid', field, data: { field, reason: zodWording(issue) } }];
}

/** The text and number values of an object, as message data. */
function plainValues(input: object): IssueData {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => typeof value === 'string' || typeof value === 'number'),
  );
}

/** Turns zod's findings into our issues: the file, the setting, a code and its data. */
export function campaignIssues(error: z.ZodError, path: string): Issue[] {
  return error.issues.flatMap((issue) =>
    findingsOf(issue).map(({ code, field, data }) => reportIssue(code, data, { path, field })),
  );
}
