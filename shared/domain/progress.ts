/**
 * What the charts show, computed from plain figures: a measure's trend over the periods of its
 * phase with its targets, the units of a period compared on one measure, and the dashboard's
 * counts. Pure: the backend gathers the figures, the chart options only draw these.
 */
import { assess, type Assessment } from './rollup';
import type { Direction, TargetPoint } from './measure';
import { formatVnNumber } from './vn-number';
import { vietnamDate } from './org-units';

export type { TargetPoint };

/** How the direction reads under a chart's title. */
export const DIRECTION_WORDS: Record<Direction, string> = {
  at_least: 'càng cao càng tốt',
  at_most: 'càng thấp càng tốt',
  equal: 'cần duy trì đúng chỉ tiêu',
  range: 'cần nằm trong khoảng chỉ tiêu',
  none: 'không đánh giá theo chỉ tiêu',
};

export interface TrendInputPeriod {
  periodId: number;
  name: string;
  year: number;
  /** The period's cut-off date: the order of the points. */
  dataTo: string;
  /** The compiling unit's figure; null when there was none (a gap in the line). */
  value: number | null;
}

export interface TrendPoint {
  periodId: number;
  label: string;
  year: number;
  value: number | null;
  /** The target the period's year is judged against (its own year's, else the next phase end's). */
  target: { value: number; valueMax: number | null; text: string } | null;
  assessment: Assessment;
}

export interface TrendSeries {
  points: TrendPoint[];
  /** The phase-end targets (2025, 2030) drawn as lines across the chart. */
  phaseTargets: TargetPoint[];
  /** Points with a figure. */
  withData: number;
}

/** The target of a year: its own, else the nearest phase end at or after it (as the merge judges). */
export function yearTarget(targets: readonly TargetPoint[], year: number): TargetPoint | null {
  return targets.find((t) => t.year === year && !t.isPhaseEnd) ?? [...targets].filter((t) => t.isPhaseEnd && t.year >= year).sort((a, b) => a.year - b.year)[0] ?? null;
}

export function trendSeries(periods: readonly TrendInputPeriod[], targets: readonly TargetPoint[], direction: Direction): TrendSeries {
  const ordered = [...periods].sort((a, b) => a.dataTo.localeCompare(b.dataTo) || a.periodId - b.periodId);
  const points = ordered.map((p): TrendPoint => {
    const t = yearTarget(targets, p.year);
    const target = t ? { value: t.value, valueMax: t.valueMax, text: t.text } : null;
    return { periodId: p.periodId, label: p.name, year: p.year, value: p.value, target, assessment: assess(direction, target, p.value) };
  });
  const phaseTargets = targets.filter((t) => t.isPhaseEnd).sort((a, b) => a.year - b.year);
  return { points, phaseTargets, withData: points.filter((p) => p.value !== null).length };
}

