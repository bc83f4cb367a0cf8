/** Walking a plan as the contract delivers it. */
import type { MeasureDto, PlanDetail } from './types';
import type { UnitKind } from '../domain/org-units';
import { owes } from '../domain/who-reports';

/** Every measure of a plan, in the plan's order (goal, indicator, measure). */
export function planMeasures(plan: Pick<PlanDetail, 'goals'>): MeasureDto[] {
  return plan.goals.flatMap((g) => g.indicators.flatMap((i) => i.measures));
}

/** The measures a unit reports, in the plan's order (see shared/domain/who-reports.ts). */
export function measuresOwedBy(plan: Pick<PlanDetail, 'goals'>, unit: { id: number; kind: UnitKind }): MeasureDto[] {
  return planMeasures(plan).filter((m) => owes(unit, m));
}

/** The plan as one unit sees it: only the goals, indicators and measures it reports, numbered as in the plan. */
export function planFor(plan: PlanDetail, unit: { id: number; kind: UnitKind }): PlanDetail {
  const goals = plan.goals
    .map((g) => ({ ...g, indicators: g.indicators.map((i) => ({ ...i, measures: i.measures.filter((m) => owes(unit, m)) })).filter((i) => i.measures.length) }))
    .filter((g) => g.indicators.length);
  return { ...plan, goals };
}
