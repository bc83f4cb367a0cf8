/** Fills a TongHop template the way a person does in Excel, with SheetJS. */
import * as XLSX from 'xlsx';

export type Fill = Record<string, string | number | null>;

/** `fills`: measure code → { E: '58,82', F: 1000, G: 12, H: 'ghi chú' } (columns of the measures sheet). */
export function fillTemplate(
  bytes: Buffer,
  fills: Record<string, Fill>,
  options: { narratives?: string[]; dropMeta?: boolean; bookType?: XLSX.BookType; tasks?: Record<string, string> } = {},
): Buffer {
  const wb = XLSX.read(bytes, { type: 'buffer', cellFormula: true, cellStyles: true });
  const ws = wb.Sheets['Chỉ tiêu']!;
  const range = XLSX.utils.decode_range(ws['!ref']!);
  const used = new Set<string>();
  for (let r = 0; r <= range.e.r; r++) {
    const code = ws[XLSX.utils.encode_cell({ r, c: 0 })]?.v;
    const fill = typeof code === 'string' ? fills[code] : undefined;
    if (!fill) continue;
    used.add(code as string);
    for (const [col, value] of Object.entries(fill)) {
      const address = `${col}${r + 1}`;
      if (value === null) delete ws[address];
      else ws[address] = typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: value };
    }
  }
  const unknown = Object.keys(fills).filter((c) => !used.has(c));
  if (unknown.length) throw new Error(`fillTemplate: no row for measure code(s) ${unknown.join(', ')}`);
  if (options.narratives) {
    const n = wb.Sheets['Báo cáo']!;
    options.narratives.forEach((text, i) => (n[`B${5 + i}`] = { t: 's', v: text }));
  }
  if (options.tasks) {
    const t = wb.Sheets['Nhiệm vụ']!;
    const tr = XLSX.utils.decode_range(t['!ref']!);
    for (let r = 0; r <= tr.e.r; r++) {
      const key = t[`A${r + 1}`]?.v;
      if (typeof key === 'string' && options.tasks[key]) t[`E${r + 1}`] = { t: 's', v: options.tasks[key] };
    }
  }
  if (options.dropMeta) {
    wb.SheetNames = wb.SheetNames.filter((n) => n !== 'TongHop');
    delete wb.Sheets['TongHop'];
    if (wb.Workbook?.Sheets) wb.Workbook.Sheets = wb.Workbook.Sheets.filter((s) => s.name !== 'TongHop');
  }
  return XLSX.write(wb, { type: 'buffer', bookType: options.bookType ?? 'xlsx' }) as Buffer;
}
