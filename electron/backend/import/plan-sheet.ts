/**
 * Reads a plan's indicator table from sheet cells laid out like the 2024 appendix:
 * `TT | Nội dung mục tiêu/chỉ tiêu | Đơn vị tính | target columns (years in headers) | Đơn vị thực hiện`,
 * goal rows (I, II, ...), "Chỉ tiêu N" rows and continuation rows for further measures.
 * Pure: cells in, structure and problems out.
 */
import { columnLetter } from '../../../shared/domain/entry-layout';
import type { ImportGuess, ImportProblem, PlanImportPreview, TargetDto } from '../../../shared/api/types';
import { formatVnNumber } from '../../../shared/domain/vn-number';
import { parseTarget } from '../../../shared/domain/measure';
import { DIRECTIONS, ROLLUPS, VALUE_KINDS } from '../../../shared/domain/measure';
import { foldText, inferDirection, inferKind, inferRollup } from '../../../shared/domain/measure-inference';
import type { MeasureInput } from '../services/plan-writer';
import type { ParsedCell, ParsedSheet } from '../workers/workbook-types';

export type PlanSheetMeasure = Omit<MeasureInput, 'leadUnitId' | 'cooperatingUnitIds'> & { row: number; leadText: string; guesses: ImportGuess[] };

export type PlanSheetResult = Pick<PlanImportPreview, 'sheetName' | 'headerRow' | 'targetColumns' | 'measureCount' | 'problems' | 'guessedTitle'> & {
  goals: { code: string; title: string; indicators: { code: string; title: string; measures: PlanSheetMeasure[] }[] }[];
};

/** Lower case, no diacritics, single spaces: for matching headers and labels. */
export const fold = foldText;

/** A, B, … AA for a 0-based column. */
export const columnName = columnLetter;

export function cellText(cell: ParsedCell | null | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (typeof cell.v === 'string') return cell.v.replace(/\s+/g, ' ').trim();
  if (typeof cell.v === 'number') return cell.w?.trim() || String(cell.v);
  return String(cell.v);
}

const ROMAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\.?$/;
const INDICATOR = /^chi\s*tieu\s*(\d+)\s*[:.]?\s*(.*)$/;

interface Columns {
  tt: number;
  content: number;
  unit: number;
  lead: number | null;
  targets: { column: number; year: number; isPhaseEnd: boolean; header: string }[];
}

function findHeader(rows: (ParsedCell | null)[][]): { row: number; columns: Columns } | null {
  for (let r = 0; r < Math.min(rows.length, 40); r++) {
    const texts = (rows[r] ?? []).map((c) => fold(cellText(c)));
    const content = texts.findIndex((t) => t.includes('noi dung') || t === 'chi tieu' || t.startsWith('ten chi tieu'));
    const unit = texts.findIndex((t) => t.includes('don vi tinh') || t === 'dvt' || t === 'dv tinh');
    if (content < 0 || unit < 0) continue;
    // Years may sit in this row or, for two-row headers, in the row below.
    const headerTexts = texts.map((t, c) => {
      const below = fold(cellText(rows[r + 1]?.[c]));
      return /\b(19|20)\d{2}\b/.test(t) ? t : /\b(19|20)\d{2}\b/.test(below) ? `${t} ${below}`.trim() : t;
    });
    const targets: Columns['targets'] = [];
    headerTexts.forEach((t, c) => {
      if (c === content || c === unit) return;
      const years = [...t.matchAll(/\b((?:19|20)\d{2})\b/g)].map((m) => Number(m[1]));
      if (years.length === 0) return;
      const isPhaseEnd = /den nam|giai doan|den het/.test(t);
      targets.push({ column: c, year: Math.max(...years), isPhaseEnd, header: cellText(rows[r]?.[c]) || cellText(rows[r + 1]?.[c]) });
    });
    const lead = texts.findIndex((t) => t.includes('don vi thuc hien') || t.includes('chu tri') || t.includes('co quan thuc hien'));
    const tt = texts.findIndex((t) => t === 'tt' || t === 'stt' || t === 'so tt');
    return { row: r, columns: { tt: tt >= 0 ? tt : Math.max(0, content - 1), content, unit, lead: lead >= 0 ? lead : null, targets } };
  }
  return null;
}

