import { describe, expect, it } from 'vitest';
import { furthestFromTarget, gapText, gapToTarget, goalSummaries, receiptCurve, trendSeries, unitBars, yearTarget, type DashboardMeasure, type TargetPoint } from '../../shared/domain/progress';

const target = (year: number, value: number, isPhaseEnd = false, valueMax: number | null = null): TargetPoint => ({ year, isPhaseEnd, value, valueMax, text: String(value).replace('.', ',') });

describe('a measure over the periods of its phase', () => {
  const targets = [target(2022, 50), target(2023, 55), target(2025, 60, true)];
  const periods = [
    { periodId: 3, name: 'Năm 2024', year: 2024, dataTo: '2024-12-14', value: 61 },
    { periodId: 1, name: 'Năm 2022', year: 2022, dataTo: '2022-12-14', value: 48 },
    { periodId: 2, name: 'Năm 2023', year: 2023, dataTo: '2023-12-14', value: null },
  ];

  it('orders the points by cut-off date, keeps a period without figure as a gap, and judges each against its year', () => {
    const s = trendSeries(periods, targets, 'at_least');
    expect(s.points.map((p) => [p.label, p.value, p.target?.value ?? null, p.assessment])).toEqual([
      ['Năm 2022', 48, 50, 'not_met'],
      ['Năm 2023', null, 55, 'no_data'],
      // 2024 has no target of its own: the next phase end's (60 in 2025) applies, as the merge judges.
      ['Năm 2024', 61, 60, 'met'],
    ]);
    expect(s.withData).toBe(2);
    expect(s.phaseTargets.map((t) => t.year)).toEqual([2025]);
  });

  it('judges "lower is better" the other way round', () => {
    const s = trendSeries(periods, targets, 'at_most');
    expect(s.points.map((p) => p.assessment)).toEqual(['met', 'no_data', 'not_met']);
  });

  it('takes the year\'s own target before a phase end of the same year', () => {
    expect(yearTarget([target(2025, 70, true), target(2025, 65)], 2025)?.value).toBe(65);
    expect(yearTarget([target(2025, 70, true), target(2030, 80, true)], 2026)?.value).toBe(80);
    expect(yearTarget([target(2025, 70, true)], 2026)).toBeNull();
  });
});

describe('units compared on one measure', () => {
  const u = (unitId: number, name: string, numerator: number | null, denominator: number | null, value: number | null) => ({ unitId, name, numerator, denominator, value });

  it('computes each rate from the unit\'s own numerator and denominator, best first, the units without figure apart', () => {
    // 3/4 = 75 %, 1/5 = 20 %, 9/10 = 90 % (the stored 50 is not what its numbers say), none for the fourth.
    const { bars, withoutData } = unitBars([u(1, 'Xã A', 3, 4, 75), u(2, 'Xã B', 1, 5, 20), u(3, 'Xã C', 9, 10, 50), u(4, 'Xã D', null, null, null)], 100, 'at_least', { value: 60, valueMax: null });
    expect(bars.map((b) => [b.name, b.value, b.assessment])).toEqual([
      ['Xã C', 90, 'met'],
      ['Xã A', 75, 'met'],
      ['Xã B', 20, 'not_met'],
    ]);
    expect(withoutData).toEqual(['Xã D']);
  });

  it('puts the lowest first when lower is better, and the nearest the target for a range', () => {
    const units = [u(1, 'Xã A', null, null, 12), u(2, 'Xã B', null, null, 3), u(3, 'Xã C', null, null, 7)];
    expect(unitBars(units, null, 'at_most', { value: 5, valueMax: null }).bars.map((b) => b.name)).toEqual(['Xã B', 'Xã C', 'Xã A']);
    // Range 6–8: 7 inside (gap 0), 3 short by 3/6, 12 over by 4/8.
    expect(unitBars(units, null, 'range', { value: 6, valueMax: 8 }).bars.map((b) => [b.name, b.assessment])).toEqual([
      ['Xã C', 'met'],
      ['Xã A', 'not_met'],
      ['Xã B', 'not_met'],
    ]);
  });

  it('orders equal figures by name the Vietnamese way', () => {
    expect(unitBars([u(1, 'Xã Đông', null, null, 5), u(2, 'Xã Dương', null, null, 5), u(3, 'Xã An', null, null, 5)], null, 'at_least', null).bars.map((b) => b.name)).toEqual(['Xã An', 'Xã Dương', 'Xã Đông']);
  });
});

