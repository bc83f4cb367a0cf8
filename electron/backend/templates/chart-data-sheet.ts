/**
 * "Số liệu biểu đồ": the figures behind the charts, on a sheet of the submission workbook, so a
 * reader can redraw or check any chart in Excel: results by goal, progress toward the phase end,
 * reports received by day, the measures furthest behind, and every measure's trend.
 */
import type { Dashboard, TrendChart } from '../../../shared/api/types';
import { GOAL_COUNT_WORDS, type GoalCount } from '../../../shared/domain/progress';
import { ASSESSMENTS } from '../../../shared/domain/rollup';
import { formatIsoDate } from '../../../shared/domain/org-units';
import { SheetBuilder, numberStyle, type PrintSetup } from '../xlsx/styled-workbook';

export interface ChartData {
  dashboard: Omit<Dashboard, 'charts'>;
  trends: Omit<TrendChart, 'chart'>[];
}

const COUNTS: GoalCount[] = ['met', 'not_met', 'no_data', 'other'];

/** The sheet, and how it prints: the trends' header repeated on every page, code and name at the left of pages of periods. */
export function chartDataSheet(d: ChartData): { sheet: SheetBuilder; print: PrintSetup } {
  const points = d.trends[0]?.points ?? [];
  const width = Math.max(9, 4 + points.length * 2);
  const s = new SheetBuilder([12, 52, 12, ...Array.from({ length: width - 3 }, () => 13)]);
  const last = width - 1;
  const b = d.dashboard;
  s.merged(0, 0, last, 'SỐ LIỆU CỦA CÁC BIỂU ĐỒ', 'title');
  s.merged(1, 0, last, `${b.period.name} — ${b.compiledBy}`, 'subtitle');
  let row = 3;
  const heading = (text: string) => s.merged(row++, 0, last, text, 'group');
  const headers = (cells: string[]) => {
    cells.forEach((h, c) => s.set(row, c, h, 'header'));
    s.height(row++, 32);
  };

  heading('1. Kết quả theo mục tiêu (số chỉ tiêu)');
  headers(['Mục tiêu', 'Nội dung', ...COUNTS.map((k) => GOAL_COUNT_WORDS[k]), ...(b.phaseYear !== null ? [`Đạt mục tiêu ${b.phaseYear}`, `Chưa đạt mục tiêu ${b.phaseYear}`, 'Chưa có số liệu'] : [])]);
  for (const g of b.goals) {
    s.set(row, 0, g.code, 'label');
    s.set(row, 1, g.title, 'label');
    COUNTS.forEach((k, c) => s.set(row, 2 + c, g.counts[k], 'number0'));
    if (b.phaseYear !== null) [g.phase.met, g.phase.not_met, g.phase.no_data].forEach((n, c) => s.set(row, 6 + c, n, 'number0'));
    row++;
  }

  row++;
  heading(`2. Báo cáo đã nhận theo ngày (phải nhận ${b.received.expected}; hạn ${[...new Set(b.received.deadlines.map((x) => formatIsoDate(x.dueOn)))].join(', ') || 'chưa đặt'})`);
  headers(['Ngày', 'Đã nhận (cộng dồn)']);
  for (const x of b.received.days) {
    s.set(row, 0, formatIsoDate(x.date), 'label');
    s.set(row++, 1, x.count, 'number0');
  }
  if (!b.received.days.length) s.merged(row++, 0, last, 'Chưa nhận báo cáo nào.', 'instructions');

  row++;
  heading('3. Các chỉ tiêu còn xa chỉ tiêu nhất (khoảng cách tính theo phần trăm của chỉ tiêu)');
  headers(['Mã', 'Chỉ tiêu', 'Kết quả', 'Chỉ tiêu của năm', 'Còn thiếu (%)']);
  for (const f of b.furthest) {
    s.set(row, 0, f.code, 'label');
    s.set(row, 1, f.name, 'label');
    s.set(row, 2, f.value, 'number2');
    s.set(row, 3, f.targetText, 'labelNumber');
    s.set(row++, 4, Math.round(f.gap * 1000) / 10, 'number1');
  }
  if (!b.furthest.length) s.merged(row++, 0, last, b.withData ? 'Không có chỉ tiêu nào chưa đạt.' : 'Chưa có số liệu để so với chỉ tiêu.', 'instructions');

  row++;
  heading(`4. Xu hướng của các chỉ tiêu: ${d.trends[0]?.scopeText ?? ''}`);
  const trendHeader = row;
  headers(['Mã', 'Chỉ tiêu', 'ĐVT', ...points.flatMap((p) => [p.label, `Chỉ tiêu ${p.year}`]), 'Mục tiêu cuối giai đoạn']);
  for (const t of d.trends) {
    const fig = numberStyle(t.displayDecimals);
    s.set(row, 0, t.code, 'label');
    s.set(row, 1, t.name, 'label');
    s.set(row, 2, t.unitLabel, 'label');
    t.points.forEach((p, k) => {
      s.set(row, 3 + 2 * k, p.value, p.value === null ? 'label' : fig);
      s.set(row, 4 + 2 * k, p.target?.text ?? null, 'labelNumber');
    });
    s.set(row++, 3 + 2 * t.points.length, t.phaseTargets.map((p) => `${p.year}: ${p.text}`).join('; ') || null, 'label');
  }
  row++;
  s.merged(row, 0, last, `Đánh giá theo chỉ tiêu của từng năm: ${Object.values(ASSESSMENTS).join(', ')}. Ô trống: kỳ chưa có số liệu.`, 'instructions');
  // Five periods (ten columns) a page beside the code, name and unit.
  const pagesWide = Math.max(1, Math.ceil((width - 3) / 10));
  return { sheet: s, print: { titleRows: [trendHeader, trendHeader], titleCols: [0, 2], fitWidth: pagesWide, colBreaks: Array.from({ length: pagesWide - 1 }, (_, k) => 3 + 10 * (k + 1)) } };
}
