import { describe, expect, it } from 'vitest';
import { KONTUM_2024_GOALS } from '../../electron/backend/demo/kontum-2024-plan';
import { parseTarget } from '../../shared/domain/measure';
import { inferDirection, inferKind, inferPlanYears, inferRollup, type TargetPoint } from '../../shared/domain/measure-inference';

const points = (texts: [number, boolean, string][]): TargetPoint[] =>
  texts.map(([year, isPhaseEnd, text]) => {
    const p = parseTarget(text);
    if (!p.ok) throw new Error(p.error);
    return { year, isPhaseEnd, ...p.target, text };
  });

describe('what a plan import infers about a measure', () => {
  it('reads every measure of the 2024 plan the way its compilers did (39 of 39), and says why', () => {
    const wrong: string[] = [];
    let n = 0;
    for (const g of KONTUM_2024_GOALS)
      for (const i of g.indicators)
        for (const m of i.measures) {
          n++;
          const kind = inferKind(m.unit, m.targets);
          const d = inferDirection({ name: m.name, heading: i.title, valueKind: kind.value.valueKind, targets: points([[2025, true, m.targets[0]], [2024, false, m.targets[1]]]) });
          if (d.value !== m.direction) wrong.push(`${i.code} ${m.name}: ${d.value} (${d.why})`);
          expect(d.why).toMatch(/→/);
        }
    expect(n).toBe(39);
    expect(wrong).toEqual([]);
  });

  it('takes decreasing targets and "Giảm" rows as lower is better, and flags evidence that disagrees', () => {
    const fall = inferDirection({ name: 'Tỷ suất trẻ em bị tai nạn thương tích', valueKind: 'rate', targets: points([[2023, false, '2'], [2025, false, '1']]) });
    expect(fall).toEqual({ value: 'at_most', why: 'mục tiêu giảm từ 2 (2023) xuống 1 (2025) → càng thấp càng tốt', sure: true });
    const giam = inferDirection({ name: 'Giảm tỷ lệ trẻ em suy dinh dưỡng thể thấp còi', valueKind: 'rate', targets: points([[2025, false, '20']]) });
    expect(giam).toMatchObject({ value: 'at_most', sure: true });
    expect(giam.why).toBe('dòng chỉ số bắt đầu bằng "Giảm" → càng thấp càng tốt');
    const notOver = inferDirection({ name: 'Tỷ lệ học sinh bỏ học không quá 1%', valueKind: 'rate', targets: points([[2025, false, '1']]) });
    expect(notOver).toMatchObject({ value: 'at_most', sure: true });
    // The heading says "Giảm", the row does not: the heading counts.
    const byHeading = inferDirection({ name: 'Tỷ lệ trẻ em dưới 5 tuổi thấp còi', heading: 'Giảm tỷ lệ suy dinh dưỡng', valueKind: 'rate', targets: points([[2025, false, '20']]) });
    expect(byHeading.why).toBe('tên chỉ tiêu bắt đầu bằng "Giảm" → càng thấp càng tốt');
    // "dưới 5 tuổi" is an age, not a ceiling.
    expect(inferDirection({ name: 'Tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh', valueKind: 'rate', targets: points([[2025, false, '98']]) }).value).toBe('at_least');
    const against = inferDirection({ name: 'Giảm tỷ suất tử vong trẻ dưới 5 tuổi', valueKind: 'rate', targets: points([[2024, false, '41'], [2025, true, '51']]) });
    expect(against).toMatchObject({ value: 'at_most', sure: false });
    expect(against.why).toContain('nhưng mục tiêu tăng từ 41 (2024) lên 51 (2025) — hãy kiểm tra');
    const harmful = inferDirection({ name: 'Số vụ trẻ em bị xâm hại', valueKind: 'count', targets: points([[2025, false, '12']]) });
    expect(harmful).toMatchObject({ value: 'at_most', why: '"xâm hại" là điều cần giảm → càng thấp càng tốt' });
    expect(inferDirection({ name: 'Số trẻ em bị đuối nước', valueKind: 'count', targets: points([[2024, false, '0'], [2025, false, '0']]) }).value).toBe('equal');
    const none = inferDirection({ name: 'Tỷ lệ trường học có tư vấn tâm lý', valueKind: 'rate', targets: points([[2025, false, '95']]) });
    expect(none).toMatchObject({ value: 'at_least', sure: false });
  });

  it('reads the kind and factor from the unit and the targets, unsure where the unit does not say', () => {
    expect(inferKind('%', ['58,82'])).toMatchObject({ value: { valueKind: 'rate', rateFactor: 100 }, sure: true });
    expect(inferKind('%o', ['9,5'])).toMatchObject({ value: { unitLabel: '‰', rateFactor: 1000 }, sure: true });
    expect(inferKind('Tỷ xuất', ['510/100.000'])).toMatchObject({ value: { unitLabel: '/100.000', rateFactor: 100000 }, why: 'chỉ tiêu ghi "…/100.000" → tỷ suất trên 100.000' });
    expect(inferKind('Tỷ lệ', ['12'])).toMatchObject({ value: { rateFactor: 100 }, sure: false });
    expect(inferKind('Xã', ['56'])).toMatchObject({ value: { valueKind: 'count' }, sure: true });
    expect(inferKind('Lượt', ['56'])).toMatchObject({ value: { valueKind: 'count' }, sure: false });
    expect(inferRollup({ unitLabel: '%', valueKind: 'rate', rateFactor: 100 }).value).toBe('ratio');
  });

  it('takes a plan\'s years from its title, else from its target columns', () => {
    expect(inferPlanYears('Kế hoạch thực hiện Chương trình giai đoạn 2022-2030', [{ year: 2030, isPhaseEnd: true }])).toEqual({ value: { from: 2022, to: 2030 }, why: 'tên kế hoạch ghi "giai đoạn 2022-2030"', sure: true });
    expect(inferPlanYears('Kế hoạch triển khai công tác trẻ em năm 2022', [])!.value).toEqual({ from: 2022, to: 2022 });
    expect(inferPlanYears('KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH GIAI ĐOẠN 2021 – 2030 TRÊN ĐỊA BÀN TỈNH NĂM 2024', [])!.value).toEqual({ from: 2024, to: 2024 });
    expect(inferPlanYears('Phân công thực hiện', [{ year: 2030, isPhaseEnd: true }, { year: 2026, isPhaseEnd: false }])).toMatchObject({ value: { from: 2026, to: 2026 }, sure: false });
  });
});
