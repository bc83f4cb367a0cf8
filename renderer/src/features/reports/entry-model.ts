/**
 * The entry grid's data: the text typed in each cell, what it means, and what is wrong with it.
 * Pure functions over the report entry, so the grid component stays about keys and cells.
 */
import type { EntryMeasure, EntryValue } from '../../../../shared/api/types';
import { checkValue, rateValue, type Field } from '../../../../shared/domain/value-rules';
import { formatVnNumber, parseVnNumber } from '../../../../shared/domain/vn-number';
import type { GridColumn } from '../../components/grid/DataGrid';

export const COLUMNS: GridColumn[] = [
  { key: 'code', title: 'Mã', width: 64, letter: 'A' },
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

export function fieldOf(m: EntryMeasure, col: number): CellField | null {
  const f = FIELD_OF_COL[col];
  if (!f) return null;
  if (m.valueKind === 'rate' && f === 'value') return null;
  if (m.valueKind !== 'rate' && (f === 'numerator' || f === 'denominator')) return null;
  return f;
}

export const cellKey = (measureId: number, field: CellField) => `${measureId}:${field}`;

/** Texts shown for a stored value, the Vietnamese way. */
export function initialTexts(measures: EntryMeasure[], values: EntryValue[]): Map<string, string> {
  const out = new Map<string, string>();
  const fmt = (n: number | null) => (n === null ? '' : formatVnNumber(n));
  for (const v of values) {
    const m = measures.find((x) => x.id === v.measureId);
    if (!m) continue;
    if (m.valueKind === 'rate') {
      out.set(cellKey(m.id, 'numerator'), fmt(v.numerator));
      out.set(cellKey(m.id, 'denominator'), fmt(v.denominator));
    } else if (m.valueKind === 'count') out.set(cellKey(m.id, 'value'), fmt(v.value));
    else out.set(cellKey(m.id, 'value'), v.textValue ?? '');
    if (v.note) out.set(cellKey(m.id, 'note'), v.note);
  }
  return out;
}

export interface MeasureReading {
  value: EntryValue;
  /** Problems by field; empty when the row can be saved. */
  errors: Partial<Record<CellField, string>>;
}

const YES = ['có', 'co', 'x', '1', 'đạt', 'dat'];
const NO = ['không', 'khong', '0', 'chưa', 'chua'];

/** What the typed texts of one measure mean, and what is wrong with them. */
export function readMeasure(m: EntryMeasure, texts: Map<string, string>): MeasureReading {
  const errors: MeasureReading['errors'] = {};
  const t = (f: CellField) => (texts.get(cellKey(m.id, f)) ?? '').trim();
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
  const value: EntryValue = { measureId: m.id, numerator: null, denominator: null, value: null, textValue: null, note: t('note') || null };
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
    const problem = checkValue(m.valueKind, m.rateFactor, value, (n) => formatVnNumber(n));
    if (problem) errors[problem.field as Field] = problem.message;
  }
  if (m.valueKind === 'rate' && value.numerator !== null && value.denominator !== null && !errors.numerator && !errors.denominator) {
    value.value = rateValue(value.numerator, value.denominator, m.rateFactor!);
  }
  return { value, errors };
}

/** The cell's text as shown: numbers re-printed the Vietnamese way once they parse. */
export function displayText(m: EntryMeasure, col: number, texts: Map<string, string>, reading: MeasureReading): string {
  switch (col) {
    case 0:
      return m.code;
    case 1:
      return m.name;
    case 2:
      return m.unitLabel;
    case 3:
      return m.target;
  }
  const field = fieldOf(m, col);
  if (col === 6 && m.valueKind === 'rate') return reading.value.value === null ? '' : formatVnNumber(reading.value.value, { decimals: 2 });
  if (!field) return '—';
  const raw = texts.get(cellKey(m.id, field)) ?? '';
  if (field === 'note' || reading.errors[field] || m.valueKind === 'text' || m.valueKind === 'boolean') return m.valueKind === 'boolean' && field === 'value' && reading.value.textValue ? reading.value.textValue : raw;
  const parsed = parseVnNumber(raw);
  return parsed.ok ? formatVnNumber(parsed.value) : raw;
}
