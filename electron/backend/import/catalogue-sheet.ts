/**
 * Reads a statistical indicator catalogue from sheets laid out like the circular's annex tables:
 * a header row naming the columns in Vietnamese (Mã số, Nhóm, Tên chỉ tiêu, Đơn vị tính, Khái
 * niệm/Phương pháp tính, Tử số, Mẫu số, Phân tổ chủ yếu, Kỳ công bố, Nguồn số liệu, Cơ quan chủ
 * trì, Cơ quan phối hợp, Ghi chú), group rows ("VI. Trẻ em tham gia …") and one row per
 * indicator. The annex comes from a "Phụ lục" column, a title above the table, or the sheet's
 * name. Pure: cells in, indicators and problems (with sheet and row) out.
 */
import type { CatalogueImportPreview, CatalogueIndicatorFields, ImportProblem } from '../../../shared/api/types';
import { parseAnnex } from '../../../shared/domain/catalogue';
import type { ParsedCell, ParsedSheet } from '../workers/workbook-types';
import { columnName, fold } from './plan-sheet';

type Field = Exclude<keyof CatalogueIndicatorFields, 'annex' | 'groupCode' | 'factor'> | 'annex' | 'group' | 'factor';

/** Header words → field, most specific first (a header is matched once, to its first field). */
const HEADERS: { field: Field; match: (h: string) => boolean; label: string }[] = [
  { field: 'code', match: (h) => h === 'ma' || h.startsWith('ma so') || h === 'ma chi tieu', label: 'Mã số' },
  { field: 'annex', match: (h) => h === 'phu luc' || h === 'pl', label: 'Phụ lục' },
  { field: 'name', match: (h) => h.includes('ten chi tieu') || h === 'chi tieu' || h === 'nhom, ten chi tieu' || h === 'nhom/ten chi tieu', label: 'Tên chỉ tiêu' },
  { field: 'group', match: (h) => h === 'nhom' || h === 'nhom chi tieu', label: 'Nhóm' },
  { field: 'unitLabel', match: (h) => h.includes('don vi tinh') || h === 'dvt', label: 'Đơn vị tính' },
  { field: 'numerator', match: (h) => h === 'tu so', label: 'Tử số' },
  { field: 'denominator', match: (h) => h === 'mau so', label: 'Mẫu số' },
  { field: 'factor', match: (h) => h === 'he so' || h.startsWith('nhan voi'), label: 'Hệ số' },
  { field: 'concept', match: (h) => h.includes('khai niem') || h.includes('phuong phap tinh') || h.includes('cong thuc'), label: 'Khái niệm, phương pháp tính' },
  { field: 'breakdowns', match: (h) => h.includes('phan to'), label: 'Phân tổ chủ yếu' },
  { field: 'period', match: (h) => h.includes('ky cong bo') || h === 'ky', label: 'Kỳ công bố' },
  { field: 'source', match: (h) => h.includes('nguon so lieu') || h === 'nguon', label: 'Nguồn số liệu' },
  { field: 'cooperatingBodies', match: (h) => h.includes('phoi hop'), label: 'Cơ quan phối hợp' },
  { field: 'leadBody', match: (h) => h.includes('chu tri') || h.includes('co quan chiu trach nhiem') || h.includes('co quan thu thap'), label: 'Cơ quan chủ trì' },
  { field: 'note', match: (h) => h.includes('ghi chu'), label: 'Ghi chú' },
];

const ROMAN_GROUP = /^(X{0,3})(IX|IV|V?I{0,3})\.?$/;
const GROUP_ROW = /^((?:X{0,3})(?:IX|IV|V?I{0,3}))[.)]\s+(.+)$/;

function cellText(cell: ParsedCell | null | undefined): string {
  if (!cell) return '';
  if (typeof cell.v === 'string') return cell.v.replace(/[ \t]+/g, ' ').trim();
  if (typeof cell.v === 'number') return cell.w?.trim() || String(cell.v);
  return String(cell.v ?? '');
}

