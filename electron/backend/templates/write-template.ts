/**
 * One unit's report template for a period: the measures to fill (yellow cells), the tasks the
 * unit leads or cooperates on, the narrative sections, and a hidden sheet that says whose and
 * which period the file is.
 */
import * as XLSX from 'xlsx';
import type { EntryValue, MeasureDto, PeriodDto, PlanDetail, TaskDto, UnitDto } from '../../../shared/api/types';
import { planMeasures, sectionHeadings, sectionTitle, sectionsOf } from '../../../shared/api/plan-shape';
import { formatIsoDate } from '../../../shared/domain/org-units';
import { partKey } from '../../../shared/domain/breakdown';
import { targetOfYear } from '../../../shared/domain/measure';
import { nameWithCatalogue } from '../../../shared/domain/catalogue';
import { fractionText } from '../../../shared/domain/who-reports';
import { TASK_STATUSES, type TaskReport } from '../../../shared/domain/task-status';
import { levelOfUnit, targetOwnerLabel } from '../../../shared/domain/periods';
import { SheetBuilder, StyledBook } from '../xlsx/styled-workbook';
import { COL, MEASURE_HEADER_ROW, NARRATIVE_SECTIONS, SHEETS, TASK_COL, TASK_HEADER_ROW, TEMPLATE_FORMAT, TEMPLATE_VERSION, layoutChecksum, templateFileName, type NarrativeKey, type TemplateMeta } from './layout';

export interface TemplateInput {
  plan: PlanDetail;
  period: PeriodDto;
  unit: UnitDto;
  tasks: (TaskDto & { role: 'lead' | 'cooperating' })[];
  generatedAt: string;
  /** Values already filled in (a compiled report sent up a level), by measure code (or part key) and task key. */
  filled?: { values: Map<string, EntryValue>; narratives?: Partial<Record<NarrativeKey, string>>; tasks?: Map<string, Omit<TaskReport, 'taskId'>> };
}

/** This year's target as printed, or the phase-end target when the year has none. */
export function targetFor(m: MeasureDto, year: number): string {
  const t = targetOfYear(m.targets, year);
  return !t ? '' : t.isPhaseEnd ? `${t.text} (đến ${t.year})` : t.text;
}

export function taskKey(t: TaskDto): string {
  return `${t.groupCode}.${t.code}`;
}

