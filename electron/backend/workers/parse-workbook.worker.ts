/**
 * Worker thread: parses a workbook from outside (xlsx, xls, ods, csv) with SheetJS and sends
 * back plain cell data. Runs under a memory limit and a timeout set by its caller, so a hostile
 * or broken file can only kill this worker, never the app. The worker is kept for the next file.
 */
import { parentPort } from 'node:worker_threads';
import * as XLSX from 'xlsx';
import type { ParsedCell, ParsedSheet, WorkerReply, WorkerRequest } from './workbook-types';

function parse({ bytes, maxCells, maxRows, maxSheets }: WorkerRequest): WorkerReply {
  let wb: XLSX.WorkBook;
  try {
    // One row past the limit is read, to tell a sheet that is too long from one that just fits.
    wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellDates: false, cellNF: true, cellStyles: false, dense: true, WTF: false, sheetRows: maxRows + 1 });
  } catch (e) {
    return { ok: false, message: String((e as Error)?.message ?? e) };
  }
  if (wb.SheetNames.length > maxSheets) return { ok: false, message: `TOO_MANY_SHEETS:${wb.SheetNames.length}` };
  const sheets: ParsedSheet[] = [];
  let cells = 0;
  for (const [index, name] of wb.SheetNames.entries()) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    const dense = (ws as unknown as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
    // The rows that hold cells count, not the declared dimension (Excel writes A1:H1048576 when whole
    // columns are formatted); a declared range past the limit is refused only when a cell past it holds something.
    if (dense.length > maxRows || (ws['!fullref'] && cellsPast(bytes, maxRows) !== false)) return { ok: false, message: `TOO_MANY_ROWS:${name}` };
    const rows: (ParsedCell | null)[][] = [];
    for (const [r, row] of dense.entries()) {
      if (!row) {
        rows[r] = [];
        continue;
      }
      const out: (ParsedCell | null)[] = [];
      for (const [c, cell] of row.entries()) {
        if (cell?.f && cell.v === undefined) {
          out[c] = { v: '', t: 'z', f: cell.f, noValue: true };
          continue;
        }
        if (!cell || cell.t === 'z' || cell.v === undefined) {
          out[c] = null;
          continue;
        }
        if (++cells > maxCells) return { ok: false, message: `TOO_MANY_CELLS:${maxCells}` };
        // A value the parser hands back may be anything (a DDE link in an .ods): only text, numbers and yes/no go on.
        const raw = cell.v as unknown;
        const v = raw instanceof Date ? raw.toISOString() : typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : String(raw);
        const date = cell.t === 'd' || (cell.t === 'n' && typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z));
        // A number shown with a percent format ("0.00%") is stored as a fraction: 58,82% is 0.5882.
        const percent = cell.t === 'n' && !date && typeof cell.z === 'string' && /%/.test(cell.z.replace(/"[^"]*"|\\./g, ''));
        out[c] = { v, t: cell.t, ...(cell.w !== undefined ? { w: cell.w } : {}), ...(cell.f ? { f: cell.f } : {}), ...(date ? { date: true as const } : {}), ...(percent ? { percent: true as const } : {}) };
      }
      rows[r] = out;
    }
    const hidden = Boolean(wb.Workbook?.Sheets?.[index]?.Hidden);
    const merges = (ws['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
    sheets.push({ name: String(name ?? ''), hidden, rows, merges });
  }
  return { ok: true, workbook: { sheets } };
}

/**
 * Whether an .xlsx holds a cell with content below row `maxRows` (SheetJS stops reading there):
 * true or false for an .xlsx, null when the file is another format (then the declared range decides).
 */
function cellsPast(bytes: Uint8Array, maxRows: number): boolean | null {
  let zip: ReturnType<typeof XLSX.CFB.read>;
  try {
    zip = XLSX.CFB.read(bytes, { type: 'array' } as never);
  } catch {
    return null;
  }
  const sheets = zip.FullPaths.filter((p: string) => /\/xl\/worksheets\/[^/]+\.xml$/i.test(p));
  if (!sheets.length) return null;
  // A cell element that is not empty (<c r="A1048576" …>…</c>), past the last row read.
  const cell = /<c\b[^>]*?\br="[A-Z]{1,3}(\d+)"[^>]*?(\/?)>/g;
  for (const p of sheets) {
    const entry = XLSX.CFB.find(zip, p);
    if (!entry?.content) continue;
    const xml = Buffer.from(entry.content as Uint8Array).toString('utf8');
    for (let m = cell.exec(xml); m; m = cell.exec(xml)) if (m[2] !== '/' && Number(m[1]) > maxRows) return true;
  }
  return false;
}

// One worker serves request after request; the caller replaces it after a timeout or a crash.
parentPort?.on('message', (request: WorkerRequest & { id: number }) => {
  parentPort!.postMessage({ id: request.id, reply: parse(request) });
});
