/** What the workbook-parsing worker sends back: plain data, no SheetJS objects. */
export interface ParsedCell {
  /** Raw value: number, string or boolean. */
  v: string | number | boolean;
  /** Text as Excel displays it, when the file carries it. */
  w?: string;
  /** Cell type from SheetJS: n number, s string, b boolean, d date, e error. */
  t: string;
  /** The cell holds a formula. */
  f?: boolean;
}

export interface ParsedSheet {
  name: string;
  hidden: boolean;
  /** Rows of cells, 0-based; missing cells are null. */
  rows: (ParsedCell | null)[][];
}

export interface ParsedWorkbook {
  sheets: ParsedSheet[];
}

export type WorkerRequest = { bytes: Uint8Array; maxCells: number };
export type WorkerReply = { ok: true; workbook: ParsedWorkbook } | { ok: false; message: string };
