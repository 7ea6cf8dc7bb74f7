import { DocumentGridType, type ISectionPropertiesOptions, PageOrientation } from 'docx';
import {
  footerDistance,
  landscapeMargins,
  linePitch,
  marginBottom,
  marginLeft,
  marginRight,
  marginTop,
  pageHeight,
  pageWidth,
} from './layout.js';

/** A4 portrait, GB/T 9704 margins, a 22-line grid. */
export function portraitProperties(): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: pageWidth, height: pageHeight, orientation: PageOrientation.PORTRAIT },
      margin: {
        top: marginTop,
        bottom: marginBottom,
        left: marginLeft,
        right: marginRight,
        header: footerDistance,
        footer: footerDistance,
        gutter: 0,
      },
    },
    grid: { type: DocumentGridType.LINES, linePitch },
  };
}

/**
 * A4 landscape for the statistics table: the portrait margins turned with the page, so the
 * text area is the same 225 × 156 mm ⚠. No line grid: table rows size to their content.
 */
export function landscapeProperties(): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: pageWidth, height: pageHeight, orientation: PageOrientation.LANDSCAPE },
      margin: {
        ...landscapeMargins,
        // Page numbers stay 7 mm under the text area, whose bottom edge is now 26 mm up.
        header: footerDistance - (marginBottom - marginRight),
        footer: footerDistance - (marginBottom - marginRight),
        gutter: 0,
      },
    },
    grid: { type: DocumentGridType.DEFAULT, linePitch },
  };
}
