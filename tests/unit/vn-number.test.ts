import { describe, expect, it } from 'vitest';
import { formatVnNumber, parseVnNumber } from '../../shared/domain/vn-number';

const ok = (s: string | number) => {
  const r = parseVnNumber(s);
  if (!r.ok) throw new Error(`expected ${s} to parse: ${r.error}`);
  return r.value;
};

describe('parseVnNumber', () => {
  it.each([
    ['58,82', 58.82],
    ['58.82', 58.82],
    ['1.234', 1234],
    ['1.000', 1000],
    ['100.000', 100000],
    ['1.234.567', 1234567],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['0,038', 0.038],
    ['0.038', 0.038],
    ['0,20', 0.2],
    ['9,6‰', 9.6],
    ['9,6%o', 9.6],
    ['12%', 12],
    [' 16,8 ', 16.8],
    ['1\u00a0234', 1234],
    ['-0,5', -0.5],
    ['0', 0],
    ['512', 512],
  ])('reads %j as %d', (input, expected) => {
    expect(ok(input)).toBeCloseTo(expected, 10);
  });

  it('passes real numbers through', () => {
    expect(ok(58.82)).toBe(58.82);
  });

  it.each([
    ['12,5a', '"12,5a" không phải là số'],
    ['abc', '"abc" không phải là số'],
    ['1,2,3,4', '"1,2,3,4" không phải là số'],
    ['1.23.4', '"1.23.4" có dấu phân cách hàng nghìn sai chỗ'],
    ['1,5,5', '"1,5,5" không phải là số'],
    [',5', '",5" không phải là số'],
    ['', 'ô trống'],
    ['   ', 'ô trống'],
  ])('refuses %j with a Vietnamese message', (input, message) => {
    const r = parseVnNumber(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe(message);
  });

  it('refuses non-finite numbers', () => {
    expect(parseVnNumber(Number.NaN).ok).toBe(false);
    expect(parseVnNumber(Infinity).ok).toBe(false);
  });
});

describe('formatVnNumber', () => {
  it.each([
    [58.82, {}, '58,82'],
    [1234.5, {}, '1.234,5'],
    [1000, {}, '1.000'],
    [100000, {}, '100.000'],
    [0.038, {}, '0,038'],
    [-0.2, {}, '-0,2'],
    [90, { decimals: 1 }, '90,0'],
    [2 / 3, { maxDecimals: 2 }, '0,67'],
    [1234567.891, { decimals: 2 }, '1.234.567,89'],
    [-0.0001, { decimals: 2 }, '0,00'],
  ])('prints %d as %j', (value, options, expected) => {
    expect(formatVnNumber(value, options)).toBe(expected);
  });

  it('round-trips through the parser', () => {
    for (const v of [0, 1, 58.82, 1234.5, 100000, 0.038, 16.4, 987654.321]) expect(ok(formatVnNumber(v))).toBeCloseTo(v, 10);
  });
});