describe('the dashboard', () => {
  const m = (code: string, goalCode: string, direction: DashboardMeasure['direction'], value: number | null, t: number | null, assessment: DashboardMeasure['assessment'], phase: number | null = null): DashboardMeasure => ({
    measureId: Number(code.replace('.', '')),
    code,
    name: `Chỉ tiêu ${code}`,
    goalCode,
    direction,
    value,
    target: t === null ? null : { value: t, valueMax: null },
    targetText: t === null ? '' : String(t),
    assessment,
    phaseTarget: phase === null ? null : target(2025, phase, true),
  });
  const measures = [
    m('1.1', 'I', 'at_least', 80, 90, 'not_met', 95),
    m('1.2', 'I', 'at_least', 96, 90, 'met', 95),
    m('1.3', 'I', 'at_most', 30, 20, 'not_met', 15),
    m('2.1', 'II', 'at_least', null, 50, 'no_data', 60),
    m('2.2', 'II', 'none', 12, null, 'no_target'),
    m('2.3', 'II', 'at_most', 0.5, 0, 'not_met'),
  ];

  it('counts by goal this year\'s results and those already at the phase-end target', () => {
    expect(goalSummaries([{ code: 'I', title: 'A' }, { code: 'II', title: 'B' }], measures)).toEqual([
      { code: 'I', title: 'A', counts: { met: 1, not_met: 2, no_data: 0, other: 0 }, phase: { met: 1, not_met: 2, no_data: 0 } },
      { code: 'II', title: 'B', counts: { met: 0, not_met: 1, no_data: 1, other: 1 }, phase: { met: 0, not_met: 0, no_data: 1 } },
    ]);
  });

  it('lists the measures furthest from their target as a share of it', () => {
    // 1.3: (30 − 20) / 20 = 0,5; 1.1: (90 − 80) / 90 = 0,111…; 2.3: 0,5 over a target of 0 counts against 1 = 0,5.
    const f = furthestFromTarget(measures);
    expect(f.map((x) => [x.code, Number(x.gap.toFixed(4))])).toEqual([
      ['1.3', 0.5],
      ['2.3', 0.5],
      ['1.1', 0.1111],
    ]);
    expect(gapText('at_most', 0.5)).toBe('cao hơn chỉ tiêu 50%');
    expect(gapText('at_least', 10 / 90)).toBe('thấp hơn chỉ tiêu 11,1%');
    expect(gapToTarget('range', { value: 2, valueMax: 3 }, 2.5)).toBe(0);
    expect(gapToTarget('at_least', null, 5)).toBeNull();
  });

  it('counts the units that had sent by each day in Vietnam, from each unit\'s first file', () => {
    // 16:30 UTC on the 3rd is 23:30 in Vietnam (the 3rd); 17:30 UTC is already the 4th.
    expect(receiptCurve(['2024-12-03T08:00:00Z', null, '2024-12-01T10:00:00Z', '2024-12-03T16:30:00Z', '2024-12-03T17:30:00Z', '2024-12-07T09:00:00Z'])).toEqual([
      { date: '2024-12-01', count: 1 },
      { date: '2024-12-03', count: 3 },
      { date: '2024-12-04', count: 4 },
      { date: '2024-12-07', count: 5 },
    ]);
    expect(receiptCurve([null, null])).toEqual([]);
  });
});
