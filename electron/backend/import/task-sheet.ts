/**
 * Reads a plan's tasks from sheet cells, in the two layouts the plans use:
 * - a task table like the 2025 plan's appendix: `STT | Nội dung nhiệm vụ | Cơ quan chủ trì |
 *   Cơ quan phối hợp | Thời gian thực hiện | Sản phẩm / Kết quả`, group rows numbered I, II, …;
 * - a list of numbered activities under a heading such as "II. NỘI DUNG HOẠT ĐỘNG" or "Nhiệm vụ,
 *   giải pháp" (a plan's text pasted into a sheet, one paragraph per row), with no lead column.
 * Pure: cells in, structure and problems out. Agencies are matched to units by the caller.
 */
import type { ImportProblem, PlanImportPreview, PlanImportTask } from '../../../shared/api/types';
import type { ParsedCell, ParsedSheet } from '../workers/workbook-types';
import { cellText, columnName, fold } from './plan-sheet';

/** One task as read from the sheet (the contract's shape of a previewed task). */
export type SheetTask = PlanImportTask;

export type TaskSheetResult = NonNullable<PlanImportPreview['tasks']> & {
  taskCount: number;
  problems: ImportProblem[];
  guessedTitle: string;
};

const ROMAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV)\.?$/;
const ROMAN_HEADING = /^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s*(.+)$/;
const NUMBERED = /^(\d{1,3})[.)]\s*(.*)$/;

interface TaskColumns {
  code: number | null;
  content: number;
  lead: number | null;
  cooperating: number | null;
  timeframe: number | null;
  product: number | null;
}

const HEADER_WORDS: Record<Exclude<keyof TaskColumns, 'content'>, (t: string) => boolean> = {
  code: (t) => t === 'tt' || t === 'stt' || t === 'so tt' || t === 'so thu tu',
  lead: (t) => t.includes('chu tri') || t === 'co quan thuc hien' || t === 'don vi thuc hien',
  cooperating: (t) => t.includes('phoi hop'),
  timeframe: (t) => t.startsWith('thoi gian') || t.startsWith('thoi han') || t === 'tien do',
  product: (t) => t.startsWith('san pham') || t.startsWith('ket qua') || t.includes('du kien ket qua'),
};

/** A header row of a task table: a content column ("Nội dung nhiệm vụ", "Nhiệm vụ", "Hoạt động") and a lead, cooperating or timeframe column; no "Đơn vị tính" (that is an indicator table). */
function findTaskHeader(rows: (ParsedCell | null)[][]): { row: number; columns: TaskColumns; headers: string[] } | null {
  for (let r = 0; r < Math.min(rows.length, 40); r++) {
    const texts = (rows[r] ?? []).map((c) => fold(cellText(c)));
    if (texts.some((t) => t.includes('don vi tinh') || t === 'dvt')) return null;
    const content = texts.findIndex((t) => /^(noi dung( nhiem vu| hoat dong| cong viec)?|nhiem vu|hoat dong|ten nhiem vu|nhiem vu, giai phap)$/.test(t) || t.startsWith('noi dung nhiem vu'));
    if (content < 0) continue;
    const find = (f: keyof typeof HEADER_WORDS) => {
      const i = texts.findIndex((t, c) => c !== content && HEADER_WORDS[f](t));
      return i >= 0 ? i : null;
    };
    const columns: TaskColumns = { code: find('code'), content, lead: find('lead'), cooperating: find('cooperating'), timeframe: find('timeframe'), product: find('product') };
    if (columns.lead === null && columns.cooperating === null && columns.timeframe === null) continue;
    return { row: r, columns, headers: (rows[r] ?? []).map(cellText) };
  }
  return null;
}

