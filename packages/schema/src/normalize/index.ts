export {
  type DateRange,
  excelSerialToIsoDay,
  isoDayFromDate,
  type NormalizeDateOptions,
  normalizeDate,
} from './date.js';
export { type ActivityMode, activityModes, modeLabels, normalizeMode } from './mode.js';
export { type NormalizePhonesOptions, normalizePhones } from './phone.js';
export {
  accept,
  type CellValue,
  type NormalizeNote,
  type NormalizeResult,
  reject,
} from './result.js';
export { isAsciiDigits, isBlankCell, normalizeText } from './text.js';
export { type HalfWidthOptions, toHalfWidth } from './width.js';
