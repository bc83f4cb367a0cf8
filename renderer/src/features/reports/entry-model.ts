/**
 * The entry grid's data: its rows (a measure, and under a broken-down measure one row per option
 * combination), the text typed in each cell, what it means, and what is wrong with it. Pure
 * functions over the report entry, so the grid component stays about keys and cells.
 */
import type { EntryMeasure, EntryValue } from '../../../../shared/api/types';
import { deriveTotal, type BrokenDownValue } from '../../../../shared/domain/breakdown';
import { checkValue, rateValue, type Field } from '../../../../shared/domain/value-rules';
import { formatVnNumber, parseVnNumber } from '../../../../shared/domain/vn-number';
import type { GridColumn } from '../../components/grid/DataGrid';

export const COLUMNS: GridColumn[] = [
  { key: 'code', title: 'Mã', width: 76, letter: 'A' },
  { key: 'name', title: 'Chỉ tiêu', width: 260, flex: true, letter: 'B' },
  { key: 'unit', title: 'Đơn vị tính', width: 90, letter: 'C' },
  { key: 'target', title: 'Chỉ tiêu năm', width: 110, align: 'right', letter: 'D' },
  { key: 'numerator', title: 'Tử số', width: 112, align: 'right', letter: 'E' },
  { key: 'denominator', title: 'Mẫu số', width: 112, align: 'right', letter: 'F' },
  { key: 'value', title: 'Kết quả', width: 112, align: 'right', letter: 'G' },
  { key: 'note', title: 'Ghi chú', width: 170, letter: 'H' },
];

export type CellField = 'numerator' | 'denominator' | 'value' | 'note';
const FIELD_OF_COL: Record<number, CellField | undefined> = { 4: 'numerator', 5: 'denominator', 6: 'value', 7: 'note' };

/** One row of the grid: a measure's total, or one part of its breakdown. */
export interface EntryRow {
  measure: EntryMeasure;
  /** Index of the measure in the entry's list. */
  index: number;
  part: { id: number; key: string; label: string } | null;
}

/** The grid's rows: every measure, with its parts under it unless the measure is collapsed. */
export function entryRows(measures: readonly EntryMeasure[], collapsed: ReadonlySet<number>): EntryRow[] {
  return measures.flatMap((measure, index) => [
    { measure, index, part: null },
    ...(collapsed.has(measure.id) ? [] : (measure.breakdown?.combos ?? []).map((part) => ({ measure, index, part }))),
  ]);
}

export function fieldOf(m: EntryMeasure, col: number): CellField | null {
  const f = FIELD_OF_COL[col];
  if (!f) return null;
  if (m.valueKind === 'rate' && f === 'value') return null;
  if (m.valueKind !== 'rate' && (f === 'numerator' || f === 'denominator')) return null;
  return f;
}

/** The text of one cell: `measure:part:field` (`T` for the total). */
export const cellKey = (measureId: number, partId: number | null | undefined, field: CellField) => `${measureId}:${partId ?? 'T'}:${field}`;
export const measureOfKey = (key: string) => Number(key.split(':')[0]);

/** Texts shown for the stored values, the Vietnamese way. */
export function initialTexts(measures: EntryMeasure[], values: EntryValue[]): Map<string, string> {
  const out = new Map<string, string>();
  const fmt = (n: number | null) => (n === null ? '' : formatVnNumber(n));
  const byId = new Map(measures.map((m) => [m.id, m]));
  for (const v of values) {
    const m = byId.get(v.measureId);
    if (!m) continue;
    const key = (f: CellField) => cellKey(m.id, v.optionComboId, f);
    if (m.valueKind === 'rate') {
      out.set(key('numerator'), fmt(v.numerator));
      out.set(key('denominator'), fmt(v.denominator));
    } else if (m.valueKind === 'count') out.set(key('value'), fmt(v.value));
    else out.set(key('value'), v.textValue ?? '');
    if (v.note) out.set(key('note'), v.note);
  }
  return out;
}

type RowErrors = Partial<Record<CellField, string>>;

export interface MeasureReading {
  /** What to save: the total (with its numbers left out when the parts give them), then every part. */
  values: EntryValue[];
  /** Problems by row (`T` or the part's id) and field; empty when the measure can be saved. */
  errors: Record<string, RowErrors>;
  /** The total the parts add up to, when parts were typed (the total row then shows it, read only). */
  derivedTotal: BrokenDownValue | null;
  /** Each row's value as typed (`T` or the part's id). */
  rows: Record<string, EntryValue>;
}

const YES = ['có', 'co', 'x', '1', 'đạt', 'dat'];
const NO = ['không', 'khong', '0', 'chưa', 'chua'];

