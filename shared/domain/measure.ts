import { formatVnNumber, parseVnNumber } from './vn-number';

/** The vocabularies of a measure, with their Vietnamese labels (one place for both). */
export const VALUE_KINDS = {
  count: 'Số lượng',
  rate: 'Tỷ lệ / tỷ suất',
  boolean: 'Có / không',
  text: 'Văn bản',
} as const;
export type ValueKind = keyof typeof VALUE_KINDS;

export const DIRECTIONS = {
  at_least: 'Đạt tối thiểu (≥)',
  at_most: 'Giảm xuống / dưới (≤)',
  equal: 'Duy trì bằng (=)',
  range: 'Trong khoảng',
  none: 'Không đánh giá',
} as const;
export type Direction = keyof typeof DIRECTIONS;

export const ROLLUPS = {
  sum: 'Cộng các đơn vị',
  ratio: 'Tổng tử số / tổng mẫu số',
  lead: 'Lấy số của đơn vị chủ trì',
  none: 'Không tổng hợp (liệt kê)',
} as const;
export type Rollup = keyof typeof ROLLUPS;

export const RATE_FACTORS = [100, 1000, 100000] as const;
export type RateFactor = (typeof RATE_FACTORS)[number];

/** The unit label a rate factor prints with. */
export function unitLabelForFactor(factor: RateFactor): string {
  return factor === 100 ? '%' : factor === 1000 ? '‰' : '/100.000';
}

/** A target as stored: one value, or a range `value`–`valueMax`. */
export interface TargetValue {
  value: number;
  valueMax: number | null;
}

export type TargetParse = { ok: true; target: TargetValue } | { ok: false; error: string };

/**
 * Parses a target as written in the plans: `58,82`, `1.000`, `9,6‰`, `2,0-3,0`,
 * `2%-3%`, `510/100.000`, `16,4/100.000`.
 */
export function parseTarget(input: string | number): TargetParse {
  if (typeof input === 'number') {
    const r = parseVnNumber(input);
    return r.ok ? { ok: true, target: { value: r.value, valueMax: null } } : r;
  }
  const text = input.replace(/[\s\u00a0]/g, '');
  if (text === '') return { ok: false, error: 'chỉ tiêu trống' };
  const perBase = /^(.+)\/(100\.000|1\.000|100000|1000)$/.exec(text);
  if (perBase) {
    const r = parseVnNumber(perBase[1]!);
    return r.ok ? { ok: true, target: { value: r.value, valueMax: null } } : { ok: false, error: `"${input.trim()}" không phải là chỉ tiêu hợp lệ` };
  }
  const range = /^([^-–]+)[-–]([^-–]+)$/.exec(text);
  if (range) {
    const lo = parseVnNumber(range[1]!);
    const hi = parseVnNumber(range[2]!);
    if (!lo.ok || !hi.ok) return { ok: false, error: `"${input.trim()}" không phải là khoảng hợp lệ` };
    if (lo.value > hi.value) return { ok: false, error: `khoảng "${input.trim()}" có cận dưới lớn hơn cận trên` };
    return { ok: true, target: { value: lo.value, valueMax: hi.value } };
  }
  const r = parseVnNumber(text);
  return r.ok ? { ok: true, target: { value: r.value, valueMax: null } } : { ok: false, error: `"${input.trim()}" không phải là số` };
}

/** Prints a target the way the plans do: `58,82`, `2,0-3,0`, `512/100.000`. */
export function formatTarget(t: TargetValue, unitLabel: string, decimals?: number): string {
  const fmt = (n: number) => formatVnNumber(n, decimals === undefined ? {} : { decimals });
  const body = t.valueMax === null ? fmt(t.value) : `${fmt(t.value)}-${fmt(t.valueMax)}`;
  return unitLabel === '/100.000' ? `${body}/100.000` : body;
}

/** A target of a year or of a phase's end, as written and as parsed. */
export interface TargetPoint {
  year: number;
  isPhaseEnd: boolean;
  value: number;
  valueMax: number | null;
  text: string;
}

/** Number of decimals a target was written with (`9,6` → 1, `2,0-3,0` → 1, `0,038` → 3). */
export function decimalsWritten(text: string): number {
  const m = /,(\d+)/.exec(text);
  return m ? m[1]!.length : 0;
}

/** The target a year is judged against: the year's own, else the nearest phase-end target at or after it. */
export function targetOfYear<T extends { year: number; isPhaseEnd: boolean }>(targets: readonly T[], year: number): T | null {
  return targets.find((t) => t.year === year && !t.isPhaseEnd) ?? targets.filter((t) => t.isPhaseEnd && t.year >= year).sort((a, b) => a.year - b.year)[0] ?? null;
}
