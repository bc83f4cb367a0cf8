/**
 * Reads a filled report template (cells from the worker) against the plan it was made for:
 * every value checked, every problem named with file, sheet and cell. Pure.
 */
import type { EntryValue, ImportProblem, MeasureDto } from '../../../shared/api/types';
import { checkValue, rateValue } from '../../../shared/domain/value-rules';
import { mismatchText, parsePartKey, reconcileBreakdown } from '../../../shared/domain/breakdown';
import { MEASURE_CODE, TASK_KEY } from '../../../shared/api/plan-shape';
import { targetOfYear } from '../../../shared/domain/measure';
import { plausibilityOf } from '../../../shared/domain/plausibility';
import { REPORTERS } from '../../../shared/domain/who-reports';
import { TASK_STATUSES, isEmptyTaskReport, parseTaskStatus, type TaskReport } from '../../../shared/domain/task-status';
import { TOTAL_COMBO } from '../db/report-store';
import { formatVnNumber, parseVnNumber } from '../../../shared/domain/vn-number';
import { columnName, fold } from '../import/plan-sheet';
import type { ParsedCell, ParsedSheet, ParsedWorkbook } from '../workers/workbook-types';
import type { ReportField } from '../../../shared/domain/entry-layout';
import { COL, MEASURE_HEADER_ROW, NARRATIVE_SECTIONS, SHEETS, TASK_COL, TEMPLATE_FORMAT, type NarrativeKey, type TemplateMeta } from './layout';

/** One measure's values as read, and the cell they came from (for warnings about them later). */
export type ReadValue = EntryValue & { optionComboId: number; cell: string };

export interface ReadReport {
  meta: TemplateMeta | null;
  /** Unit name typed in the header row, for matching a file whose metadata was lost. */
  unitNameInSheet: string | null;
  values: ReadValue[];
  narratives: Partial<Record<NarrativeKey, string>>;
  taskProgress: ({ key: string } & Omit<TaskReport, 'taskId'>)[];
  problems: ImportProblem[];
}

/** A note beside a number; longer explanations belong on the narrative sheet. */
export const MAX_NOTE_LENGTH = 2000;

/** A formula pointing outside the workbook: another file ([1]Sheet!A1, C:\\path\\[book.xlsx]), a URL or DDE (cmd|'…'). */
const EXTERNAL_FORMULA = /\[[^\]]+\]|\||https?:|\\\\|[A-Za-z]:\\/;

/** What is wrong with an input cell whatever the measure: a formula that reaches outside, or one never calculated. */
function inputCellProblem(cell: ParsedCell | null | undefined, computedByTemplate: boolean): string | null {
  if (!cell?.f) return null;
  const formula = `=${cell.f.length > 60 ? `${cell.f.slice(0, 60)}…` : cell.f}`;
  if (EXTERNAL_FORMULA.test(cell.f)) {
    return `ô lấy số liệu từ tệp hoặc chương trình khác qua công thức liên kết (${formula}); TongHop chỉ nhận số liệu nằm trong tệp. Hãy chép rồi dán giá trị (Paste Special › Values) và lưu lại`;
  }
  if (cell.noValue && !computedByTemplate) return `ô chứa công thức (${formula}) chưa được tính ra số; hãy mở tệp bằng Excel để Excel tính, rồi lưu lại`;
  return null;
}

function text(cell: ParsedCell | null | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  return typeof cell.v === 'string' ? cell.v.trim() : (typeof cell.w === 'string' && cell.w.trim()) || String(cell.v);
}

/** The unit the measures sheet's header names ("Đơn vị báo cáo: Huyện Đắk Hà   Gửi về: …"), or null. */
export function unitNameInHeader(workbook: ParsedWorkbook): string | null {
  const sheet = measuresSheet(workbook);
  const m = /Đơn vị báo cáo:\s*(.+?)(\s{2,}|Gửi về:|Hạn gửi:|$)/.exec(text(sheet?.rows[2]?.[0]));
  return m ? m[1]!.trim() : null;
}

/** The sheet of measures: by its exact name, or by its name without diacritics (a re-saved copy). */
export function measuresSheet(workbook: ParsedWorkbook): ParsedSheet | undefined {
  return workbook.sheets.find((s) => s.name === SHEETS.measures) ?? workbook.sheets.find((s) => fold(s.name) === fold(SHEETS.measures));
}

/** A measure row's code (1, 1.2, 19.3, B.1.2), or null: goal and indicator rows carry a title in column A or B. */
export function measureCodeOf(row: readonly (ParsedCell | null)[] | undefined): string | null {
  const code = text(row?.[COL.code]);
  return MEASURE_CODE.test(code) ? code : null;
}

