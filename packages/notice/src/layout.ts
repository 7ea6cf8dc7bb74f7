/**
 * The GB/T 9704-2012 numbers, in the units OOXML wants. Twips: 1 mm = 56.6929 twips, 1 pt = 20.
 * Values are the rounded-to-nearest twips of the standard's millimetres, as Word writes them.
 */

/** A4 portrait, 210 × 297 mm. */
export const pageWidth = 11906;
export const pageHeight = 16838;

/** 天头 37 mm, 订口 28 mm, right 26 mm, bottom 35 mm: a 156 × 225 mm text area. */
export const marginTop = 2098;
export const marginBottom = 1984;
export const marginLeft = 1588;
export const marginRight = 1474;

export const textWidth = pageWidth - marginLeft - marginRight; // 8844 = 156 mm
export const textHeight = pageHeight - marginTop - marginBottom; // 12756 = 225 mm

/** 22 lines a page: 12756 / 22 = 579.8; 579 keeps 22 (580 gives 21). */
export const linesPerPage = 22;
export const linePitch = 579;

/** Font sizes in half-points (w:sz): 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt. */
export const size2 = 44;
export const size3 = 32;
export const size4 = 28;
export const sizeSmall4 = 24;

/**
 * −0.25 pt between characters: 28 characters of 3号 need 28 × 15.75 = 441 pt of the 442.2 pt line
 * (at 16 pt they would need 448 and only 27 fit).
 */
export const characterSpacing = -5;

/** Advance of one 3号 character with the spacing above, in twips. */
export const bodyCharacter = size3 * 10 + characterSpacing; // 315

/** Two characters of 3号: the first-line indent of every body paragraph. */
export const firstLineIndent = 640;

/** 红色 for the 发文机关标志 and the separator (Y80 M80 prints as pure red in practice). ⚠ */
export const red = 'FF0000';
export const black = '000000';

/** 发文机关标志: top edge 35 mm below the top of the text area. */
export const markTopOffset = 1984;

/** Separator: 4 mm below the 文号 line; thickness not fixed ⚠, 1 pt ≈ 0.35 mm. */
export const separatorGap = 227;
export const separatorSize = 8; // eighths of a point

/** 版记 rules: first and last 0.35 mm (1 pt), the ones between 0.25 mm (0.75 pt). */
export const imprintThickRule = 8;
export const imprintThinRule = 6;

/** Page numbers sit 7 mm below the text area: footer text top at 28 mm from the page bottom. */
export const pageNumberLine = 300; // 15 pt exact, a 4号 line
export const footerDistance = Math.round(28 * 56.6929) - pageNumberLine; // page bottom → footer bottom
/** One 4号 character: the page number's distance from the text edge. */
export const pageNumberIndent = 280;

/**
 * The landscape attachment page: the portrait page turned a quarter clockwise, so the binding
 * edge (订口) is on top and the text area is the same 225 × 156 mm, lying down. ⚠
 */
export const landscapeMargins = {
  top: marginLeft,
  right: marginTop,
  bottom: marginRight,
  left: marginBottom,
} as const;
export const landscapeTextWidth = pageHeight - landscapeMargins.left - landscapeMargins.right; // 12756
