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

/** Null when the value is acceptable; otherwise the first problem, with the field it is in. */
export function checkValue(kind: ValueKind, factor: RateFactor | null, v: EnteredValue, fmt: (n: number) => string = String): ValueProblem | null {
  for (const field of ['numerator', 'denominator', 'value'] as const) {
    const n = v[field];
    if (n !== null && n < 0) return { field, message: `số âm (${fmt(n)}) không hợp lệ` };
  }
  if (kind === 'rate') {
    const { numerator, denominator } = v;
    if (numerator === null && denominator === null) return null;
    if (numerator === null) return { field: 'numerator', message: 'thiếu tử số (đã có mẫu số)' };
    if (denominator === null) return { field: 'denominator', message: 'thiếu mẫu số (đã có tử số)' };
    if (denominator === 0) return { field: 'denominator', message: 'mẫu số bằng 0' };
    if (numerator > denominator) return { field: 'numerator', message: `tử số (${fmt(numerator)}) lớn hơn mẫu số (${fmt(denominator)})` };
    return null;
  }
  if (kind === 'count' && v.value !== null && !Number.isInteger(v.value)) return { field: 'value', message: `số lượng phải là số nguyên (nhận được ${fmt(v.value)})` };
  if (kind === 'boolean' && v.value !== null && v.value !== 0 && v.value !== 1) return { field: 'value', message: 'chỉ nhận Có hoặc Không' };
  void factor;
  return null;
}

/** The result of a rate from its numerator and denominator, with the measure's factor. */
export function rateValue(numerator: number, denominator: number, factor: RateFactor): number {
  return (numerator / denominator) * factor;
}
