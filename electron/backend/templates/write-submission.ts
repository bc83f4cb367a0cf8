/**
 * The compiled submission as .xlsx: the indicator appendix in the province's layout (with the
 * result and the assessment), the matrix by unit, and one sheet per source unit.
 */
import type { MergeRow, MergeView } from '../../../shared/api/types';
import { ASSESSMENTS } from '../../../shared/domain/rollup';
import { sectionBreaks, withoutBreakdownText } from '../../../shared/api/merge-text';
import { nameWithCatalogue } from '../../../shared/domain/catalogue';
import { TASK_STATUSES } from '../../../shared/domain/task-status';
import { fileSafeName } from '../../../shared/domain/file-names';
import { chartDataSheet, type ChartData } from './chart-data-sheet';
import { SheetBuilder, StyledBook, numberStyle, type PrintSetup, type StyleName } from '../xlsx/styled-workbook';


export function buildSubmission(view: MergeView, charts: ChartData | null = null): { fileName: string; bytes: Buffer } {
  const book = new StyledBook();
  const wb = book.wb;
  const add = (name: string, sheet: SheetBuilder, print?: PrintSetup) => book.add(name, sheet, { print });
  const hasPrevious = view.rows.some((r) => r.previous);

  // The appendix.
  const a = new SheetBuilder([10, 56, 10, 13, 13, 13, 13, 28]);
  const lastCol = 7;
  a.merged(0, 0, lastCol, 'Phụ lục', 'title');
  a.merged(1, 0, lastCol, 'KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU VỀ TRẺ EM', 'title');
  a.merged(2, 0, lastCol, `${view.period.name} — ${view.parentUnitName}`, 'subtitle');
  a.merged(3, 0, lastCol, `Tổng hợp từ báo cáo của ${view.completeness.reported}/${view.completeness.expected} đơn vị.${view.missingText ? ` ${view.missingText}` : ''}`, 'instructions');
  const headers = ['TT', 'Nội dung mục tiêu/chỉ tiêu', 'Đơn vị tính', `Chỉ tiêu năm ${view.period.year}`, 'Kết quả thực hiện', 'Đánh giá', hasPrevious ? (view.rows[0]?.previous?.periodName ?? 'Cùng kỳ năm trước') : 'Cùng kỳ năm trước', 'Đơn vị thực hiện'];
  headers.forEach((h, c) => a.set(5, c, h, 'header'));
  a.height(5, 32);
  let row = 6;
  let goal = '';
  let indicator = '';
  const planOfGoal = sectionBreaks(view, 'goal');
  for (const r of view.rows) {
    if (r.goalCode !== goal) {
      goal = r.goalCode;
      const title = planOfGoal(r.goalCode);
      if (title) a.merged(row++, 0, lastCol, title, 'subtitle');
      a.set(row, 0, r.goalCode, 'group');
      a.merged(row++, 1, lastCol, r.goalTitle, 'group');
    }
    if (`${r.goalCode}.${r.indicatorCode}` !== indicator) {
      indicator = `${r.goalCode}.${r.indicatorCode}`;
      a.set(row, 0, `Chỉ tiêu ${r.indicatorCode}`, 'labelBold');
      a.merged(row++, 1, lastCol, r.indicatorTitle, 'labelBold');
    }
    const fig = numberStyle(r.displayDecimals);
    a.set(row, 0, r.code, 'label');
    a.set(row, 1, nameWithCatalogue(r.name, r.catalogueIndicator), 'label');
    a.set(row, 2, r.unitLabel, 'label');
    a.set(row, 3, r.targetText, 'labelNumber');
    a.set(row, 4, r.total.value, r.total.value === null ? 'label' : fig);
    a.set(row, 5, ASSESSMENTS[r.assessment], 'label');
    a.set(row, 6, r.previous?.value ?? null, fig);
    a.set(row, 7, r.leadUnitName ?? '', 'label');
    row++;
    for (const p of r.breakdown?.parts ?? []) {
      a.set(row, 0, null, 'label');
      a.set(row, 1, `– ${p.label}`, 'part');
      a.set(row, 2, r.unitLabel, 'label');
      a.set(row, 3, null, 'label');
      a.set(row, 4, p.total.value, p.total.value === null ? 'label' : fig);
      for (let c = 5; c <= lastCol; c++) a.set(row, c, null, 'label');
      row++;
    }
    const without = withoutBreakdownText(view, r);
    if (without) {
      a.set(row, 0, null, 'label');
      a.merged(row++, 1, lastCol, without, 'part');
    }
  }
  add('Phụ lục', a, { titleRows: [5, 5] });

  // The compiled narratives.
  const n = new SheetBuilder([30, 100]);
  n.merged(0, 0, 1, 'NỘI DUNG BÁO CÁO TỔNG HỢP', 'title');
  n.merged(1, 0, 1, `${view.period.name} — ${view.parentUnitName}`, 'subtitle');
  view.narratives.forEach((section, i) => {
    n.set(3 + i, 0, section.label, 'labelBold');
    n.set(3 + i, 1, section.draft || '(chưa có nội dung)', 'label');
  });
  if (view.tasks.length) {
    const base = 4 + view.narratives.length;
    n.merged(base, 0, 1, 'TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ', 'group');
    const planOfTask = sectionBreaks(view, 'task');
    let r = base + 1;
    for (const t of view.tasks) {
      const title = planOfTask(t.key);
      if (title) n.merged(r++, 0, 1, title, 'subtitle');
      n.set(r, 0, `${t.key}. ${t.content} (chủ trì: ${t.leadName}) — ${t.status ? TASK_STATUSES[t.status] : t.statusFrom === 'lead' ? 'chưa có báo cáo của đơn vị chủ trì' : 'chưa có báo cáo'}`, 'label');
      n.set(r++, 1, t.draft || '(chưa có báo cáo)', 'label');
    }
  }
  add('Nội dung', n);

  // The matrix by unit: printed as landscape pages of ten unit columns, code, name and unit of measure repeated on each.
  const m = new SheetBuilder([9, 44, 9, ...view.units.map(() => 13), 13, 40]);
  const notesCol = 4 + view.units.length;
  m.merged(0, 0, notesCol, `TỔNG HỢP THEO ĐƠN VỊ — ${view.period.name}`, 'title');
  ['Mã', 'Chỉ tiêu', 'ĐVT', ...view.units.map((u) => u.name), 'Tổng hợp', 'Ghi chú của đơn vị'].forEach((h, c) => m.set(2, c, h, 'header'));
  m.height(2, 48);
  let mRow = 3;
  for (const r of view.rows) {
    const fig = numberStyle(r.displayDecimals);
    m.set(mRow, 0, r.code, 'label');
    m.set(mRow, 1, r.name, 'label');
    m.set(mRow, 2, r.unitLabel, 'label');
    view.units.forEach((u, j) => m.set(mRow, 3 + j, r.cells[u.id]?.value ?? null, fig));
    m.set(mRow, 3 + view.units.length, r.total.value, fig);
    m.set(mRow++, notesCol, unitNotes(view, r), 'label');
    for (const p of r.breakdown?.parts ?? []) {
      m.set(mRow, 0, null, 'label');
      m.set(mRow, 1, `– ${p.label}`, 'part');
      m.set(mRow, 2, r.unitLabel, 'label');
      view.units.forEach((u, j) => m.set(mRow, 3 + j, p.cells[u.id]?.value ?? null, fig));
      m.set(mRow, 3 + view.units.length, p.total.value, fig);
      m.set(mRow++, notesCol, null, 'label');
    }
  }
  const unitCols = view.units.length + 2;
  // Ten unit columns a page (the total and the notes count as columns), each page scaled to fit them.
  const pagesWide = Math.ceil(unitCols / 10);
  add('Theo đơn vị', m, { titleRows: [2, 2], titleCols: [0, 2], fitWidth: pagesWide, colBreaks: Array.from({ length: pagesWide - 1 }, (_, k) => 3 + 10 * (k + 1)) });

  // The figures behind the charts (Tổng quan and the trends).
  if (charts) {
    const { sheet, print } = chartDataSheet(charts);
    add('Số liệu biểu đồ', sheet, print);
  }

  // One sheet per source unit that reported.
  const used = new Set(wb.SheetNames);
  for (const u of view.units.filter((x) => x.reported)) {
    const s = new SheetBuilder([9, 52, 9, 13, 13, 13, 36]);
    s.merged(0, 0, 6, u.name, 'title');
    ['Mã', 'Chỉ tiêu', 'ĐVT', 'Tử số', 'Mẫu số', 'Kết quả', 'Ghi chú'].forEach((h, c) => s.set(2, c, h, 'header'));
    let sRow = 3;
    const line = (code: string | null, name: string, style: 'label' | 'part', unitLabel: string, c: MergeRow['total'] | undefined, fig: StyleName, note: string | null = null) => {
      s.set(sRow, 0, code, 'label');
      s.set(sRow, 1, name, style);
      s.set(sRow, 2, unitLabel, 'label');
      s.set(sRow, 3, c?.numerator ?? null, 'labelNumber');
      s.set(sRow, 4, c?.denominator ?? null, 'labelNumber');
      s.set(sRow, 5, c?.value ?? null, fig);
      s.set(sRow++, 6, note, 'label');
    };
    for (const r of view.rows) {
      const fig = numberStyle(r.displayDecimals);
      line(r.code, r.name, 'label', r.unitLabel, r.cells[u.id], fig, r.notes[u.id] ?? null);
      for (const p of r.breakdown?.parts ?? []) line(null, `– ${p.label}`, 'part', r.unitLabel, p.cells[u.id], fig);
    }
    add(sheetName(u.name, used), s, { titleRows: [2, 2] });
  }
  const fileName = fileSafeName(`Tong hop - ${view.parentUnitName} - ${view.period.name}.xlsx`);
  return { fileName, bytes: book.write() };
}

/** "Huyện Sa Thầy: số liệu ước tính; Huyện Kon Rẫy: …" — what the units wrote beside a figure. */
function unitNotes(view: MergeView, r: MergeRow): string | null {
  const names = new Map(view.tree.map((u) => [u.id, u.name]));
  const parts = Object.entries(r.notes).map(([id, note]) => `${names.get(Number(id)) ?? `Đơn vị ${id}`}: ${note}`);
  return parts.length ? parts.join('; ') : null;
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ and unique. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '-').slice(0, 28);
  let candidate = base;
  for (let i = 2; used.has(candidate); i++) candidate = `${base.slice(0, 26)} ${i}`;
  used.add(candidate);
  return candidate;
}
