import type { CampaignFonts } from '@jianshen/schema';
import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx';
import { type FontRole, runFonts } from './fonts.js';
import { firstLineIndent, linePitch, size3 } from './layout.js';

/** One line of the page grid: every body paragraph's line height, exact so pages hold 22. */
export const gridSpacing = { line: linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

export interface RunPiece {
  text: string;
  role?: FontRole;
}

export function run(fonts: CampaignFonts, text: string, role: FontRole = 'body', size = size3): TextRun {
  return new TextRun({ text, font: runFonts(fonts, role), size });
}

/** A 3号 body paragraph, first line two characters in, justified (GB/T 9704 §7.3.3). */
export function bodyParagraph(
  fonts: CampaignFonts,
  pieces: readonly RunPiece[],
  outlineLevel?: number,
  keepNext = false,
): Paragraph {
  return new Paragraph({
    ...(keepNext ? { keepNext } : {}),
    children: pieces.map((piece) => run(fonts, piece.text, piece.role)),
    alignment: AlignmentType.BOTH,
    indent: { firstLine: firstLineIndent, firstLineChars: 200 },
    spacing: gridSpacing,
    ...(outlineLevel !== undefined ? { outlineLevel } : {}),
  });
}

/** An empty line of the grid ("空一行"). */
export function blankLine(keepNext = false): Paragraph {
  return new Paragraph({ children: [], spacing: gridSpacing, ...(keepNext ? { keepNext } : {}) });
}
