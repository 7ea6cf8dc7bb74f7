import type { CampaignFonts } from '@jianshen/schema';
import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import { runFonts } from './fonts.js';
import { pageNumberIndent, pageNumberLine, size4 } from './layout.js';

function pageNumberFooter(fonts: CampaignFonts, side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: pageNumberIndent } : { left: pageNumberIndent },
        // Its own exact line: inheriting the 28.95 pt grid line would push into the text area.
        spacing: { line: pageNumberLine, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: runFonts(fonts, 'song'),
            size: size4,
            characterSpacing: 0,
          }),
        ],
      }),
    ],
  });
}

/**
 * 页码 (§7.5): `— N —` in 4号宋体 7 mm under the text area, odd pages one character in from the
 * right, even pages one character in from the left (needs `evenAndOddHeaders`).
 */
export function pageNumberFooters(fonts: CampaignFonts): { default: Footer; even: Footer } {
  return { default: pageNumberFooter(fonts, 'odd'), even: pageNumberFooter(fonts, 'even') };
}