/** What the typed texts of one row mean, and what is wrong with them. */
function readRow(m: EntryMeasure, partId: number | null, texts: Map<string, string>): { value: EntryValue; errors: RowErrors } {
  const errors: RowErrors = {};
  const t = (f: CellField) => (texts.get(cellKey(m.id, partId, f)) ?? '').trim();
  const num = (f: CellField): number | null => {
    const s = t(f);
    if (!s) return null;
    const r = parseVnNumber(s);
    if (!r.ok) {
      errors[f] = r.error;
      return null;
    }
    return r.value;
  };
  const value: EntryValue = { measureId: m.id, ...(partId !== null ? { optionComboId: partId } : {}), numerator: null, denominator: null, value: null, textValue: null, note: t('note') || null };
  if (m.valueKind === 'rate') {
    value.numerator = num('numerator');
    value.denominator = num('denominator');
  } else if (m.valueKind === 'count') value.value = num('value');
  else if (m.valueKind === 'boolean') {
    const s = t('value').toLowerCase();
    if (s) {
      if (YES.includes(s)) Object.assign(value, { value: 1, textValue: 'Có' });
      else if (NO.includes(s)) Object.assign(value, { value: 0, textValue: 'Không' });
      else errors.value = `"${t('value')}" không phải Có hoặc Không`;
    }
  } else value.textValue = t('value') || null;
  if (Object.keys(errors).length === 0) {
    const problem = checkValue(m.valueKind, m.rateFactor, value, (n) => formatVnNumber(n), { allowsNegative: m.allowsNegative });
    if (problem) errors[problem.field as Field] = problem.message;
  }
  if (m.valueKind === 'rate' && value.numerator !== null && value.denominator !== null && !errors.numerator && !errors.denominator) {
    value.value = rateValue(value.numerator, value.denominator, m.rateFactor!);
  }
  return { value, errors };
}

const hasNumbers = (v: EntryValue) => v.numerator !== null || v.denominator !== null || v.value !== null;

/**
 * What the typed texts of one measure mean: its total, and for a broken-down measure its parts.
 * When parts are typed, the total is theirs (shown, not typed): counts add up, rates add their
 * numerators and denominators.
 */
export function readMeasure(m: EntryMeasure, texts: Map<string, string>): MeasureReading {
  const total = readRow(m, null, texts);
  const parts = (m.breakdown?.combos ?? []).map((c) => ({ id: c.id, ...readRow(m, c.id, texts) }));
  const rows: MeasureReading['rows'] = { T: total.value, ...Object.fromEntries(parts.map((p) => [p.id, p.value])) };
  const errors: MeasureReading['errors'] = {};
  for (const p of parts) if (Object.keys(p.errors).length) errors[p.id] = p.errors;
  const given = parts.filter((p) => !errors[p.id] && hasNumbers(p.value)).map((p) => p.value);
  if (given.length > 0) {
    const derivedTotal = deriveTotal(given, m.valueKind === 'rate' ? m.rateFactor : null);
    if (total.errors.note) errors.T = { note: total.errors.note };
    const totalValue = { ...total.value, numerator: null, denominator: null, value: null, textValue: null };
    return { values: [totalValue, ...parts.map((p) => p.value)], errors, derivedTotal, rows };
  }
  if (Object.keys(total.errors).length) errors.T = total.errors;
  return { values: [total.value, ...parts.map((p) => p.value)], errors, derivedTotal: null, rows };
}

export const hasErrors = (r: MeasureReading) => Object.keys(r.errors).length > 0;

/** Whether a cell can be typed in: an input of the row, and not a total that its parts give. */
export function isEditable(row: EntryRow, col: number, reading: MeasureReading): boolean {
  const field = fieldOf(row.measure, col);
  if (!field) return false;
  return row.part !== null || reading.derivedTotal === null || field === 'note';
}

/** The cell's text as shown: numbers re-printed the Vietnamese way once they parse. */
export function displayText(row: EntryRow, col: number, texts: Map<string, string>, reading: MeasureReading, collapsed: boolean): string {
  const m = row.measure;
  switch (col) {
    case 0:
      if (row.part) return '';
      return m.breakdown ? `${collapsed ? '▸' : '▾'} ${m.code}` : m.code;
    case 1:
      if (row.part) return `– ${row.part.label}`;
      return m.breakdown ? `${m.name} (Tổng số)` : m.name;
    case 2:
      return m.unitLabel;
    case 3:
      return row.part ? '' : m.target;
  }
  const field = fieldOf(m, col);
  // The unit checks its own arithmetic here: at least two decimals, more when the measure has them.
  const fmtRate = (n: number | null) => (n === null ? '' : formatVnNumber(n, { decimals: Math.max(2, m.displayDecimals) }));
  // A total its parts give: the parts' sums.
  if (!row.part && reading.derivedTotal && field !== 'note') {
    const t = reading.derivedTotal;
    if (col === 6) return m.valueKind === 'rate' ? fmtRate(t.value) : t.value === null ? '' : formatVnNumber(t.value);
    if (field === 'numerator' || field === 'denominator') return t[field] === null ? '' : formatVnNumber(t[field]!);
  }
  const typed = reading.rows[row.part?.id ?? 'T']!;
  if (col === 6 && m.valueKind === 'rate') return fmtRate(typed.value);
  if (!field) return '—';
  const raw = texts.get(cellKey(m.id, row.part?.id, field)) ?? '';
  const rowErrors = reading.errors[row.part?.id ?? 'T'] ?? {};
  if (field === 'note' || rowErrors[field] || m.valueKind === 'text' || m.valueKind === 'boolean') {
    return m.valueKind === 'boolean' && field === 'value' ? (typed.textValue ?? raw) : raw;
  }
  const parsed = parseVnNumber(raw);
  return parsed.ok ? formatVnNumber(parsed.value) : raw;
}

/** The reason a cell is invalid, or null. */
export function cellError(row: EntryRow, col: number, reading: MeasureReading): string | null {
  const field = fieldOf(row.measure, col);
  return field ? (reading.errors[row.part?.id ?? 'T']?.[field] ?? null) : null;
}
