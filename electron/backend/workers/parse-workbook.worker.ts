/**
 * Worker thread: parses a workbook from outside (xlsx, xls, ods, csv) with SheetJS and sends
 * back plain cell data. Runs under a memory limit and a timeout set by its caller, so a hostile
 * or broken file can only kill this worker, never the app. The worker is kept for the next file.
 */
import { parentPort } from 'node:worker_threads';
import * as XLSX from 'xlsx';
import type { ParsedCell, ParsedSheet, WorkerReply, WorkerRequest } from './workbook-types';

function parse({ bytes, maxCells }: WorkerRequest): WorkerReply {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellDates: false, cellNF: false, cellStyles: false, dense: true, WTF: false });
  } catch (e) {
    return { ok: false, message: String((e as Error)?.message ?? e) };
  }
  const sheets: ParsedSheet[] = [];
  let cells = 0;
  for (const [index, name] of wb.SheetNames.entries()) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    const dense = (ws as unknown as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
    const rows: (ParsedCell | null)[][] = [];
    for (const [r, row] of dense.entries()) {
      if (!row) {
        rows[r] = [];
        continue;
      }
      const out: (ParsedCell | null)[] = [];
      for (const [c, cell] of row.entries()) {
        if (!cell || cell.t === 'z' || cell.v === undefined) {
          out[c] = null;
          continue;
        }
        if (++cells > maxCells) return { ok: false, message: `TOO_MANY_CELLS:${maxCells}` };
        const v = cell.v instanceof Date ? cell.v.toISOString() : (cell.v as string | number | boolean);
        out[c] = { v, t: cell.t, ...(cell.w !== undefined ? { w: cell.w } : {}), ...(cell.f ? { f: true } : {}) };
      }
      rows[r] = out;
    }
    const hidden = Boolean(wb.Workbook?.Sheets?.[index]?.Hidden);
    sheets.push({ name, hidden, rows });
  }
  return { ok: true, workbook: { sheets } };
}

// One worker serves request after request; the caller replaces it after a timeout or a crash.
parentPort?.on('message', (request: WorkerRequest & { id: number }) => {
  parentPort!.postMessage({ id: request.id, reply: parse(request) });
});
