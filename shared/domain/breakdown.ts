/**
 * Breakdowns (phân tổ, as in Thông tư 13/2021/TT-BLĐTBXH): a measure can be broken down by
 * categories the user defines (Giới tính, Nhóm tuổi, Môi trường xâm hại, …). Its values are kept
 * per option combination (Nam × Dưới 6 tuổi, …) beside the total. Pure.
 */
import { formatVnNumber } from './vn-number';

export interface CategorySpec {
  name: string;
  options: string[];
}

/** Every combination of one option per category, in reading order: [["Nam","0-5"], ["Nam","6-10"], ...]. */
export function optionCombinations<T>(categories: readonly { options: readonly T[] }[]): T[][] {
  return categories.reduce<T[][]>((acc, c) => acc.flatMap((prefix) => c.options.map((o) => [...prefix, o])), [[]]);
}

/** How a combination is written for people: "Nam · Dưới 6 tuổi". */
export function comboLabel(optionNames: readonly string[]): string {
  return optionNames.join(' · ');
}

/** Option codes: letters without diacritics, digits, _ and -; at most 20. */
export const OPTION_CODE = /^[A-Za-z0-9_-]{1,20}$/;

/** A code made from a name: "Từ 6 đến dưới 11 tuổi" → "TU-6-DEN-DUOI-11-TUOI" (cut to 20). */
export function codeFromName(name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return folded.slice(0, 20).replace(/-$/, '') || 'NHOM';
}

/**
 * The key of a measure's part in a template (column A of its row) and in files sent up:
 * the measure code, then each option's code: `9/NAM/U6`.
 */
export function partKey(measureCode: string, optionCodes: readonly string[]): string {
  return [measureCode, ...optionCodes].join('/');
}

export function parsePartKey(text: string): { measureCode: string; optionCodes: string[] } | null {
  const m = /^((?:[B-H]\.)?\d+(?:\.\d+)*)((?:\/[A-Za-z0-9_-]{1,20})+)$/.exec(text.trim());
  if (!m) return null;
  return { measureCode: m[1]!, optionCodes: m[2]!.slice(1).split('/') };
}

export interface BrokenDownValue {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

const isGiven = (v: BrokenDownValue | null | undefined, rate: boolean): v is BrokenDownValue =>
  !!v && (rate ? v.numerator !== null || v.denominator !== null || v.value !== null : v.value !== null);

/**
 * The total over a measure's option combinations: counts add up; rates add numerators and
 * denominators and divide (never an average of the parts' rates). Null when nothing was given.
 */
export function deriveTotal(parts: readonly BrokenDownValue[], rateFactor: number | null): BrokenDownValue {
  if (rateFactor === null) {
    const given = parts.filter((p) => p.value !== null);
    return { numerator: null, denominator: null, value: given.length ? given.reduce((s, p) => s + p.value!, 0) : null };
  }
  const given = parts.filter((p) => p.numerator !== null && p.denominator !== null);
  if (given.length === 0) return { numerator: null, denominator: null, value: null };
  const numerator = given.reduce((s, p) => s + p.numerator!, 0);
  const denominator = given.reduce((s, p) => s + p.denominator!, 0);
  return { numerator, denominator, value: denominator === 0 ? null : (numerator / denominator) * rateFactor };
}

/** Two sums are equal when they differ only by floating-point noise. */
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

export type Reconciled =
  /** Nothing given. */
  | { kind: 'empty' }
  /** Only the total: accepted as it is; the merge lists the unit as one without breakdown. */
  | { kind: 'total_only'; total: BrokenDownValue }
  /** Parts given: the total is theirs (derived, or given and equal). `missing` parts were left empty. */
  | { kind: 'parts'; total: BrokenDownValue; derived: boolean; given: number; missing: number }
  /** Parts and total both given and they disagree: the figures to name in the message. */
  | { kind: 'mismatch'; field: 'value' | 'numerator' | 'denominator'; total: number; sum: number };

/**
 * The rules for a broken-down measure, for a received file and for typing alike:
 * parts given and total empty → the total is derived; total given and parts empty → the total
 * alone; both → the parts must add up to the total (counts), or their numerators and
 * denominators must add up to the total's (rates); an empty part counts as nothing.
 */
export function reconcileBreakdown(rateFactor: number | null, total: BrokenDownValue | null, parts: readonly (BrokenDownValue | null)[]): Reconciled {
  const rate = rateFactor !== null;
  const given = parts.filter((p): p is BrokenDownValue => isGiven(p, rate));
  const hasTotal = isGiven(total, rate);
  if (given.length === 0) return hasTotal ? { kind: 'total_only', total: total! } : { kind: 'empty' };
  const derived = deriveTotal(given, rateFactor);
  const missing = parts.length - given.length;
  if (!hasTotal) return { kind: 'parts', total: derived, derived: true, given: given.length, missing };
  const t = total!;
  if (!rate) {
    if (!same(t.value!, derived.value ?? 0)) return { kind: 'mismatch', field: 'value', total: t.value!, sum: derived.value ?? 0 };
  } else if (t.numerator !== null || t.denominator !== null) {
    const sumNum = given.reduce((s, p) => s + (p.numerator ?? 0), 0);
    const sumDen = given.reduce((s, p) => s + (p.denominator ?? 0), 0);
    if (!same(t.numerator ?? 0, sumNum)) return { kind: 'mismatch', field: 'numerator', total: t.numerator ?? 0, sum: sumNum };
    if (!same(t.denominator ?? 0, sumDen)) return { kind: 'mismatch', field: 'denominator', total: t.denominator ?? 0, sum: sumDen };
  } else if (t.value !== null && derived.value !== null && Math.abs(t.value - derived.value) >= 0.005) {
    // A rate whose total was typed as a result only: it must be the parts' rate (to 2 decimals).
    return { kind: 'mismatch', field: 'value', total: t.value, sum: derived.value };
  }
  return { kind: 'parts', total: derived, derived: false, given: given.length, missing };
}

/** The sentence for a mismatch, after "chỉ tiêu CODE (NAME): ". */
export function mismatchText(m: Extract<Reconciled, { kind: 'mismatch' }>, isRate: boolean): string {
  const fmt = (n: number) => formatVnNumber(n, { maxDecimals: 2 });
  const said =
    m.field === 'numerator'
      ? `tử số ở dòng Tổng số là ${fmt(m.total)} nhưng tử số các nhóm phân tổ cộng lại là ${fmt(m.sum)}`
      : m.field === 'denominator'
        ? `mẫu số ở dòng Tổng số là ${fmt(m.total)} nhưng mẫu số các nhóm phân tổ cộng lại là ${fmt(m.sum)}`
        : isRate
          ? `kết quả ở dòng Tổng số là ${fmt(m.total)} nhưng tính từ tử số và mẫu số các nhóm phân tổ là ${fmt(m.sum)}`
          : `dòng Tổng số ghi ${fmt(m.total)} nhưng các nhóm phân tổ cộng lại là ${fmt(m.sum)}`;
  return `${said}. Hãy sửa cho khớp, hoặc để trống dòng Tổng số để TongHop tự tính`;
}
