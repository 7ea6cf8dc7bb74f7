import type { CellValue, IssueData, MessageCode } from '@jianshen/schema';

/** A rectangle of merged cells: rows 1-based as the clerk sees them, columns 0-based. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One row as read, before any interpretation: cells by 0-based column. */
export interface GridRow {
  /** 1-based row number as the clerk sees it (spreadsheet row, CSV record, docx table row). */
  row: number;
  cells: CellValue[];
  /**
   * `normalizeText` of each cell, by column (holes where `cells` has them), when the reader made
   * them already: the Node entry's reading thread does, so the main thread need not (see
   * `PackedWorkbook`). Readers otherwise leave it out and the table finder makes them.
   */
  texts?: string[];
}

/**
 * Something a reader found at a place while reading, that is not worth refusing the file for
 * (an undecodable byte, a missing shared string): a catalogue code, its data and its row. The
 * aggregation turns it into an issue at the sheet and row; severity and text come from the
 * catalogue.
 */
export interface ReaderNote {
  code: MessageCode;
  /** 1-based row as the clerk sees it. */
  row?: number;
  data: IssueData;
}

/**
 * What every reader (xlsx, csv, docx, ods; SheetJS for xls and HTML) produces: sheets of raw
 * rows plus merges. The table finder works on this shape only, so every format gets the same
 * header, unit and footer logic.
 */
export interface GridSheet {
  name: string;
  rows: GridRow[];
  merges: MergeRange[];
  /** Text before the table (docx paragraphs), searched for the 单位名称（盖章） line. */
  leadingLines?: string[];
  hidden?: boolean;
  /** What the reader found at places in this sheet (see `ReaderNote`). */
  notes?: ReaderNote[];
}

export type SubmissionFormat = 'xlsx' | 'csv' | 'docx' | 'xls' | 'ods' | 'html' | 'unknown';

export interface GridWorkbook {
  format: SubmissionFormat;
  sheets: GridSheet[];
  /** Serial dates count from 1904 (Mac Excel). */
  date1904: boolean;
  /** Text of the JianshenTemplate defined name, when the file came from our template. */
  templateMarker?: string;
}
