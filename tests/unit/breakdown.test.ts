import { describe, expect, it } from 'vitest';
import { codeFromName, comboLabel, deriveTotal, mismatchText, optionCombinations, parsePartKey, partKey, reconcileBreakdown } from '../../shared/domain/breakdown';

describe('breakdowns', () => {
  it('lists every option combination', () => {
    expect(optionCombinations([{ options: ['Nam', 'Nữ'] }, { options: ['0-5', '6-10', '11-15'] }])).toEqual([
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

describe('the rules for a broken-down measure', () => {
  const n = (value: number | null) => ({ numerator: null, denominator: null, value });
  const r = (numerator: number | null, denominator: number | null) => ({ numerator, denominator, value: numerator !== null && denominator ? (numerator / denominator) * 100 : null });

  it('derives the total from the parts when the total is empty, and says how many parts were left empty', () => {
    expect(reconcileBreakdown(null, null, [n(3), n(4), null])).toEqual({ kind: 'parts', total: n(7), derived: true, given: 2, missing: 1 });
    expect(reconcileBreakdown(100, n(null), [r(30, 200), r(10, 300)])).toMatchObject({ kind: 'parts', total: { numerator: 40, denominator: 500, value: 8 }, derived: true });
  });

  it('takes a total without parts as the total alone, and nothing as nothing', () => {
    expect(reconcileBreakdown(null, n(9), [null, n(null)])).toEqual({ kind: 'total_only', total: n(9) });
    expect(reconcileBreakdown(null, null, [null, null])).toEqual({ kind: 'empty' });
  });

  it('accepts parts that add up to the total (an empty part counts as nothing) and refuses those that do not', () => {
    expect(reconcileBreakdown(null, n(7), [n(3), n(4)])).toMatchObject({ kind: 'parts', derived: false });
    expect(reconcileBreakdown(null, n(7), [n(7), null])).toMatchObject({ kind: 'parts', derived: false, missing: 1 });
    expect(reconcileBreakdown(null, n(8), [n(3), n(4)])).toEqual({ kind: 'mismatch', field: 'value', total: 8, sum: 7 });
    // Floating-point noise is no mismatch.
    expect(reconcileBreakdown(null, n(0.3), [n(0.1), n(0.2)])).toMatchObject({ kind: 'parts' });
  });

  it('compares a rate by its numerators and denominators, or by its result when only that was given', () => {
    expect(reconcileBreakdown(100, r(40, 500), [r(30, 200), r(10, 300)])).toMatchObject({ kind: 'parts', derived: false });
    expect(reconcileBreakdown(100, r(41, 500), [r(30, 200), r(10, 300)])).toEqual({ kind: 'mismatch', field: 'numerator', total: 41, sum: 40 });
    expect(reconcileBreakdown(100, r(40, 510), [r(30, 200), r(10, 300)])).toEqual({ kind: 'mismatch', field: 'denominator', total: 510, sum: 500 });
    expect(reconcileBreakdown(100, n(8), [r(30, 200), r(10, 300)])).toMatchObject({ kind: 'parts' });
    expect(reconcileBreakdown(100, n(9), [r(30, 200), r(10, 300)])).toEqual({ kind: 'mismatch', field: 'value', total: 9, sum: 8 });
  });

  it('says a mismatch with both figures, the Vietnamese way', () => {
    expect(mismatchText({ kind: 'mismatch', field: 'value', total: 1234, sum: 1233 }, false)).toBe(
      'dòng Tổng số ghi 1.234 nhưng các nhóm phân tổ cộng lại là 1.233. Hãy sửa cho khớp, hoặc để trống dòng Tổng số để TongHop tự tính',
    );
    expect(mismatchText({ kind: 'mismatch', field: 'denominator', total: 510, sum: 500 }, true)).toContain('mẫu số ở dòng Tổng số là 510 nhưng mẫu số các nhóm phân tổ cộng lại là 500');
    expect(mismatchText({ kind: 'mismatch', field: 'value', total: 9, sum: 8.25 }, true)).toContain('kết quả ở dòng Tổng số là 9 nhưng tính từ tử số và mẫu số các nhóm phân tổ là 8,25');
  });

  it('writes and reads the key of a part row, and makes codes from names', () => {
    expect(partKey('9', ['NAM', 'DUOI-6'])).toBe('9/NAM/DUOI-6');
    expect(parsePartKey('19.3/NU/11-16')).toEqual({ measureCode: '19.3', optionCodes: ['NU', '11-16'] });
    expect(parsePartKey('9')).toBeNull();
    expect(parsePartKey('9/Nam nữ')).toBeNull();
    expect(codeFromName('Từ 6 đến dưới 11 tuổi')).toBe('TU-6-DEN-DUOI-11-TUO');
    expect(codeFromName('Đồng bào dân tộc thiểu số')).toBe('DONG-BAO-DAN-TOC-THI');
    expect(comboLabel(['Nam', 'Dưới 6 tuổi'])).toBe('Nam · Dưới 6 tuổi');
  });
});