export function buildTemplate(input: TemplateInput): { fileName: string; bytes: Buffer; meta: TemplateMeta } {
  const { plan, period, unit, tasks } = input;
  const measures = planMeasures(plan);
  const due = period.deadlines.find((d) => d.level === levelOfUnit(unit.kind))?.dueOn ?? period.deadlines[0]?.dueOn;
  const meta: TemplateMeta = {
    format: TEMPLATE_FORMAT,
    version: TEMPLATE_VERSION,
    planId: plan.id,
    periodId: period.id,
    periodName: period.name,
    unitId: unit.id,
    unitCode: unit.code,
    unitName: unit.name,
    layoutChecksum: layoutChecksum(templateRowKeys(measures), tasks.map(taskKey)),
    generatedAt: input.generatedAt,
  };
  const book = new StyledBook();
  const wb = book.wb;
  const add = (name: string, sheet: SheetBuilder, protect: boolean, headerRow?: number) => book.add(name, sheet, { protect, print: headerRow === undefined ? undefined : { titleRows: [headerRow, headerRow] } });

  // Sheet 1: measures.
  const s = new SheetBuilder([9, 58, 11, 14, 13, 13, 13, 24]);
  s.merged(0, 0, 7, 'BIỂU BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU VỀ TRẺ EM', 'title');
  s.height(0, 22);
  s.merged(1, 0, 7, `${period.name} — ${plan.number ? `Kế hoạch số ${plan.number}` : plan.title}`, 'subtitle');
  s.height(1, 32);
  s.merged(2, 0, 7, `Đơn vị báo cáo: ${unit.name}     Gửi về: ${period.parentUnitName ?? ''}     Hạn gửi: ${due ? formatIsoDate(due) : ''}`, 'instructions');
  s.merged(
    3,
    0,
    7,
    'Cách điền: chỉ nhập vào các ô màu vàng. Với tỷ lệ, nhập Tử số và Mẫu số (cột Kết quả tự tính); với số lượng, nhập vào cột Kết quả. ' +
      'Gõ số như thường dùng (58,82 hoặc 1.234). Để trống nếu chưa có số liệu; nhập 0 nếu kết quả bằng 0. Không thêm, xóa hay đổi thứ tự dòng, không đổi tên trang tính.' +
      (measures.some((m) => m.breakdown)
        ? ' Chỉ tiêu có phân tổ (các dòng "–" in nghiêng bên dưới): nhập số của từng nhóm; dòng Tổng số để trống thì TongHop tự cộng, nếu điền cả hai thì các nhóm phải cộng lại bằng Tổng số.'
        : ''),
    'instructions',
  );
  s.height(3, measures.some((m) => m.breakdown) ? 64 : 48);
  // The plans set one target for the territory: the column says whose it is.
  const headers = ['Mã', 'Chỉ tiêu', 'Đơn vị tính', `Chỉ tiêu năm ${period.year} (${targetOwnerLabel(period.parentUnitName)})`, 'Tử số', 'Mẫu số', 'Kết quả', 'Ghi chú'];
  headers.forEach((h, c) => s.set(MEASURE_HEADER_ROW, c, h, 'header'));
  s.height(MEASURE_HEADER_ROW, 32);
  let row = MEASURE_HEADER_ROW + 1;
  // A period that collects several plans: each plan's part begins with its title.
  const sections = sectionsOf(plan);
  const measureHeading = sectionHeadings();
  for (const goal of plan.goals) {
    const heading = measureHeading(sections?.goal.get(goal.id));
    if (heading) s.merged(row++, 0, 7, sectionTitle(heading), 'subtitle');
    s.merged(row++, 0, 7, `${goal.code}. ${goal.title}`, 'group');
    for (const ind of goal.indicators) {
      s.set(row, COL.code, null, 'labelBold');
      s.merged(row, COL.name, COL.note, `Chỉ tiêu ${ind.code}: ${ind.title}`, 'labelBold');
      row++;
      for (const m of ind.measures) {
        const fraction = m.valueKind === 'rate' ? fractionText(m) : '';
        const name = nameWithCatalogue(m.breakdown ? `${m.name} (Tổng số)` : m.name, m.catalogueIndicator) + (fraction ? `\n${fraction}` : '');
        inputRow(s, row++, m, { key: m.code, name, target: targetFor(m, period.year), style: 'label' }, input.filled?.values.get(m.code));
        for (const c of m.breakdown?.combos ?? []) {
          const key = partKey(m.code, c.key.split('/'));
          inputRow(s, row++, m, { key, name: `– ${c.label}`, target: '', style: 'part' }, input.filled?.values.get(key));
        }
      }
    }
  }
  if (measures.length === 0) s.merged(row, 0, 7, `Kế hoạch không giao chỉ tiêu nào cho ${unit.name}: hãy báo cáo ở trang "${SHEETS.tasks}" và trang "${SHEETS.narrative}".`, 'label');
  add(SHEETS.measures, s, true, MEASURE_HEADER_ROW);

  // Sheet 2: tasks.
  const t = new SheetBuilder([8, 52, 11, 16, 46, 18, 11, 12, 12]);
  const lastTaskCol = TASK_COL.funds;
  t.merged(0, 0, lastTaskCol, 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ', 'title');
  t.merged(1, 0, lastTaskCol, `${unit.name} — ${period.name}`, 'subtitle');
  t.merged(
    2,
    0,
    lastTaskCol,
    `Với từng nhiệm vụ, ghi vào các cột màu vàng: kết quả thực hiện (việc đã làm, văn bản đã ban hành); tình trạng: ${Object.values(TASK_STATUSES).join(' / ')} ("Không phát sinh" khi không có việc phải làm trong kỳ); và nếu có: số hoạt động, số người tham gia, kinh phí.`,
    'instructions',
  );
  t.height(2, 36);
  ['STT', 'Nhiệm vụ', 'Vai trò', 'Thời gian thực hiện', 'Kết quả thực hiện', 'Tình trạng', 'Số hoạt động', 'Số người tham gia', 'Kinh phí (triệu đồng)'].forEach((h, c) => t.set(TASK_HEADER_ROW, c, h, 'header'));
  t.height(TASK_HEADER_ROW, 32);
  if (tasks.length === 0) t.merged(TASK_HEADER_ROW + 1, 0, lastTaskCol, 'Kế hoạch không giao nhiệm vụ nào cho đơn vị trong bảng nhiệm vụ.', 'label');
  const taskHeading = sectionHeadings();
  let taskRow = TASK_HEADER_ROW + 1;
  tasks.forEach((task) => {
    const heading = taskHeading(sections?.taskGroup.get(task.groupId));
    if (heading) t.merged(taskRow++, 0, lastTaskCol, sectionTitle(heading), 'subtitle');
    const r = taskRow++;
    const filled = input.filled?.tasks?.get(taskKey(task));
    t.set(r, TASK_COL.key, taskKey(task), 'label');
    t.set(r, TASK_COL.content, task.content, 'label');
    t.set(r, TASK_COL.role, task.role === 'lead' ? 'Chủ trì' : 'Phối hợp', 'label');
    t.set(r, TASK_COL.timeframe, task.timeframe, 'label');
    t.set(r, TASK_COL.progress, filled?.progress || null, 'inputText');
    t.set(r, TASK_COL.status, filled?.status ? TASK_STATUSES[filled.status] : null, 'inputText');
    t.set(r, TASK_COL.events, filled?.events ?? null, 'input');
    t.set(r, TASK_COL.participants, filled?.participants ?? null, 'input');
    t.set(r, TASK_COL.funds, filled?.funds ?? null, 'input');
  });
  add(SHEETS.tasks, t, true, TASK_HEADER_ROW);

  // Sheet 3: narrative sections.
  const n = new SheetBuilder([34, 90]);
  n.merged(0, 0, 1, 'NỘI DUNG BÁO CÁO', 'title');
  n.merged(1, 0, 1, `${unit.name} — ${period.name}`, 'subtitle');
  n.merged(2, 0, 1, 'Viết nội dung từng phần vào ô màu vàng bên phải (có thể xuống dòng trong ô bằng Alt+Enter).', 'instructions');
  NARRATIVE_SECTIONS.forEach((section, i) => {
    const r = 4 + i;
    n.set(r, 0, section.label, 'labelBold');
    n.set(r, 1, input.filled?.narratives?.[section.key] ?? null, 'inputText');
    n.height(r, 120);
  });
  add(SHEETS.narrative, n, true);

  // Sheet 4: metadata, very hidden.
  const meta_ws = XLSX.utils.aoa_to_sheet([['Khóa', 'Giá trị'], ...Object.entries(meta).map(([k, v]) => [k, String(v)])]);
  XLSX.utils.book_append_sheet(wb, meta_ws, SHEETS.meta);
  wb.Workbook = { Sheets: wb.SheetNames.map((name) => ({ name, Hidden: name === SHEETS.meta ? 2 : 0 })) };
  wb.Props = { Title: `${unit.name} - ${period.name}`, Author: 'TongHop', Company: period.parentUnitName ?? '' };

  return { fileName: templateFileName(unit.name, period.name), bytes: book.write(), meta };
}

/** The keys of the measures sheet's input rows, in order: each measure's code, then its parts' keys. */
export function templateRowKeys(measures: readonly MeasureDto[]): string[] {
  return measures.flatMap((m) => [m.code, ...(m.breakdown?.combos ?? []).map((c) => partKey(m.code, c.key.split('/')))]);
}

/** One input row of the measures sheet: a measure's total, or one part of its breakdown. */
function inputRow(s: SheetBuilder, row: number, m: MeasureDto, label: { key: string; name: string; target: string; style: 'label' | 'part' }, v: EntryValue | undefined): void {
  s.set(row, COL.code, label.key, 'label');
  s.set(row, COL.name, label.name, label.style);
  s.set(row, COL.unit, m.unitLabel, 'label');
  s.set(row, COL.target, label.target, 'labelNumber');
  if (m.valueKind === 'rate') {
    s.set(row, COL.numerator, v?.numerator ?? null, 'input');
    s.set(row, COL.denominator, v?.denominator ?? null, 'input');
    const e = XLSX.utils.encode_cell({ r: row, c: COL.numerator });
    const f = XLSX.utils.encode_cell({ r: row, c: COL.denominator });
    if (v && v.numerator === null && v.value !== null) s.set(row, COL.value, v.value, 'input');
    else s.formula(row, COL.value, `IF(AND(ISNUMBER(${e}),ISNUMBER(${f}),${f}>0),${e}/${f}*${m.rateFactor},"")`);
  } else {
    s.set(row, COL.numerator, '—', 'na');
    s.set(row, COL.denominator, '—', 'na');
    s.set(row, COL.value, m.valueKind === 'count' ? (v?.value ?? null) : (v?.textValue ?? null), m.valueKind === 'count' ? 'input' : 'inputText');
  }
  s.set(row, COL.note, v?.note ?? null, 'inputText');
}