export interface UnitFigure {
  unitId: number;
  name: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export interface UnitBar {
  unitId: number;
  name: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  assessment: Assessment;
}

/**
 * One measure across units, best first for its direction (highest first unless lower is better;
 * nearest the target for "duy trì" and ranges), ties by name. A rate is the unit's own numerator
 * over its denominator (× the factor) when both are there; units without a figure are listed apart.
 */
export function unitBars(units: readonly UnitFigure[], rateFactor: number | null, direction: Direction, target: { value: number; valueMax: number | null } | null): { bars: UnitBar[]; withoutData: string[] } {
  const bars: UnitBar[] = [];
  const withoutData: string[] = [];
  for (const u of units) {
    const value = rateFactor && u.numerator !== null && u.denominator !== null && u.denominator > 0 ? (u.numerator / u.denominator) * rateFactor : u.value;
    if (value === null || !Number.isFinite(value)) withoutData.push(u.name);
    else bars.push({ unitId: u.unitId, name: u.name, value, numerator: u.numerator, denominator: u.denominator, assessment: assess(direction, target, value) });
  }
  const score = (v: number) => {
    if (direction === 'at_most') return v;
    if (direction === 'at_least' || direction === 'none' || !target) return -v;
    return gapToTarget(direction, target, v) ?? 0;
  };
  bars.sort((a, b) => score(a.value) - score(b.value) || a.name.localeCompare(b.name, 'vi'));
  return { bars, withoutData };
}

/**
 * How far a figure falls short of its target, as a share of the target (0 when met; the target
 * counts as at least 1 so that "duy trì 0" gives the figure itself); null without a target.
 */
export function gapToTarget(direction: Direction, target: { value: number; valueMax: number | null } | null, value: number | null): number | null {
  if (!target || value === null || direction === 'none') return null;
  const scale = (t: number) => Math.max(Math.abs(t), 1);
  switch (direction) {
    case 'at_least':
      return Math.max(0, target.value - value) / scale(target.value);
    case 'at_most':
      return Math.max(0, value - target.value) / scale(target.value);
    case 'equal':
      return Math.abs(value - target.value) / scale(target.value);
    case 'range': {
      const hi = target.valueMax ?? target.value;
      if (value < target.value) return (target.value - value) / scale(target.value);
      if (value > hi) return (value - hi) / scale(hi);
      return 0;
    }
  }
}

/** The dashboard's measure: this period's result, its target, and the phase-end target it heads for. */
export interface DashboardMeasure {
  measureId: number;
  code: string;
  name: string;
  goalCode: string;
  direction: Direction;
  value: number | null;
  target: { value: number; valueMax: number | null } | null;
  targetText: string;
  assessment: Assessment;
  phaseTarget: TargetPoint | null;
}

export type GoalCount = 'met' | 'not_met' | 'no_data' | 'other';
export const GOAL_COUNT_WORDS: Record<GoalCount, string> = { met: 'Đạt', not_met: 'Chưa đạt', no_data: 'Chưa có số liệu', other: 'Không đánh giá' };

export interface GoalSummary {
  code: string;
  title: string;
  /** This period's results against this year's targets. */
  counts: Record<GoalCount, number>;
  /** This period's results against the phase-end targets (measures with one). */
  phase: Record<'met' | 'not_met' | 'no_data', number>;
}

const countOf = (a: Assessment): GoalCount => (a === 'met' ? 'met' : a === 'not_met' ? 'not_met' : a === 'no_data' ? 'no_data' : 'other');

export function goalSummaries(goals: readonly { code: string; title: string }[], measures: readonly DashboardMeasure[]): GoalSummary[] {
  return goals.map((g) => {
    const counts: GoalSummary['counts'] = { met: 0, not_met: 0, no_data: 0, other: 0 };
    const phase: GoalSummary['phase'] = { met: 0, not_met: 0, no_data: 0 };
    for (const m of measures) {
      if (m.goalCode !== g.code) continue;
      counts[countOf(m.assessment)]++;
      if (!m.phaseTarget || m.direction === 'none') continue;
      const a = assess(m.direction, m.phaseTarget, m.value);
      if (a === 'met' || a === 'not_met' || a === 'no_data') phase[a]++;
    }
    return { code: g.code, title: g.title, counts, phase };
  });
}

export interface FurthestMeasure extends DashboardMeasure {
  /** Short of the target by this share of it (0,25: a quarter of the target). */
  gap: number;
}

/** The measures furthest from this year's target (not met only), furthest first, ties by code. */
export function furthestFromTarget(measures: readonly DashboardMeasure[], count = 5): FurthestMeasure[] {
  const out: FurthestMeasure[] = [];
  for (const m of measures) {
    if (m.assessment !== 'not_met') continue;
    const gap = gapToTarget(m.direction, m.target, m.value);
    if (gap !== null && gap > 0) out.push({ ...m, gap });
  }
  return out.sort((a, b) => b.gap - a.gap || a.code.localeCompare(b.code, 'vi', { numeric: true })).slice(0, count);
}

/** "còn thiếu 12,5% so với chỉ tiêu" / "vượt 8% so với chỉ tiêu" in words. */
export function gapText(direction: Direction, gap: number): string {
  const share = formatVnNumber(gap * 100, { maxDecimals: 1 });
  return direction === 'at_most' ? `cao hơn chỉ tiêu ${share}%` : direction === 'at_least' ? `thấp hơn chỉ tiêu ${share}%` : `lệch ${share}% so với chỉ tiêu`;
}

export interface ReceiptDay {
  /** yyyy-mm-dd */
  date: string;
  /** Units whose first file had come by the end of that day. */
  count: number;
}

/**
 * Reports received over time: for each day (in Vietnam) a unit's first file came, how many units
 * had sent by then (the unit's first file counts, not a later correction).
 */
export function receiptCurve(firstReceipts: readonly (string | null)[]): ReceiptDay[] {
  const byDay = new Map<string, number>();
  for (const at of firstReceipts) {
    if (!at) continue;
    const day = vietnamDate(new Date(at));
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  let total = 0;
  return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, n]) => ({ date, count: (total += n) }));
}
