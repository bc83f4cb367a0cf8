/**
 * How a measure's figures are shown and what figures are plausible for it. Nothing here refuses a
 * figure: an implausible one is accepted with a warning the compiler checks (a wrong figure that
 * is refused cannot be entered even when it is true). Pure.
 */
import { decimalsWritten, type RateFactor, type ValueKind } from './measure';
import { formatVnNumber } from './vn-number';

export interface MeasureRules {
  valueKind: ValueKind;
  rateFactor: RateFactor | null;
  unitLabel: string;
  /** Set on the measure; null: from its targets (or 2 for a rate, 0 for a count). */
  decimals: number | null;
  minValue: number | null;
  maxValue: number | null;
  allowsNegative: boolean;
  targets: readonly { text: string }[];
}

/** The decimals a measure's figures are shown with: as set, else as its targets are written, else 2 for a rate and 0 for a count. */
export function displayDecimals(m: Pick<MeasureRules, 'decimals' | 'valueKind' | 'targets'>): number {
  if (m.decimals !== null) return m.decimals;
  const written = m.targets.map((t) => decimalsWritten(t.text));
  if (written.length) return Math.max(...written, m.valueKind === 'rate' ? 1 : 0);
  return m.valueKind === 'rate' ? 2 : 0;
}

/** A figure shown with the measure's decimals, the Vietnamese way: 0,038 · 58,82 · 1.234. */
export function formatFigure(m: Pick<MeasureRules, 'decimals' | 'valueKind' | 'targets'>, n: number | null): string {
  return n === null ? '' : formatVnNumber(n, { decimals: displayDecimals(m) });
}

export interface Range {
  min: number | null;
  max: number | null;
  /** Where the bounds come from: "đặt cho chỉ số này", "tỷ lệ phần trăm" … */
  why: string;
}

/** The plausible range: as set on the measure, else from its unit (a percentage within 0–100, per thousand within 0–1.000 …). */
export function plausibleRange(m: Pick<MeasureRules, 'valueKind' | 'rateFactor' | 'minValue' | 'maxValue' | 'allowsNegative'>): Range {
  if (m.minValue !== null || m.maxValue !== null) return { min: m.minValue, max: m.maxValue, why: 'khoảng đặt cho chỉ số này' };
  if (m.valueKind === 'rate' && m.rateFactor) return { min: m.allowsNegative ? null : 0, max: m.rateFactor, why: m.rateFactor === 100 ? 'tỷ lệ phần trăm' : m.rateFactor === 1000 ? 'tỷ suất trên 1.000' : 'tỷ suất trên 100.000' };
  if (m.valueKind === 'count') return { min: m.allowsNegative ? null : 0, max: null, why: 'số lượng' };
  return { min: null, max: null, why: '' };
}

/** Units whose counts are whole: people, children, cases, communes … (a fraction there is a slip). */
const WHOLE_UNITS = /^(người|trẻ|trẻ em|em|học sinh|cháu|vụ|ca|lượt|xã|phường|huyện|trường|lớp|hộ|gia đình|cơ sở|điểm|mô hình|cuộc|đơn vị|thôn|làng|câu lạc bộ|clb|nhóm|đội|lần|buổi|đợt|cái|chiếc)$/i;

export interface Plausibility {
  /** Figures outside the measure's range, a fraction of people, a number that looks typed the English way, far from the target. */
  warnings: string[];
}

/**
 * What looks wrong in one figure, for the compiler to check: outside the plausible range; a
 * fraction of a whole count; "1,020" in a count (an English thousands separator, read here as
 * 1,02); a rate more than five times off the target, either way.
 */
export function plausibilityOf(m: MeasureRules, value: number, typed: string | null, target: { value: number; valueMax: number | null } | null): string[] {
  const out: string[] = [];
  const d = displayDecimals(m);
  const fmt = (n: number) => formatVnNumber(n, { maxDecimals: Math.max(d, 3) });
  const range = plausibleRange(m);
  if (range.min !== null && value < range.min) out.push(`${fmt(value)} nhỏ hơn ${fmt(range.min)} (${range.why})`);
  if (range.max !== null && value > range.max) out.push(`${fmt(value)} lớn hơn ${fmt(range.max)} (${range.why})`);
  if (m.valueKind === 'count' && !Number.isInteger(value)) {
    if (typed && /^\d{1,3}(,\d{3})+$/.test(typed.trim())) out.push(`"${typed.trim()}" được đọc là ${fmt(value)}; nếu ý là ${typed.trim().replace(/,/g, '.')} (gõ kiểu tiếng Anh), hãy sửa thành ${typed.trim().replace(/,/g, '.')}`);
    else if (WHOLE_UNITS.test(m.unitLabel.trim())) out.push(`${fmt(value)} ${m.unitLabel.toLowerCase()} có phần lẻ`);
  }
  // A rate is comparable with the territory's target; a count is a unit's share of the territory's, so it is not.
  if (m.valueKind === 'rate' && target && target.valueMax === null && target.value > 0 && value > 0) {
    const ratio = value / target.value;
    if (ratio >= 5 || ratio <= 0.2) out.push(`${fmt(value)} khác xa chỉ tiêu ${fmt(target.value)} (gấp ${formatVnNumber(ratio >= 1 ? ratio : 1 / ratio, { maxDecimals: 0 })} lần)`);
  }
  return out;
}

/**
 * Whether a figure moved far from the same unit's previous comparable period: by more than
 * `ratio` of the earlier figure (default ±50 %) and by at least `absolute` (default 1) — a
 * change from 2 to 4 children is not worth a warning, from 20 to 40 it is.
 */
export function jumpOf(value: number, before: number, options: { ratio?: number; absolute?: number } = {}): boolean {
  const ratio = options.ratio ?? 0.5;
  const absolute = options.absolute ?? 1;
  const change = Math.abs(value - before);
  if (change < absolute) return false;
  return before === 0 ? value !== 0 : change / Math.abs(before) > ratio;
}
