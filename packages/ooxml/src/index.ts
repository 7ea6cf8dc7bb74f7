export { concatBytes } from './bytes.js';
export {
  type CellPosition,
  type CellRange,
  cellReferenceColumn,
  cellReferenceColumnIn,
  columnIndex,
  columnLetter,
  parseCellReference,
  parseRange,
} from './cell-reference.js';
export { cellMaxCharacters, escapeBidiControls, fitCell, stripBidiControls } from './cell-text.js';
export { createCompressionStreamDeflater } from './compression-stream-deflate.js';
export { createPortDeflater, type DeflatePort, serveDeflate } from './deflate-port.js';
export type { DeflatedRows } from './deflated-rows.js';
export { createInflateAhead, type InflateAhead } from './inflate-ahead.js';
export type { CreateRawDeflater, RawDeflater } from './native-zip-deflate.js';
export { OoxmlError, type OoxmlProblem, type OoxmlProblemCode } from './ooxml-error.js';
export {
  type ParseXmlEntryOptions,
  parseXmlEntry,
  type Relationship,
  readRelationships,
  relatedPart,
  relationshipsPartOf,
  resolvePartPath,
} from './package-parts.js';
export {
  createRowBytesWriter,
  type PutText,
  type RowBytesTarget,
  type RowBytesWriterOptions,
} from './row-bytes.js';
export { type SafeSheetNameOptions, safeSheetName } from './sheet-name.js';
export { SheetRecording } from './sheet-recording.js';
export {
  type ByteSink,
  type CellRow,
  type CellSpec,
  createRowWriter,
  type RowWriterOptions,
  type RowWriterSheet,
  type SheetSpec,
  type StyleId,
  styles,
  type TruncatedCell,
  type WriteXlsxOptions,
  writeXlsx,
  writeXlsxTo,
  xlsxDeflateLevel,
} from './xlsx-writer.js';
export type { XmlAttributes } from './xml-attributes.js';
export {
  attribute,
  createXmlStream,
  rawCharsPerChar,
  type XmlGuard,
  type XmlHandlers,
  type XmlStream,
} from './xml-stream.js';
export { escapeXml } from './xml-text.js';
export {
  fixedZipDate,
  type PackZipNativelyOptions,
  packZip,
  packZipNatively,
  readZipText,
  repackZip,
  unpackZip,
} from './zip-entries.js';
export {
  findEntry,
  type InflateRaw,
  isZip,
  readZipDirectory,
  streamEntry,
  streamEntryText,
  type ZipDirectory,
  type ZipEntry,
} from './zip-reader.js';
