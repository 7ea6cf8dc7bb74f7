/**
 * The notice's layout code for other GB/T 9704 documents (the city's upward report): the same
 * 版头, title, body, attachment pages, page numbers, styles and packing, so every document the
 * kit writes is laid out by one implementation. Only what another document needs is exported.
 */
export { attachmentHeading } from './attachment-heading.js';
export { bodyParagraphs, headingNumber } from './body-blocks.js';
export { chineseDate } from './chinese-date.js';
export { attachmentNoteParagraphs, signatureParagraphs } from './closing.js';
export { documentStyles } from './document-styles.js';
export { type FontRole, runFonts } from './fonts.js';
export { noticeLabels } from './labels.js';
export { landscapeTextWidth, linePitch, size3, sizeSmall4, textWidth } from './layout.js';
export { mastheadParagraphs } from './masthead.js';
export { type PackDocxOptions, packDocx } from './pack-docx.js';
export { pageNumberFooters } from './page-number-footers.js';
export { blankLine, bodyParagraph, gridSpacing, run } from './paragraphs.js';
export { landscapeProperties, portraitProperties } from './sections.js';
export { columnWidths } from './statistics-table.js';
export { cellParagraph, type TableRowOptions, tableRow } from './table-cells.js';
export { docxTableRows, type MakeTableRows, type XmlTableRows, xmlTableRows } from './table-row-makers.js';
export { titleParagraph } from './title-block.js';
