import type { BodyBlock, CampaignFonts } from '@jianshen/schema';
import type { Paragraph } from 'docx';
import { chineseNumeral } from './chinese-numeral.js';
import type { FontRole } from './fonts.js';
import { bodyParagraph, type RunPiece } from './paragraphs.js';

const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/**
 * The number and face of a heading at `depth` (1-based), GB/T 9704 §7.3.3: 一、 黑体,
 * （一） 楷体, 1. 仿宋, （1） 仿宋. The standard stops at four levels; a fifth uses ①. ⚠
 */
export function headingNumber(depth: number, ordinal: number): { number: string; role: FontRole } {
  if (depth === 1) return { number: `${chineseNumeral(ordinal)}、`, role: 'heading' };
  if (depth === 2) return { number: `（${chineseNumeral(ordinal)}）`, role: 'kai' };
  if (depth === 3) return { number: `${ordinal}.`, role: 'body' };
  if (depth === 4) return { number: `（${ordinal}）`, role: 'body' };
  return { number: [...circled][ordinal - 1] ?? `（${ordinal}）`, role: 'body' };
}

interface BodyLine {
  pieces: RunPiece[];
  outlineLevel?: number;
}

function bodyLines(blocks: readonly BodyBlock[], depth: number): BodyLine[] {
  const lines: BodyLine[] = [];
  let ordinal = 0;
  for (const block of blocks) {
    if (typeof block === 'string') {
      lines.push({ pieces: [{ text: block }] });
      continue;
    }
    ordinal++;
    const { number, role } = headingNumber(depth, ordinal);
    const pieces: RunPiece[] = [{ text: `${number}${block.heading}`, role }];
    if (block.text) pieces.push({ text: block.text, role: 'body' });
    // Outline levels give Word's navigation pane the structure without Heading styles, whose
    // keep-with-next and colours LibreOffice would inherit.
    lines.push({ pieces, outlineLevel: Math.min(depth - 1, 8) });
    if (block.children) lines.push(...bodyLines(block.children, depth + 1));
  }
  return lines;
}

/**
 * The body as paragraphs: strings are paragraphs; sections are numbered by nesting, each list of
 * siblings counting from one. A section with `text` is a run-in heading: the heading in its face,
 * then the text in 仿宋 in the same paragraph. `keepLastWithNext` ties the last paragraph to
 * what follows (the signature must not stand alone on a page).
 */
export function bodyParagraphs(
  fonts: CampaignFonts,
  blocks: readonly BodyBlock[],
  options: { keepLastWithNext?: boolean } = {},
): Paragraph[] {
  const lines = bodyLines(blocks, 1);
  return lines.map((line, index) =>
    bodyParagraph(
      fonts,
      line.pieces,
      line.outlineLevel,
      options.keepLastWithNext === true && index === lines.length - 1,
    ),
  );
}
