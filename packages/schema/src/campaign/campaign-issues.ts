import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { defaultLang, type Lang, type LocalizedText } from '../i18n/lang.js';
import type { Issue } from '../issues/issue.js';
import { formatHint, formatMessage, isMessageCode, type MessageCode } from '../issues/messages.js';
import { campaignSchema } from './campaign.js';

/** zod's own wording, in the user's language, for the few checks our catalogue does not word. */
export const campaignLocaleErrors = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

type ZodIssue = z.core.$ZodIssue;

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
  data: Record<string, unknown>;
}

function findingsOf(issue: ZodIssue, lang: Lang): Finding[] {
  const field = fieldPath(issue.path) || '(root)';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const keyField = fieldPath([...issue.path, key]);
      const suggestion = suggestKey(key, issue.path);
      const hint = suggestion ? formatHint('did-you-mean', { suggestion }, lang) : '';
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
  const params = (issue as { params?: { code?: string; data?: Record<string, unknown> } }).params;
  if (params?.code && isMessageCode(params.code)) {
    // A refinement over an object (period) words its message from that object's values.
    const input = issue.input;
    const fromInput = typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {};
    const data = { field, ...fromInput, ...params.data };
    return [{ code: params.code, field, data: localizeData(data, lang) }];
  }
  // issue.message was worded by zod's locale for `lang` (parse-campaign.ts passes it as the error map).
  return [{ code: 'campaign-invalid', field, data: { field, reason: issue.message } }];
}

/** Data may carry texts in both languages (`{ zh, en }`): the message takes the user's. */
function localizeData(data: Record<string, unknown>, lang: Lang): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => {
      const text = value as Partial<LocalizedText> | undefined;
      return [key, typeof text?.zh === 'string' ? (text[lang] ?? text.zh) : value];
    }),
  );
}

/** Turns zod's findings into our issues: the file, the setting, a code, and the catalogue's text. */
export function campaignIssues(error: z.ZodError, path: string, lang: Lang = defaultLang): Issue[] {
  return error.issues.flatMap((issue) =>
    findingsOf(issue, lang).map(
      ({ code, field, data }): Issue => ({
        path,
        field,
        code,
        severity: 'error',
        message: formatMessage(code, data, lang),
      }),
    ),
  );
}