/** The number as the plan prints it: typed text is kept; a real number is shown the Vietnamese way. */
function targetText(cell: ParsedCell | null | undefined): string {
  if (!cell) return '';
  if (typeof cell.v === 'number') return formatVnNumber(cell.v);
  return cellText(cell);
}

export function readPlanSheet(sheets: ParsedSheet[]): PlanSheetResult | { problems: ImportProblem[] } {
  const candidates = sheets.filter((s) => !s.hidden);
  for (const sheet of candidates.length ? candidates : sheets) {
    const header = findHeader(sheet.rows);
    if (!header) continue;
    return readFromHeader(sheet, header.row, header.columns);
  }
  return {
    problems: [
      {
        severity: 'error',
        row: null,
        cell: null,
        message: 'Không tìm thấy dòng tiêu đề của bảng chỉ tiêu (cần các cột "Nội dung mục tiêu/chỉ tiêu" và "Đơn vị tính").',
      },
    ],
  };
}

function readFromHeader(sheet: ParsedSheet, headerRow: number, cols: Columns): PlanSheetResult {
  const problems: ImportProblem[] = [];
  const goals: PlanSheetResult['goals'] = [];
  if (cols.targets.length === 0) {
    problems.push({ severity: 'error', row: headerRow + 1, cell: null, message: `Dòng ${headerRow + 1}: không có cột chỉ tiêu nào ghi năm (ví dụ "Mục tiêu năm 2024").` });
  }
  const titleLines: string[] = [];
  for (let r = 0; r < headerRow; r++) {
    const t = (sheet.rows[r] ?? []).map(cellText).filter(Boolean).join(' ');
    if (t && !/^\(?kem theo/.test(fold(t)) && !/^phu luc( [ivx\d]+)?$/.test(fold(t))) titleLines.push(t);
  }
  let goal: PlanSheetResult['goals'][number] | undefined;
  let indicator: PlanSheetResult['goals'][number]['indicators'][number] | undefined;
  let lead = '';
  // A two-row header's second row holds no data.
  const firstDataRow = cols.targets.some((t) => !/\b(19|20)\d{2}\b/.test(fold(cellText(sheet.rows[headerRow]?.[t.column])))) ? headerRow + 2 : headerRow + 1;

  for (let r = firstDataRow; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const rowNo = r + 1;
    const tt = cellText(row[cols.tt]);
    const content = cellText(row[cols.content]);
    const unitRaw = cellText(row[cols.unit]);
    const leadText = cols.lead === null ? '' : cellText(row[cols.lead]);
    const anyText = row.some((c) => cellText(c) !== '');
    if (!anyText) continue;
    if (leadText) lead = leadText;

    const roman = ROMAN.exec(tt.trim());
    if (roman && !unitRaw) {
      const title = content || row.map(cellText).filter((t, c) => t && c !== cols.tt).join(' ');
      goal = { code: roman[1]!, title, indicators: [] };
      goals.push(goal);
      indicator = undefined;
      continue;
    }

    const ind = INDICATOR.exec(fold(tt)) ?? INDICATOR.exec(fold(content));
    if (ind) {
      if (!goal) {
        goal = { code: 'I', title: 'Mục tiêu chung', indicators: [] };
        goals.push(goal);
        problems.push({ severity: 'warning', row: rowNo, cell: null, message: `Dòng ${rowNo}: chỉ tiêu nằm trước mọi dòng mục tiêu (I, II, ...); đã xếp vào "Mục tiêu chung".` });
      }
      const fromContent = INDICATOR.exec(fold(content)) ? content.replace(/^\s*chỉ\s*tiêu\s*\d+\s*[:.]?\s*/i, '') : content;
      indicator = { code: ind[1]!, title: fromContent, measures: [] };
      goal.indicators.push(indicator);
    } else if (!unitRaw) {
      // Headings such as "Trong đó:" without a unit are part of the next measure's context.
      if (content && !/^trong do:?$/.test(fold(content))) {
        problems.push({ severity: 'warning', row: rowNo, cell: null, message: `Dòng ${rowNo}: không hiểu dòng này (không có đơn vị tính), đã bỏ qua: "${truncate(content || row.map(cellText).join(' '))}".` });
      }
      continue;
    }
    if (!indicator) {
      problems.push({ severity: 'warning', row: rowNo, cell: null, message: `Dòng ${rowNo}: dòng chỉ số không thuộc chỉ tiêu nào (cần dòng "Chỉ tiêu N" phía trên), đã bỏ qua: "${truncate(content)}".` });
      continue;
    }
    if (!unitRaw) {
      problems.push({ severity: 'error', row: rowNo, cell: `${columnName(cols.unit)}${rowNo}`, message: `Dòng ${rowNo}, ô ${columnName(cols.unit)}${rowNo}: thiếu đơn vị tính.` });
      continue;
    }
    if (!content) {
      problems.push({ severity: 'error', row: rowNo, cell: `${columnName(cols.content)}${rowNo}`, message: `Dòng ${rowNo}, ô ${columnName(cols.content)}${rowNo}: thiếu tên chỉ số.` });
      continue;
    }
    const texts = cols.targets.map((t) => targetText(row[t.column]));
    const kind = inferKind(unitRaw, texts);
    const unit = kind.value;
    const targets: TargetDto[] = [];
    for (const [i, t] of cols.targets.entries()) {
      const text = texts[i]!;
      if (!text) continue;
      const address = `${columnName(t.column)}${rowNo}`;
      const parsed = parseTarget(text);
      if (!parsed.ok) {
        problems.push({ severity: 'error', row: rowNo, cell: address, message: `Dòng ${rowNo}, ô ${address}: ${parsed.error}.` });
        continue;
      }
      if (unit.rateFactor === 100 && (parsed.target.value < 0 || (parsed.target.valueMax ?? parsed.target.value) > 100)) {
        problems.push({ severity: 'error', row: rowNo, cell: address, message: `Dòng ${rowNo}, ô ${address}: tỷ lệ "${text}" nằm ngoài khoảng 0–100%.` });
        continue;
      }
      targets.push({ year: t.year, isPhaseEnd: t.isPhaseEnd, ...parsed.target, text });
    }
    const name = content.replace(/^[-–]\s*/, '');
    const direction = inferDirection({ name, heading: indicator.title, valueKind: unit.valueKind, targets });
    const rollup = inferRollup(unit);
    indicator.measures.push({
      row: rowNo,
      name,
      ...unit,
      direction: direction.value,
      rollup: rollup.value,
      targets,
      leadText: lead,
      guesses: [
        { field: 'kind', value: unit.valueKind === 'rate' ? `${VALUE_KINDS.rate} (${unit.unitLabel})` : `${VALUE_KINDS[unit.valueKind]} (${unit.unitLabel})`, why: kind.why, sure: kind.sure },
        { field: 'direction', value: DIRECTIONS[direction.value], why: direction.why, sure: direction.sure },
        { field: 'rollup', value: ROLLUPS[rollup.value], why: rollup.why, sure: rollup.sure },
      ],
    });
  }
  for (const g of goals) {
    for (const i of g.indicators) {
      if (i.measures.length === 0) problems.push({ severity: 'warning', row: null, cell: null, message: `Chỉ tiêu ${i.code} không có dòng số liệu nào (cần đơn vị tính và chỉ tiêu).` });
      if (!i.title) i.title = i.measures[0]?.name ?? `Chỉ tiêu ${i.code}`;
    }
  }
  return {
    sheetName: sheet.name,
    headerRow: headerRow + 1,
    targetColumns: cols.targets.map((t) => ({ year: t.year, isPhaseEnd: t.isPhaseEnd, column: columnName(t.column), header: t.header })),
    goals,
    measureCount: goals.reduce((n, g) => n + g.indicators.reduce((m, i) => m + i.measures.length, 0), 0),
    problems,
    guessedTitle: titleLines.join(' ').slice(0, 500),
  };
}

function truncate(s: string, n = 80): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