/** Lines above a table or heading, as the plan's title. */
function titleAbove(sheet: ParsedSheet, row: number): string {
  const lines: string[] = [];
  for (let r = 0; r < row; r++) {
    const t = (sheet.rows[r] ?? []).map(cellText).filter(Boolean).join(' ');
    // A plan's text: the title ends where its preamble ("Thực hiện …", "Căn cứ …") or its first part begins.
    if (lines.length && /^(thuc hien|can cu|(i|1)\. |uy ban nhan dan .{0,40}ban hanh)/.test(fold(t))) break;
    if (t && !/^\(?kem theo/.test(fold(t)) && !/^phu luc( [ivx\d]+)?$/.test(fold(t))) lines.push(t);
  }
  return lines.join(' ').replace(/\s+/g, ' ').trim().slice(0, 500);
}

/** The value of a cell, or of the merged range it lies in. */
function mergedText(sheet: ParsedSheet, r: number, c: number): string {
  const own = cellText(sheet.rows[r]?.[c]);
  if (own) return own;
  const range = sheet.merges.find((m) => m.s.r <= r && r <= m.e.r && m.s.c <= c && c <= m.e.c);
  return range ? cellText(sheet.rows[range.s.r]?.[range.s.c]) : '';
}

function readTable(sheet: ParsedSheet, headerRow: number, cols: TaskColumns, headers: string[]): TaskSheetResult {
  const problems: ImportProblem[] = [];
  const groups: TaskSheetResult['groups'] = [];
  let group: TaskSheetResult['groups'][number] | undefined;
  let last: SheetTask | undefined;
  const at = (r: number, c: number | null) => (c === null ? '' : mergedText(sheet, r, c));
  // A two-row header (a numbering row "(1) (2) (3)" under it) holds no task.
  let first = headerRow + 1;
  if ((sheet.rows[first] ?? []).every((c) => !cellText(c) || /^\(?\d{1,2}\)?$/.test(cellText(c)))) first++;
  for (let r = first; r < sheet.rows.length; r++) {
    const rowNo = r + 1;
    const code = cols.code === null ? '' : cellText(sheet.rows[r]?.[cols.code]);
    const content = cellText(sheet.rows[r]?.[cols.content]);
    const ownLead = cols.lead === null ? '' : cellText(sheet.rows[r]?.[cols.lead]);
    if (!(sheet.rows[r] ?? []).some((c) => cellText(c))) continue;
    const roman = ROMAN.exec(code) ?? (code ? null : ROMAN_HEADING.exec(content));
    if (roman && !ownLead) {
      const title = ROMAN.test(code) ? content : roman[2]!;
      group = { code: roman[1]!, title: title || `Nhóm ${roman[1]}`, tasks: [] };
      groups.push(group);
      last = undefined;
      continue;
    }
    if (!content) {
      problems.push({ severity: 'warning', row: rowNo, cell: `${columnName(cols.content)}${rowNo}`, message: `Dòng ${rowNo}: ô ${columnName(cols.content)}${rowNo} (nội dung nhiệm vụ) trống, đã bỏ qua dòng này.` });
      continue;
    }
    // A row with no number and nothing of its own but text continues the task above (a long task split over rows).
    const own = (c: number | null) => (c === null ? '' : cellText(sheet.rows[r]?.[c]));
    const inMergedCode = cols.code !== null && !code && at(r, cols.code) !== '';
    const hasOwnDetails = own(cols.lead) || own(cols.cooperating) || own(cols.timeframe) || own(cols.product);
    if (last && cols.code !== null && !code && (inMergedCode || !hasOwnDetails)) {
      last.content = `${last.content}\n${content}`;
      problems.push({ severity: 'warning', row: rowNo, cell: null, message: `Dòng ${rowNo}: không có số thứ tự riêng; đã ghép vào nhiệm vụ ở dòng ${last.row}.` });
      continue;
    }
    if (!group) {
      group = { code: 'I', title: 'Nhiệm vụ', tasks: [] };
      groups.push(group);
    }
    const leadText = at(r, cols.lead);
    if (cols.lead !== null && !leadText) {
      problems.push({ severity: 'warning', row: rowNo, cell: `${columnName(cols.lead)}${rowNo}`, message: `Dòng ${rowNo}, ô ${columnName(cols.lead)}${rowNo}: nhiệm vụ không ghi cơ quan chủ trì; hãy chọn đơn vị chủ trì sau khi nhập.` });
    }
    last = {
      row: rowNo,
      code: code.replace(/\.$/, '') || String(group.tasks.length + 1),
      content,
      leadText,
      cooperatingText: at(r, cols.cooperating),
      timeframe: at(r, cols.timeframe),
      product: at(r, cols.product),
    };
    group.tasks.push(last);
  }
  const columns: TaskSheetResult['columns'] = [];
  for (const field of ['code', 'content', 'lead', 'cooperating', 'timeframe', 'product'] as const) {
    const c = cols[field];
    if (c !== null) columns.push({ field, column: columnName(c), header: headers[c] ?? '' });
  }
  return finish(sheet, 'table', headerRow, columns, groups, problems);
}

function finish(sheet: ParsedSheet, layout: TaskSheetResult['layout'], headerRow: number, columns: TaskSheetResult['columns'], groups: TaskSheetResult['groups'], problems: ImportProblem[]): TaskSheetResult {
  const kept = groups.filter((g) => g.tasks.length > 0);
  for (const g of groups) if (g.tasks.length === 0) problems.push({ severity: 'warning', row: null, cell: null, message: `Nhóm ${g.code} "${g.title}" không có nhiệm vụ nào, đã bỏ qua.` });
  return {
    sheetName: sheet.name,
    layout,
    headerRow: headerRow + 1,
    columns,
    groups: kept,
    taskCount: kept.reduce((n, g) => n + g.tasks.length, 0),
    problems,
    guessedTitle: titleAbove(sheet, headerRow),
  };
}

const ACTIVITY_HEADINGS = /(noi dung hoat dong|nhiem vu,? giai phap|nhiem vu va giai phap|cac hoat dong|noi dung thuc hien|nhiem vu trong tam|cac nhiem vu)/;
/** "…; Phòng Tư pháp chủ trì." or "(Chủ trì: Công an huyện)" in an activity's text. */
const LEAD_IN_TEXT = [/\((?:đơn vị |cơ quan )?chủ trì\s*:\s*([^)]+)\)/i, /\(([^()]{3,80}?)\s+chủ trì[^)]*\)/i, /(?:^|[.;]\s*)(?:đơn vị |cơ quan )?chủ trì\s*:\s*([^.;]+)/i];