interface Header {
  row: number;
  columns: Map<Field, number>;
}

function findHeader(rows: (ParsedCell | null)[][]): Header | null {
  for (let r = 0; r < Math.min(rows.length, 30); r++) {
    const texts = (rows[r] ?? []).map((c) => fold(cellText(c)));
    const columns = new Map<Field, number>();
    texts.forEach((t, c) => {
      if (!t) return;
      const h = HEADERS.find((x) => !columns.has(x.field) && x.match(t));
      if (h) columns.set(h.field, c);
    });
    if (columns.has('name') && (columns.has('code') || columns.has('group'))) return { row: r, columns };
  }
  return null;
}

/** A code as written: "0101", 101 (Excel dropped the zero), "01.01". */
function readCode(text: string): string | null | undefined {
  const t = text.replace(/[.\s]/g, '');
  if (t === '') return null;
  if (/^\d{1,4}$/.test(t)) return t.padStart(4, '0');
  return undefined;
}

/** A title written in capitals, as on the circular's first page, in the case of a sentence. */
function sentenceCase(t: string): string {
  return t && t === t.toLocaleUpperCase('vi') ? t.charAt(0) + t.slice(1).toLocaleLowerCase('vi') : t;
}

export type CatalogueSheetResult = Omit<CatalogueImportPreview, 'fileName'>;

