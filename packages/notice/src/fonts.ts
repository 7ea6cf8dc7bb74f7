import type { CampaignFonts } from '@jianshen/schema';
import type { IFontAttributesProperties } from 'docx';

/** Which face of the campaign's font table a run uses. */
export type FontRole = 'body' | 'heading' | 'kai' | 'title' | 'song';

/**
 * Run fonts with the east-Asian slot set and `w:hint="eastAsia"`, so Word and WPS take the
 * Chinese face for Han text and for the shared punctuation (“” ： —); Latin letters and
 * digits take the campaign's Latin face, except in page numbers, which are all 宋体.
 */
export function runFonts(fonts: CampaignFonts, role: FontRole): IFontAttributesProperties {
  const eastAsia = fonts[role];
  const latin = role === 'song' ? fonts.song : fonts.latin;
  return { ascii: latin, hAnsi: latin, eastAsia, cs: latin, hint: 'eastAsia' };
}
