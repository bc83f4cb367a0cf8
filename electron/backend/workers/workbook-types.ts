/** What the workbook-parsing worker sends back: plain data, no SheetJS objects. */
export interface ParsedCell {
  /** Raw value: number, string or boolean. */
  v: string | number | boolean;
  /** Text as Excel displays it, when the file carries it. */
  w?: string;
  /** Cell type from SheetJS: n number, s string, b boolean, d date, e error. */
  t: string;
  /** The cell's formula, when it holds one. */
  f?: string;
  /** A formula the file carries without its result (never calculated, e.g. written by a script). */
  noValue?: true;
  /** The number is shown as a date or time (its number format is a date format). */
  date?: true;
  /** The number is shown with a percent format: the cell holds 0.5882 where the user sees and means 58,82%. */
  percent?: true;
}

export interface CellRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface ParsedSheet {
  name: string;
  hidden: boolean;
  /** Rows of cells, 0-based; missing cells are null. */
  rows: (ParsedCell | null)[][];
  /** Merged cell ranges. */
  merges: CellRange[];
}

export interface ParsedWorkbook {
  sheets: ParsedSheet[];
}

export type WorkerRequest = { bytes: Uint8Array; maxCells: number; maxRows: number; maxSheets: number };
export type WorkerReply = { ok: true; workbook: ParsedWorkbook } | { ok: false; message: string };
