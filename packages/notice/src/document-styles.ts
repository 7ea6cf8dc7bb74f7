import type { CampaignFonts } from '@jianshen/schema';
import { AlignmentType, type IStylesOptions } from 'docx';
import { runFonts } from './fonts.js';
import { black, characterSpacing, size3 } from './layout.js';
import { gridSpacing } from './paragraphs.js';

/**
 * 3号仿宋, black, on the grid line, written twice: as the document defaults (Word) and as the
 * `Normal` style (LibreOffice takes its defaults from Normal).
 */
export function documentStyles(fonts: CampaignFonts): IStylesOptions {
  const run = {
    font: runFonts(fonts, 'body'),
    size: size3,
    sizeComplexScript: size3,
    color: black,
    characterSpacing,
  };
  const paragraph = { spacing: gridSpacing, alignment: AlignmentType.BOTH, widowControl: false };
  // The notice uses none of Word's Heading styles, but a clerk editing it might: make them
  // black 3号 instead of docx's blue defaults.
  const heading = { run: { color: black, size: size3, italics: false } };
  return {
    default: {
      document: { run, paragraph },
      heading1: heading,
      heading2: heading,
      heading3: heading,
      heading4: heading,
      heading5: heading,
      heading6: heading,
    },
    paragraphStyles: [{ id: 'Normal', name: 'Normal', quickFormat: true, run, paragraph }],
  };
}
