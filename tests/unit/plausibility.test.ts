import { describe, expect, it } from 'vitest';
import { displayDecimals, formatFigure, jumpOf, plausibilityOf, plausibleRange, type MeasureRules } from '../../shared/domain/plausibility';
import { checkValue, isNotApplicable } from '../../shared/domain/value-rules';

const rate = (factor: 100 | 1000 | 100000, extra: Partial<MeasureRules> = {}): MeasureRules => ({
  valueKind: 'rate', rateFactor: factor, unitLabel: factor === 100 ? '%' : factor === 1000 ? '‰' : '/100.000', decimals: null, minValue: null, maxValue: null, allowsNegative: false, targets: [], ...extra,
});
const count = (unitLabel: string, extra: Partial<MeasureRules> = {}): MeasureRules => ({ valueKind: 'count', rateFactor: null, unitLabel, decimals: null, minValue: null, maxValue: null, allowsNegative: false, targets: [], ...extra });

describe('what figures are plausible, and how they are shown', () => {
  it('shows a figure with the measure\'s decimals: as set, else as its targets are written', () => {
    expect(displayDecimals(rate(100, { targets: [{ text: '0,038' }] }))).toBe(3);
    expect(displayDecimals(rate(1000, { targets: [{ text: '9,6' }, { text: '9,5' }] }))).toBe(1);
    expect(displayDecimals(rate(100))).toBe(2);
    expect(displayDecimals(count('Người'))).toBe(0);
    expect(displayDecimals(rate(100, { decimals: 4, targets: [{ text: '58,82' }] }))).toBe(4);
    expect(formatFigure(rate(100, { targets: [{ text: '0,038' }] }), 0.0384)).toBe('0,038');
  });

  it('takes the range from the unit unless the measure sets one', () => {
    expect(plausibleRange(rate(100))).toEqual({ min: 0, max: 100, why: 'tỷ lệ phần trăm' });
    expect(plausibleRange(rate(1000))).toMatchObject({ max: 1000 });
    expect(plausibleRange(count('Vụ'))).toEqual({ min: 0, max: null, why: 'số lượng' });
    expect(plausibleRange(count('Cuộc', { allowsNegative: true }))).toMatchObject({ min: null });
    expect(plausibleRange(rate(1000, { minValue: 0, maxValue: 60 }))).toEqual({ min: 0, max: 60, why: 'khoảng đặt cho chỉ số này' });
  });

  it('warns of 897‰ infant mortality and 49.023/100.000 injuries against their targets, a fraction of people, an English thousands separator', () => {
    expect(plausibilityOf(rate(1000), 897, null, { value: 9.6, valueMax: null })).toEqual(['897 khác xa chỉ tiêu 9,6 (gấp 93 lần)']);
    expect(plausibilityOf(rate(100000), 49023, null, { value: 512, valueMax: null })).toEqual(['49.023 khác xa chỉ tiêu 512 (gấp 96 lần)']);
    expect(plausibilityOf(rate(1000, { maxValue: 60 }), 897, null, null)).toEqual(['897 lớn hơn 60 (khoảng đặt cho chỉ số này)']);
    expect(plausibilityOf(rate(1000), 9.9, null, { value: 9.6, valueMax: null })).toEqual([]);
    expect(plausibilityOf(count('Người'), 2.5, '2,5', null)).toEqual(['2,5 người có phần lẻ']);
    expect(plausibilityOf(count('Người'), 1.02, '1,020', null)).toEqual(['"1,020" được đọc là 1,02; nếu ý là 1.020 (gõ kiểu tiếng Anh), hãy sửa thành 1.020']);
    expect(plausibilityOf(count('Triệu đồng'), 12.5, '12,5', null)).toEqual([]);
    // A district's count is its share of the province's target: not compared.
    expect(plausibilityOf(count('Xã'), 2, '2', { value: 60, valueMax: null })).toEqual([]);
  });

  it('sees a jump against the previous period only when it is large both ways', () => {
    expect(jumpOf(40, 20)).toBe(true);
    expect(jumpOf(4, 2)).toBe(true);
    expect(jumpOf(4, 2, { absolute: 5 })).toBe(false);
    expect(jumpOf(28, 20)).toBe(false);
    expect(jumpOf(3, 0)).toBe(true);
  });

  it('accepts 0/0 for a rate (nothing happened), a negative result for a measure of change, never a negative numerator', () => {
    expect(checkValue('rate', 100, { numerator: 0, denominator: 0, value: null })).toBeNull();
    expect(isNotApplicable({ numerator: 0, denominator: 0 })).toBe(true);
    expect(checkValue('rate', 100, { numerator: 3, denominator: 0, value: null })).toEqual({ field: 'denominator', message: 'mẫu số bằng 0 nhưng tử số là 3; chỉ ghi 0/0 khi không phát sinh trường hợp nào' });
    expect(checkValue('count', null, { numerator: null, denominator: null, value: -3 })).toMatchObject({ message: 'số âm (-3) không hợp lệ' });
    expect(checkValue('count', null, { numerator: null, denominator: null, value: -3 }, String, { allowsNegative: true })).toBeNull();
    expect(checkValue('rate', 100, { numerator: -1, denominator: 5, value: null }, String, { allowsNegative: true })).toMatchObject({ field: 'numerator' });
  });
});
