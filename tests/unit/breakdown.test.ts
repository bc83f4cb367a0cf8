import { describe, expect, it } from 'vitest';
import { deriveTotal, optionCombinations } from '../../shared/domain/breakdown';

describe('breakdowns', () => {
  it('lists every option combination', () => {
    expect(optionCombinations([{ name: 'Giới tính', options: ['Nam', 'Nữ'] }, { name: 'Nhóm tuổi', options: ['0-5', '6-10', '11-15'] }])).toEqual([
      ['Nam', '0-5'], ['Nam', '6-10'], ['Nam', '11-15'], ['Nữ', '0-5'], ['Nữ', '6-10'], ['Nữ', '11-15'],
    ]);
  });

  it('adds counts', () => {
    expect(deriveTotal([{ numerator: null, denominator: null, value: 12 }, { numerator: null, denominator: null, value: 30 }], null).value).toBe(42);
    expect(deriveTotal([], null).value).toBeNull();
  });

  it('divides summed numerators by summed denominators for rates, never averaging', () => {
    // 1/10 = 10 % and 9/90 = 10 %; 1/100 = 1 %: the rate of the whole is 11/200 = 5,5 %, not the mean 7 %.
    const total = deriveTotal(
      [
        { numerator: 1, denominator: 100, value: 1 },
        { numerator: 10, denominator: 100, value: 10 },
      ],
      100,
    );
    expect(total).toEqual({ numerator: 11, denominator: 200, value: 5.5 });
    expect(deriveTotal([{ numerator: 3, denominator: 0, value: null }], 1000).value).toBeNull();
  });
});
