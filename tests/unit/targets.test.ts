import { describe, expect, it } from 'vitest';
import { decimalsWritten, formatTarget, parseTarget } from '../../shared/domain/measure';

describe('parseTarget', () => {
  it.each([
    ['58,82', 58.82, null],
    ['16,8', 16.8, null],
    ['2,0-3,0', 2, 3],
    ['2%-3%', 2, 3],
    ['510/100.000', 510, null],
    ['16,4/100.000', 16.4, null],
    ['1.000', 1000, null],
    ['0', 0, null],
    ['9,6‰', 9.6, null],
  ])('reads %j', (text, value, valueMax) => {
    const r = parseTarget(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.target).toEqual({ value, valueMax });
  });

  it('refuses an inverted range and text', () => {
    const inverted = parseTarget('3,0-2,0');
    expect(inverted.ok).toBe(false);
    if (!inverted.ok) expect(inverted.error).toContain('cận dưới lớn hơn cận trên');
    const text = parseTarget('đạt');
    expect(text.ok).toBe(false);
    if (!text.ok) expect(text.error).toBe('"đạt" không phải là số');
    expect(parseTarget('').ok).toBe(false);
  });

  it('prints targets the way the plans do', () => {
    expect(formatTarget({ value: 2, valueMax: 3 }, '%', 1)).toBe('2,0-3,0');
    expect(formatTarget({ value: 512, valueMax: null }, '/100.000')).toBe('512/100.000');
    expect(formatTarget({ value: 58.82, valueMax: null }, '%')).toBe('58,82');
    expect(decimalsWritten('0,038')).toBe(3);
    expect(decimalsWritten('60')).toBe(0);
  });
});