/** A row's whole text, the cells joined. */
function rowText(sheet: ParsedSheet, r: number): string {
  return (sheet.rows[r] ?? []).map(cellText).filter(Boolean).join(' ').trim();
}

/** Numbered activities under a heading; each row a paragraph (lines of one activity continue it). */
function findActivities(sheet: ParsedSheet): TaskSheetResult | null {
  let heading = -1;
  for (let r = 0; r < sheet.rows.length; r++) {
    const t = fold(rowText(sheet, r));
    if (t && t.length < 120 && ACTIVITY_HEADINGS.test(t)) {
      heading = r;
      break;
    }
  }
  if (heading < 0) return null;
  const headingText = rowText(sheet, heading);
  const roman = /^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s*/.exec(headingText);
  const title = headingText.replace(/^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s*/, '').replace(/:$/, '');
  const group = { code: roman?.[1] ?? 'I', title: title.charAt(0) + title.slice(1).toLowerCase(), tasks: [] as SheetTask[] };
  const problems: ImportProblem[] = [];
  let last: SheetTask | undefined;
  for (let r = heading + 1; r < sheet.rows.length; r++) {
    const text = rowText(sheet, r);
    if (!text) continue;
    // The next part of the plan ("III. TỔ CHỨC THỰC HIỆN") ends the activities.
    if (/^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s*\S/.test(text)) break;
    const n = NUMBERED.exec(text);
    if (n && Number(n[1]) === group.tasks.length + 1) {
      last = { row: r + 1, code: n[1]!, content: n[2]!.trim(), leadText: '', cooperatingText: '', timeframe: '', product: '' };
      group.tasks.push(last);
      continue;
    }
    if (!last) {
      if (!/^\d+\s/.test(text)) problems.push({ severity: 'warning', row: r + 1, cell: null, message: `Dòng ${r + 1}: chưa đến hoạt động số 1, đã bỏ qua: "${text.slice(0, 80)}".` });
      continue;
    }
    // A footnote line ("1 Dự kiến tổ chức …") is not part of the activity.
    if (/^\d{1,2}\s+\p{Lu}/u.test(text) && text.length < 300 && !n) {
      problems.push({ severity: 'warning', row: r + 1, cell: null, message: `Dòng ${r + 1}: có vẻ là chú thích cuối trang, không ghép vào hoạt động ${last.code}: "${text.slice(0, 80)}".` });
      continue;
    }
    last.content = `${last.content} ${text}`.replace(/\s+/g, ' ').trim();
  }
  if (group.tasks.length === 0) return null;
  for (const t of group.tasks) {
    for (const re of LEAD_IN_TEXT) {
      const m = re.exec(t.content);
      if (m) {
        t.leadText = m[1]!.trim();
        break;
      }
    }
  }
  return finish(sheet, 'activities', heading, [], [group], problems);
}

/** The tasks of the first sheet that holds a task table or a list of activities, or why none was found. */
export function readTaskSheet(sheets: ParsedSheet[], options: { activities: boolean } = { activities: true }): TaskSheetResult | null {
  const visible = sheets.filter((s) => !s.hidden);
  for (const sheet of visible.length ? visible : sheets) {
    const header = findTaskHeader(sheet.rows);
    if (header) return readTable(sheet, header.row, header.columns, header.headers);
  }
  if (!options.activities) return null;
  for (const sheet of visible.length ? visible : sheets) {
    const activities = findActivities(sheet);
    if (activities) return activities;
  }
  return null;
}
