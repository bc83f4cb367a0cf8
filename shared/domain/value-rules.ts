/**
 * The rules one measure's reported value must satisfy, for every way values arrive
 * (a filled file, the entry grid, the API). Messages are Vietnamese and name the field.
 */
import type { RateFactor, ValueKind } from './measure';

export interface EnteredValue {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export type Field = 'numerator' | 'denominator' | 'value';
export interface ValueProblem {
  field: Field;
  message: string;
}

/**
 * Null when the value is acceptable; otherwise the first problem, with the field it is in.
 * A rate of 0/0 is accepted: nothing happened that the rate measures ("Không phát sinh"). A
 * measure of change (`allowsNegative`) takes a negative result; numerators and denominators never
 * are. Whether a figure is plausible (a fraction of people, far from the target) is not decided
 * here: see plausibility.ts.
 */
export function checkValue(kind: ValueKind, factor: RateFactor | null, v: EnteredValue, fmt: (n: number) => string = String, options: { allowsNegative?: boolean } = {}): ValueProblem | null {
  for (const field of ['numerator', 'denominator', 'value'] as const) {
    const n = v[field];
    if (n !== null && n < 0 && !(field === 'value' && options.allowsNegative)) return { field, message: `số âm (${fmt(n)}) không hợp lệ` };
  }
  if (kind === 'rate') {
    const { numerator, denominator } = v;
    if (numerator === null && denominator === null) return null;
    if (numerator === null) return { field: 'numerator', message: 'thiếu tử số (đã có mẫu số)' };
    if (denominator === null) return { field: 'denominator', message: 'thiếu mẫu số (đã có tử số)' };
    if (denominator === 0 && numerator === 0) return null;
    if (denominator === 0) return { field: 'denominator', message: `mẫu số bằng 0 nhưng tử số là ${fmt(numerator)}; chỉ ghi 0/0 khi không phát sinh trường hợp nào` };
    if (numerator > denominator) return { field: 'numerator', message: `tử số (${fmt(numerator)}) lớn hơn mẫu số (${fmt(denominator)})` };
    return null;
  }
  if (kind === 'boolean' && v.value !== null && v.value !== 0 && v.value !== 1) return { field: 'value', message: 'chỉ nhận Có hoặc Không' };
  void factor;
  return null;
}

/** A rate of 0/0: nothing happened that it measures. */
export const isNotApplicable = (v: { numerator: number | null; denominator: number | null }) => v.numerator === 0 && v.denominator === 0;

/** The result of a rate from its numerator and denominator, with the measure's factor. */
export function rateValue(numerator: number, denominator: number, factor: RateFactor): number | null {
  // 0/0 ("Không phát sinh") has no result.
  return denominator === 0 ? null : (numerator / denominator) * factor;
}
