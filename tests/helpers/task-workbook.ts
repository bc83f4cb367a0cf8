/**
 * Task tables laid out like the 2025 plan's appendix (STT | Nội dung nhiệm vụ | Cơ quan chủ trì |
 * Cơ quan phối hợp | Thời gian thực hiện | Sản phẩm), and a plan's text pasted into a sheet one
 * paragraph per row (the Ia H'Drai plan's activities), written with SheetJS.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { KONTUM_2025_TASK_GROUPS } from '../../electron/backend/demo/kontum-2025-tasks';
import { KONTUM_UNITS } from '../../electron/backend/demo/kontum-units';

type Cell = string | number | null;

const nameOf = new Map(KONTUM_UNITS.map((u) => [u.code, u.name]));
/** The 2025 plan writes some leads short: the import must read them. */
const AS_PRINTED: Record<string, string> = { 'KT.BCHQS': 'Bộ CHQS tỉnh', 'KT.SLDTBXH': 'Sở LĐTBXH' };

/** The 2025 task table; `extra` rows are appended to group VII (e.g. a task led by an agency no unit matches). */
export function crcTaskRows(extra: Cell[][] = []): Cell[][] {
  const rows: Cell[][] = [
    ['Phụ lục', null, null, null, null, null],
    ['KẾ HOẠCH TRIỂN KHAI THỰC HIỆN KHUYẾN NGHỊ CỦA ỦY BAN VỀ QUYỀN TRẺ EM CỦA LIÊN HỢP QUỐC NĂM 2025', null, null, null, null, null],
    ['(Kèm theo Kế hoạch của UBND tỉnh Kon Tum)', null, null, null, null, null],
    ['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Sản phẩm'],
    ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
  ];
  for (const g of KONTUM_2025_TASK_GROUPS) {
    rows.push([g.code, g.title, null, null, null, null]);
    g.tasks.forEach((t, i) => rows.push([i + 1, t.content, AS_PRINTED[t.lead] ?? nameOf.get(t.lead)!, t.cooperating, t.timeframe, 'Báo cáo kết quả']));
  }
  return [...rows, ...extra];
}

export function workbookOf(rows: Cell[][], sheetName = 'Phụ lục', bookType: XLSX.BookType = 'xlsx'): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheetName);
  return XLSX.write(wb, { type: 'buffer', bookType }) as Buffer;
}

/** The Ia H'Drai 2022 plan's text from the reference folder, one paragraph per row in column A, as a user pastes it from Word. */
export function iaHDraiPlanRows(): Cell[][] {
  // A copy of ../shared/reference/plans/iahdrai-district-2022-child-work.txt (CI may not have ../shared).
  const text = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/reference/iahdrai-district-2022-child-work.txt'), 'utf8');
  // The lines of a paragraph are joined, as Word keeps them: a heading, a numbered or bulleted
  // line, a footnote, the preamble, or a line after one that ends a sentence starts a new one.
  const paragraphs: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    const previous = paragraphs.at(-1) ?? '';
    const starts = paragraphs.length === 0 || /[.:;]$/.test(previous) || /^(\d{1,2}\.|[IVX]+\.|-|\d\s\p{Lu}|Thực hiện |Ủy ban nhân dân huyện ban hành)/u.test(line);
    if (starts) paragraphs.push(line);
    else paragraphs[paragraphs.length - 1] += ` ${line}`;
  }
  return paragraphs.map((p) => [p]);
}