export function readMeta(sheets: ParsedSheet[]): TemplateMeta | null {
  const sheet = sheets.find((s) => s.name === SHEETS.meta);
  if (!sheet) return null;
  const entries = new Map(sheet.rows.slice(1).map((r) => [text(r?.[0]), text(r?.[1])]));
  if (entries.get('format') !== TEMPLATE_FORMAT) return null;
  const num = (k: string) => Number(entries.get(k));
  return {
    format: TEMPLATE_FORMAT,
    version: num('version'),
    planId: num('planId'),
    periodId: num('periodId'),
    periodName: entries.get('periodName') ?? '',
    unitId: num('unitId'),
    unitCode: entries.get('unitCode') ?? '',
    unitName: entries.get('unitName') ?? '',
    layoutChecksum: entries.get('layoutChecksum') ?? '',
    generatedAt: entries.get('generatedAt') ?? '',
  };
}

/**
 * `measures`: what the unit reports; `inPlan`: every measure of the plan, so that a row of a
 * measure the unit does not report (a template made before the plan said who reports what) is
 * left out with a warning rather than refused as unknown.
 */
export function readReport(fileName: string, workbook: ParsedWorkbook, measures: MeasureDto[], inPlan: MeasureDto[] = measures, options: { year?: number } = {}): ReadReport {
  const problems: ImportProblem[] = [];
  const where = (row: number, col: number) => `${columnName(col)}${row + 1}`;
  /** The figure of the row being read, so a problem in it names its measure and part. */
  let here: { measureId: number; optionComboId: number } | null = null;
  const at = (col: number): Pick<ImportProblem, 'at'> => {
    const field = (Object.keys(COL) as ReportField[]).find((f) => COL[f] === col);
    return here && field ? { at: { ...here, field } } : {};
  };
  const error = (sheet: string, row: number, col: number, message: string) => {
    const cell = where(row, col);
    problems.push({ severity: 'error', row: row + 1, cell, message: `${fileName} › ${sheet} › ${cell}: ${message}`, ...(sheet === SHEETS.measures ? at(col) : {}) });
  };
  const meta = readMeta(workbook.sheets);
  const sheet = measuresSheet(workbook);
  const out: ReadReport = { meta, unitNameInSheet: null, values: [], narratives: {}, taskProgress: [], problems };
  if (!sheet) {
    problems.push({ severity: 'error', row: null, cell: null, message: `${fileName}: không có trang tính "${SHEETS.measures}". Hãy dùng biểu mẫu do TongHop xuất cho kỳ này.` });
    return out;
  }
  out.unitNameInSheet = unitNameInHeader(workbook);

  const byCode = new Map(measures.map((m) => [m.code, m]));
  const seen = new Set<string>();
  const notOwed = new Set<string>();
  /** The rows read per broken-down measure, to check its parts against its total once all are read. */
  const brokenDown = new Map<number, { m: MeasureDto; total: ReadValue | null; totalRow: number; parts: (ReadValue | null)[]; partRows: number[]; failed: boolean }>();
  const inputColumns = [COL.numerator, COL.denominator, COL.value, COL.note];
  for (let r = MEASURE_HEADER_ROW + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    here = null;
    const code = measureCodeOf(row);
    const part = code === null ? parsePartKey(text(row[COL.code])) : null;
    if (code === null && part === null) continue;
    const m = byCode.get(code ?? part!.measureCode);
    if (!m) {
      const other = inPlan.find((x) => x.code === (code ?? part!.measureCode));
      if (other) {
        if (!part && !notOwed.has(other.code)) {
          notOwed.add(other.code);
          problems.push({ severity: 'warning', row: r + 1, cell: where(r, COL.code), message: `${fileName} › ${SHEETS.measures} › ${where(r, COL.code)}: chỉ tiêu ${other.code} không do đơn vị này báo cáo (${REPORTERS[other.reporters].toLowerCase()}); dòng này được bỏ qua.` });
        }
        continue;
      }
      error(SHEETS.measures, r, COL.code, `mã chỉ tiêu "${code ?? part!.measureCode}" không có trong kế hoạch của kỳ này`);
      continue;
    }
    let comboId = TOTAL_COMBO;
    if (part) {
      const combo = m.breakdown?.combos.find((c) => c.key === part.optionCodes.join('/'));
      if (!combo) {
        error(
          SHEETS.measures,
          r,
          COL.code,
          m.breakdown
            ? `dòng phân tổ "${text(row[COL.code])}" không có trong phân tổ "${m.breakdown.name}" của chỉ tiêu ${m.code} (phân tổ có thể đã sửa sau khi gửi biểu mẫu); hãy dùng biểu mẫu mới xuất cho kỳ này`
            : `chỉ tiêu ${m.code} không có phân tổ nên không có dòng "${text(row[COL.code])}"; hãy dùng biểu mẫu mới xuất cho kỳ này`,
        );
        continue;
      }
      comboId = combo.id;
    }
    here = { measureId: m.id, optionComboId: comboId };
    const key = part ? text(row[COL.code]) : m.code;
    if (seen.has(key)) {
      error(SHEETS.measures, r, COL.code, `${part ? 'dòng phân tổ' : 'mã chỉ tiêu'} "${key}" xuất hiện hai lần`);
      continue;
    }
    seen.add(key);
    const merged = sheet.merges.find((x) => x.s.r <= r && r <= x.e.r && inputColumns.some((c) => x.s.c <= c && c <= x.e.c));
    if (merged) {
      const range = `${where(merged.s.r, merged.s.c)}:${where(merged.e.r, merged.e.c)}`;
      error(SHEETS.measures, merged.s.r, merged.s.c, `các ô ${range} bị gộp (Merge) đè lên ô nhập số liệu; hãy bỏ gộp ô (Unmerge) rồi nhập lại từng ô`);
      continue;
    }
    const read = readInputRow(r, row, m, comboId);
    if (m.breakdown) {
      const entry = brokenDown.get(m.id) ?? { m, total: null, totalRow: -1, parts: [], partRows: [], failed: false };
      if (part) {
        entry.partRows.push(r);
        entry.parts.push(read ?? null);
      } else {
        entry.totalRow = r;
        entry.total = read ?? null;
      }
      // A row with an error was reported already: its measure is not checked further.
      if (read === undefined) entry.failed = true;
      brokenDown.set(m.id, entry);
    } else if (read) out.values.push(read);
  }

  /** A figure accepted but worth checking (outside its range, a fraction of people, far from the target): a warning on its cell. */
  function implausible(r: number, col: number, m: MeasureDto, optionComboId: number, value: number | null, typed: string | null): void {
    if (value === null) return;
    const target = optionComboId === TOTAL_COMBO && options.year !== undefined ? targetOfYear(m.targets, options.year) : null;
    for (const w of plausibilityOf(m, value, typed, target)) {
      problems.push({ severity: 'warning', row: r + 1, cell: where(r, col), message: `${fileName} › ${SHEETS.measures} › ${where(r, col)}: chỉ tiêu ${m.code}: ${w} — hãy kiểm tra lại.`, ...at(col), check: true });
    }
  }

  /** One input row read: a value, null when empty, undefined when an error was reported. */
  function readInputRow(r: number, row: readonly (ParsedCell | null)[], m: MeasureDto, optionComboId: number): ReadValue | null | undefined {
    // A rate's result column holds the template's own formula (the result is computed from E and F).
    const badInput = inputColumns.map((c) => [c, inputCellProblem(row[c], m.valueKind === 'rate' && c === COL.value)] as const).find(([, problem]) => problem);
    if (badInput) {
      error(SHEETS.measures, r, badInput[0], badInput[1]!);
      return undefined;
    }
    const num = (col: number): number | null | undefined => {
      const cell = row[col];
      if (!cell || cell.v === '' || (typeof cell.v === 'string' && cell.v.trim() === '')) return null;
      if (cell.t === 'e') {
        error(SHEETS.measures, r, col, `ô có lỗi công thức (${cell.w ?? cell.v})`);
        return undefined;
      }
      if (cell.t === 'd' || cell.date) {
        error(SHEETS.measures, r, col, `"${cell.w ?? cell.v}" là ngày tháng, không phải số. Hãy nhập số (ô có thể đang định dạng ngày: chọn định dạng Number)`);
        return undefined;
      }
      const parsed = parseVnNumber(typeof cell.v === 'number' ? cell.v : String(cell.v));
      if (!parsed.ok) {
        error(SHEETS.measures, r, col, parsed.error);
        return undefined;
      }
      // A cell shown as "58,82%" holds 0,5882: the user means 58,82.
      const value = cell.percent && typeof cell.v === 'number' ? Math.round(parsed.value * 100 * 1e9) / 1e9 : parsed.value;
      if (value < 0 && !(m.allowsNegative && col === COL.value)) {
        error(SHEETS.measures, r, col, `số âm (${text(cell)}) không hợp lệ${m.allowsNegative ? ' (chỉ cột Kết quả nhận số âm)' : ''}`);
        return undefined;
      }
      return value;
    };
    const note = text(row[COL.note]) || null;
    if (note && note.length > MAX_NOTE_LENGTH) {
      error(SHEETS.measures, r, COL.note, `ghi chú dài ${formatVnNumber(note.length)} ký tự (tối đa ${formatVnNumber(MAX_NOTE_LENGTH)}); hãy rút gọn, phần thuyết minh dài ghi ở trang "${SHEETS.narrative}"`);
      return undefined;
    }
    const cell = where(r, COL.value);
    const base = { measureId: m.id, optionComboId, note, cell };
    if (m.valueKind === 'rate') {
      const numerator = num(COL.numerator);
      const denominator = num(COL.denominator);
      if (numerator === undefined || denominator === undefined) return undefined;
      const typedResult = row[COL.value] && !row[COL.value]!.f ? num(COL.value) : null;
      if (typedResult === undefined) return undefined;
      if (numerator === null && denominator === null) {
        if (typedResult !== null && m.rateFactor === 100 && typedResult > 100) {
          error(SHEETS.measures, r, COL.value, `tỷ lệ ${formatVnNumber(typedResult)}% nằm ngoài khoảng 0–100%`);
          return undefined;
        }
        if (typedResult !== null) {
          problems.push({ severity: 'warning', row: r + 1, cell, message: `${fileName} › ${SHEETS.measures} › ${cell}: chỉ có kết quả, thiếu tử số và mẫu số; số này không cộng dồn được khi tổng hợp.`, ...at(COL.value) });
          implausible(r, COL.value, m, optionComboId, typedResult, null);
          return { ...base, numerator: null, denominator: null, value: typedResult, textValue: null };
        }
        return note ? { ...base, numerator: null, denominator: null, value: null, textValue: null } : null;
      }
      const problem = checkValue('rate', m.rateFactor, { numerator, denominator, value: null }, (n) => text(row[n === numerator ? COL.numerator : COL.denominator]) || String(n));
      if (problem) {
        error(SHEETS.measures, r, problem.field === 'numerator' ? COL.numerator : COL.denominator, problem.message);
        return undefined;
      }
      const value = rateValue(numerator!, denominator!, m.rateFactor!);
      implausible(r, COL.value, m, optionComboId, value, null);
      return { ...base, numerator, denominator, value, textValue: null };
    }
    if (m.valueKind === 'count') {
      const value = num(COL.value);
      if (value === undefined) return undefined;
      const problem = value === null ? null : checkValue('count', null, { numerator: null, denominator: null, value }, () => text(row[COL.value]), { allowsNegative: m.allowsNegative });
      if (problem) {
        error(SHEETS.measures, r, COL.value, problem.message);
        return undefined;
      }
      implausible(r, COL.value, m, optionComboId, value, typeof row[COL.value]?.v === 'string' ? String(row[COL.value]!.v) : null);
      return value !== null || note ? { ...base, numerator: null, denominator: null, value, textValue: null } : null;
    }
    const raw = text(row[COL.value]);
    if (m.valueKind === 'boolean' && raw) {
      const f = fold(raw);
      const yes = ['co', 'x', '1', 'dat', 'true'].includes(f);
      const no = ['khong', '0', 'chua', 'false'].includes(f);
      if (!yes && !no) {
        error(SHEETS.measures, r, COL.value, `"${raw}" không phải Có hoặc Không`);
        return undefined;
      }
      return { ...base, numerator: null, denominator: null, value: yes ? 1 : 0, textValue: yes ? 'Có' : 'Không' };
    }
    return raw || note ? { ...base, numerator: null, denominator: null, value: null, textValue: raw || null } : null;
  }

  // A broken-down measure: its parts and its total must agree (see reconcileBreakdown).
  for (const { m, total, totalRow, parts, partRows, failed } of brokenDown.values()) {
    if (failed) continue;
    here = { measureId: m.id, optionComboId: TOTAL_COMBO };
    const isRate = m.valueKind === 'rate';
    const result = reconcileBreakdown(m.rateFactor, total, parts);
    if (result.kind === 'mismatch') {
      const col = result.field === 'numerator' ? COL.numerator : result.field === 'denominator' ? COL.denominator : COL.value;
      const range = partRows.length ? ` (${where(partRows[0]!, col)}:${where(partRows.at(-1)!, col)})` : '';
      error(SHEETS.measures, totalRow >= 0 ? totalRow : partRows[0]!, col, `chỉ tiêu ${m.code} (${m.name}): ${mismatchText(result, isRate).replace('các nhóm phân tổ', `các nhóm phân tổ${range}`)}`);
      continue;
    }
    if (result.kind === 'empty') continue;
    const totalCell = totalRow >= 0 ? where(totalRow, COL.value) : where(partRows[0]!, COL.value);
    const note = total?.note ?? null;
    out.values.push({ measureId: m.id, optionComboId: TOTAL_COMBO, ...result.total, textValue: null, note, cell: totalCell });
    if (result.kind === 'parts') {
      out.values.push(...parts.filter((p): p is ReadValue => p !== null));
      if (result.derived && result.missing > 0) {
        const fmt = formatVnNumber(result.total.value ?? 0, { maxDecimals: 2 });
        problems.push({
          severity: 'warning',
          row: totalRow + 1,
          cell: totalCell,
          message: `${fileName} › ${SHEETS.measures} › ${totalCell}: chỉ tiêu ${m.code}: ${result.given}/${result.given + result.missing} nhóm phân tổ có số liệu; Tổng số (${fmt}) được tính từ các nhóm đã nhập. Nếu nhóm còn trống là 0, hãy nhập 0.`,
          ...at(COL.value),
        });
      }
    }
  }
  here = null;
  const missing = measures.filter((m) => !seen.has(m.code));
  if (missing.length > 0 && seen.size > 0) {
    problems.push({ severity: 'warning', row: null, cell: null, message: `${fileName} › ${SHEETS.measures}: không thấy dòng của ${missing.length} chỉ tiêu (${missing.slice(0, 5).map((m) => m.code).join(', ')}${missing.length > 5 ? ', …' : ''}).` });
  }
  // A unit that reports tasks only has no measure rows to find.
  if (seen.size === 0 && measures.length > 0) problems.push({ severity: 'error', row: null, cell: null, message: `${fileName} › ${SHEETS.measures}: không có dòng chỉ tiêu nào có mã ở cột A.` });

  const narrative = workbook.sheets.find((s) => s.name === SHEETS.narrative);
  for (const row of narrative?.rows ?? []) {
    const section = NARRATIVE_SECTIONS.find((x) => fold(text(row?.[0])) === fold(x.label));
    const body = typeof row?.[1]?.v === 'string' ? row[1].v.trim() : text(row?.[1]);
    if (section && body) out.narratives[section.key] = body;
  }
  const tasks = workbook.sheets.find((s) => s.name === SHEETS.tasks);
  for (let r = 0; r < (tasks?.rows.length ?? 0); r++) {
    const row = tasks!.rows[r] ?? [];
    const key = text(row[TASK_COL.key]);
    if (!TASK_KEY.test(key)) continue;
    const cellText = (c: number) => (typeof row[c]?.v === 'string' ? (row[c]!.v as string).trim() : text(row[c]));
    const progress = cellText(TASK_COL.progress);
    const statusText = cellText(TASK_COL.status);
    const status = parseTaskStatus(statusText);
    let bad = false;
    if (status === undefined) {
      error(SHEETS.tasks, r, TASK_COL.status, `nhiệm vụ ${key}: tình trạng "${statusText}" không hiểu được; hãy ghi một trong: ${Object.values(TASK_STATUSES).join(', ')}`);
      bad = true;
    }
    const figure = (c: number, what: string, whole: boolean): number | null => {
      const raw = row[c];
      if (!raw || (typeof raw.v === 'string' && !raw.v.trim())) return null;
      const parsed = parseVnNumber(typeof raw.v === 'number' ? raw.v : String(raw.v));
      if (!parsed.ok || parsed.value < 0 || (whole && !Number.isInteger(parsed.value))) {
        error(SHEETS.tasks, r, c, `nhiệm vụ ${key}: ${what} "${text(raw)}" phải là ${whole ? 'số nguyên' : 'số'} không âm`);
        bad = true;
        return null;
      }
      return parsed.value;
    };
    const events = figure(TASK_COL.events, 'số hoạt động', true);
    const participants = figure(TASK_COL.participants, 'số người tham gia', true);
    const funds = figure(TASK_COL.funds, 'kinh phí', false);
    if (bad) continue;
    const report = { status: status ?? null, progress, events, participants, funds };
    if (!isEmptyTaskReport(report)) out.taskProgress.push({ key, ...report });
  }
  return out;
}