export function readCatalogueSheets(sheets: ParsedSheet[]): CatalogueSheetResult {
  const problems: ImportProblem[] = [];
  const out: CatalogueSheetResult = { guessedTitle: '', guessedDocument: '', sheets: [], indicators: [], problems };
  for (const sheet of sheets) {
    const header = findHeader(sheet.rows);
    if (!header) continue;
    const above = sheet.rows.slice(0, header.row).flatMap((row) => (row ?? []).map(cellText).filter(Boolean));
    // The annex: the sheet's name, else the nearest title above the table that starts with "Phụ lục".
    const titled = above.filter((t) => /^phu luc\b/.test(fold(t))).reverse();
    const annexOfSheet = parseAnnex(sheet.name) ?? titled.map(parseAnnex).find((a) => a !== null) ?? null;
    if (!out.guessedTitle) out.guessedTitle = sentenceCase(above.find((t) => /chi tieu thong ke/i.test(fold(t)) && t.length > 20) ?? '');
    if (!out.guessedDocument) out.guessedDocument = /(Thông tư|Quyết định)\s+(số\s+)?[\d/A-ZĐa-zđ-]+/.exec(above.join(' '))?.[0]?.replace(/\s+số\s+/, ' ') ?? '';
    const col = header.columns;
    out.sheets.push({
      name: sheet.name,
      annex: annexOfSheet ?? '',
      headerRow: header.row + 1,
      columns: [...col].map(([field, c]) => ({ field, header: cellText(sheet.rows[header.row]?.[c]), column: columnName(c) })),
    });
    const where = (r: number, c: number) => `${sheet.name} › ${columnName(c)}${r + 1}`;
    const problem = (severity: ImportProblem['severity'], r: number, c: number, message: string) =>
      problems.push({ severity, row: r + 1, cell: `${columnName(c)}${r + 1}`, message: `${where(r, c)}: ${message}` });
    if (!annexOfSheet && !col.has('annex')) {
      problems.push({ severity: 'error', row: header.row + 1, cell: null, message: `${sheet.name}: không biết bảng thuộc Phụ lục nào (mã số đánh lại từ đầu ở mỗi phụ lục). Hãy đặt tên trang tính là "Phụ lục III", "Phụ lục IV"…, hoặc thêm cột "Phụ lục".` });
      continue;
    }
    let group = { code: '', name: '' };
    const seen = new Map<string, number>();
    const get = (row: (ParsedCell | null)[], f: Field) => (col.has(f) ? cellText(row[col.get(f)!]) : '');
    for (let r = header.row + 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r] ?? [];
      const name = get(row, 'name');
      const codeText = get(row, 'code');
      const groupText = get(row, 'group');
      if (!name && !codeText && !groupText) continue;
      // A numbering row under the header ("(1) (2) (3)" or "1 2 3").
      if ((row ?? []).every((c) => !c || /^\(?\d+\)?$/.test(cellText(c)))) continue;
      // A group row: "VI. Trẻ em tham gia …" in the name column, or a Roman numeral in the code or group column.
      // A group title may also stand alone in the code column: "I. Tình hình xâm hại trẻ em".
      const inCode = !name ? GROUP_ROW.exec(codeText) : null;
      if (inCode && inCode[1]) {
        group = { code: inCode[1], name: inCode[2]!.trim() };
        continue;
      }
      const inName = GROUP_ROW.exec(name);
      const roman = [codeText, groupText].find((t) => t && ROMAN_GROUP.test(t) && /[IVX]/.test(t));
      if ((inName && inName[1] && !codeText) || (roman && name && !/^\d/.test(codeText))) {
        group = inName && !codeText ? { code: inName[1]!, name: inName[2]!.trim() } : { code: roman!.replace(/\.$/, ''), name };
        continue;
      }
      if (!name) {
        problem('error', r, col.get('name')!, `dòng có mã "${codeText}" nhưng không có tên chỉ tiêu`);
        continue;
      }
      const code = readCode(codeText);
      if (code === undefined) {
        problem('error', r, col.get('code')!, `mã số "${codeText}" không phải 4 chữ số (nhóm và số thứ tự, ví dụ 0101)`);
        continue;
      }
      const annex = col.has('annex') ? (parseAnnex(get(row, 'annex')) ?? annexOfSheet) : annexOfSheet;
      if (!annex) {
        problem('error', r, col.get('annex')!, `"${get(row, 'annex')}" không phải số phụ lục (I, II, III, IV)`);
        continue;
      }
      if (code !== null) {
        const key = `${annex}:${code}`;
        if (seen.has(key)) {
          problem('error', r, col.get('code')!, `mã số ${code} đã có ở dòng ${seen.get(key)! + 1} của Phụ lục ${annex}`);
          continue;
        }
        seen.set(key, r);
      } else if (col.has('code')) {
        problem('warning', r, col.get('code')!, `chỉ tiêu "${name}" chưa có mã số; được nhập không có mã (có thể bổ sung sau)`);
      }
      const factorText = get(row, 'factor').replace(/\./g, '');
      const factor = factorText ? Number(factorText) : null;
      if (factor !== null && ![100, 1000, 10000, 100000].includes(factor)) {
        problem('error', r, col.get('factor')!, `hệ số "${get(row, 'factor')}" phải là 100, 1.000, 10.000 hoặc 100.000`);
        continue;
      }
      const groupFromColumn = groupText && !ROMAN_GROUP.test(groupText) ? groupText : '';
      out.indicators.push({
        sheet: sheet.name,
        row: r + 1,
        annex,
        code,
        groupCode: group.code,
        groupName: groupFromColumn || group.name,
        name,
        unitLabel: get(row, 'unitLabel'),
        concept: get(row, 'concept'),
        numerator: get(row, 'numerator'),
        denominator: get(row, 'denominator'),
        factor,
        breakdowns: get(row, 'breakdowns'),
        period: get(row, 'period'),
        source: get(row, 'source'),
        leadBody: get(row, 'leadBody').replace(/^chủ trì\s*:\s*/i, ''),
        cooperatingBodies: get(row, 'cooperatingBodies').replace(/^phối hợp\s*:\s*/i, ''),
        note: get(row, 'note'),
      });
    }
  }
  if (out.sheets.length === 0) {
    problems.push({
      severity: 'error',
      row: null,
      cell: null,
      message: `không tìm thấy bảng chỉ tiêu: cần một dòng tiêu đề có cột "Tên chỉ tiêu" và cột "Mã số" (hoặc "Nhóm"), như bảng ở các phụ lục của thông tư.`,
    });
  }
  return out;
}

export const CATALOGUE_HEADERS = HEADERS.map((h) => h.label);
