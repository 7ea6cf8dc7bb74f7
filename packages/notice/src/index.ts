// The GB/T 9704-2012 figures (twips) as one object, as the README documents them.
import * as layout from './layout.js';

export { balanceTitle } from './balance-title.js';
export { chineseDate } from './chinese-date.js';
export { chineseNumeral } from './chinese-numeral.js';
export { type FontRole, runFonts } from './fonts.js';
export { type NoticeLabels, noticeLabels } from './labels.js';
export { markSize } from './masthead.js';
export {
  attachmentLabel,
  noticeDocument,
  type RenderAttachmentOptions,
  type RenderNoticeOptions,
  renderAttachmentDocx,
  renderNotice,
} from './render-notice.js';
export {
  buildStatisticsTable,
  buildStatisticsTableSection,
  columnWidths,
  type StatisticsTableOptions,
  type StatisticsTableSectionOptions,
} from './statistics-table.js';
export { layout };
