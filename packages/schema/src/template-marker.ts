import { z } from 'zod';

export { templateMarkerName } from './template-marker-name.js';

/** Bumped when the template layout changes in a way readers must know about. */
export const templateMarkerVersion = 1;

export const templateMarkerSchema = z.looseObject({
  kit: z.literal('jianshen'),
  version: z.number().int().positive(),
  /** The campaign id the template was generated for. */
  campaign: z.string().min(1),
  /** `ResolvedCampaign.fingerprint` at generation time: changes whenever the columns change. */
  fingerprint: z.string().min(1),
});

export type TemplateMarker = z.infer<typeof templateMarkerSchema>;

/** The marker a template generated for `campaign` carries. */
export function createTemplateMarker(campaign: { id: string; fingerprint: string }): TemplateMarker {
  return {
    kit: 'jianshen',
    version: templateMarkerVersion,
    campaign: campaign.id,
    fingerprint: campaign.fingerprint,
  };
}

// A string literal inside an Excel formula holds at most 255 characters; longer text is joined with &.
const maxLiteralLength = 255;

/**
 * The marker as the text of a defined name: an Excel string constant (quotes doubled),
 * e.g. `"{""kit"":""jianshen"",…}"`, split into `&`-joined literals when longer than Excel allows.
 */
export function templateMarkerFormula(marker: TemplateMarker): string {
  const json = JSON.stringify({
    kit: marker.kit,
    version: marker.version,
    campaign: marker.campaign,
    fingerprint: marker.fingerprint,
  });
  const literals: string[] = [];
  for (let index = 0; index < json.length; index += maxLiteralLength) {
    literals.push(`"${json.slice(index, index + maxLiteralLength).replace(/"/g, '""')}"`);
  }
  return literals.join('&');
}

const xmlEntities: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

/**
 * Reads a marker from a defined name's text as found in workbook.xml (XML entities decoded or
 * not, with or without a leading `=`), or from plain JSON. Returns undefined for anything that
 * is not a Jianshen marker; a newer `version` is returned as is, for the caller to judge.
 */
export function parseTemplateMarker(text: string): TemplateMarker | undefined {
  let source = text
    .trim()
    .replace(/&(quot|amp|lt|gt|apos);/g, (_whole, name: string) => xmlEntities[name] ?? '');
  if (source.startsWith('=')) source = source.slice(1).trim();
  if (source.startsWith('"')) {
    const literals = [...source.matchAll(/"((?:[^"]|"")*)"/g)];
    source = literals.map((match) => (match[1] ?? '').replace(/""/g, '"')).join('');
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return undefined;
  }
  const parsed = templateMarkerSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** How a marker found in a file relates to the campaign being aggregated. */
export type TemplateMarkerMatch = 'match' | 'other-campaign' | 'columns-changed' | 'newer-version';

export function matchTemplateMarker(
  marker: TemplateMarker,
  campaign: { id: string; fingerprint: string },
): TemplateMarkerMatch {
  if (marker.version > templateMarkerVersion) return 'newer-version';
  if (marker.campaign !== campaign.id) return 'other-campaign';
  if (marker.fingerprint !== campaign.fingerprint) return 'columns-changed';
  return 'match';
}
