import { CampaignError, defaultLang, formatMessage, type Lang } from '@jianshen/schema';
import { parseDocument } from 'yaml';

export interface ParseCampaignTextOptions {
  /** The file's name, for messages; `.json` is read as JSON, anything else as YAML. */
  path?: string;
  lang?: Lang;
}

/** One `campaign-invalid` error for the file as a whole (a syntax error, a missing file). */
export function campaignFileError(path: string, reason: string, lang: Lang, line?: number): CampaignError {
  const where = line === undefined ? '' : lang === 'zh' ? `第 ${line} 行：` : `line ${line}: `;
  return new CampaignError(
    [
      {
        path,
        code: 'campaign-invalid',
        severity: 'error',
        message: formatMessage('campaign-invalid', { field: '(file)', reason: `${where}${reason}` }, lang),
      },
    ],
    path,
  );
}

/**
 * A campaign file's text as data: JSON for `.json`, YAML otherwise (YAML is a superset of JSON).
 * Browser-safe: the web page reads a chosen file with it, the Node entry reads from disk with it.
 */
export function parseCampaignText(text: string, options: ParseCampaignTextOptions = {}): unknown {
  const path = options.path ?? 'campaign';
  const lang = options.lang ?? defaultLang;
  const source = text.replace(/^\uFEFF/, '');
  if (path.toLowerCase().endsWith('.json')) {
    try {
      return JSON.parse(source);
    } catch (error) {
      throw campaignFileError(path, (error as Error).message, lang);
    }
  }
  const document = parseDocument(source, { prettyErrors: true });
  const problem = document.errors[0];
  if (problem)
    throw campaignFileError(path, problem.message.split('\n')[0]!, lang, problem.linePos?.[0]?.line);
  return document.toJS();
}
