import { describe, expect, it } from 'vitest';
import { assess, rollUp } from '../../shared/domain/rollup';

const v = (unitId: number, numerator: number | null, denominator: number | null, value: number | null) => ({ unitId, numerator, denominator, value });

describe('roll-up rules', () => {
  it('sums counts of the units that reported', () => {
    expect(rollUp('sum', null, [v(1, null, null, 3), v(2, null, null, null), v(3, null, null, 4)], null)).toEqual({ numerator: null, denominator: null, value: 7, contributing: [1, 3], excluded: [] });
  });

  it('divides summed numerators by summed denominators (1/10 and 30/100 → 31/110, not the mean of 10 % and 30 %)', () => {
    const r = rollUp('ratio', 100, [v(1, 1, 10, 10), v(2, 30, 100, 30)], null);
    expect(r.numerator).toBe(31);
    expect(r.denominator).toBe(110);
    expect(r.value).toBeCloseTo(28.1818181818, 8);
    expect(r.value).not.toBeCloseTo(20, 1);
  });

  it('applies per-1.000 and per-100.000 factors and leaves out rates given without numerator and denominator', () => {
    expect(rollUp('ratio', 1000, [v(1, 12, 1250, 9.6), v(2, 8, 750, null)], null).value).toBeCloseTo(10, 10);
    const r = rollUp('ratio', 100000, [v(1, 51, 10000, null), v(2, null, null, 400)], null);
    expect(r.value).toBeCloseTo(510, 10);
    expect(r.excluded).toEqual([2]);
  });

  it('takes the lead department\'s figure for the whole province', () => {
    expect(rollUp('lead', 1000, [v(1, 5, 1000, 5), v(9, 96, 10000, 9.6)], 9)).toMatchObject({ value: 9.6, contributing: [9] });
    expect(rollUp('lead', 1000, [v(1, 5, 1000, 5)], 9).value).toBeNull();
  });

  it('lists only, for rule none', () => {
    expect(rollUp('none', null, [v(1, null, null, 1)], null).value).toBeNull();
  });
});

describe('assessment against the target', () => {
  it.each([
    ['at_most', 16.8, null, 16.8, 'met'],
    ['at_most', 16.8, null, 16.81, 'not_met'],
    ['at_least', 96, null, 96, 'met'],
    ['at_least', 96, null, 95.99, 'not_met'],
    ['equal', 0, null, 0, 'met'],
    ['equal', 0, null, 1, 'not_met'],
    ['range', 2, 3, 2.5, 'met'],
    ['range', 2, 3, 3.01, 'not_met'],
  ] as const)('%s %d %s with result %d is %s', (direction, value, valueMax, result, expected) => {
    expect(assess(direction, { value, valueMax }, result)).toBe(expected);
  });

  it('says when there is no data or no target', () => {
    expect(assess('at_least', { value: 1, valueMax: null }, null)).toBe('no_data');
    expect(assess('at_least', null, 3)).toBe('no_target');
    expect(assess('none', { value: 1, valueMax: null }, 3)).toBe('no_target');
    expect(assess('at_most', { value: 58.82, valueMax: null }, (5882 / 10000) * 100)).toBe('met');
  });
});
