/** Walking a plan as the contract delivers it. */
import type { MeasureDto, PlanDetail } from './types';

/** Every measure of a plan, in the plan's order (goal, indicator, measure). */
export function planMeasures(plan: Pick<PlanDetail, 'goals'>): MeasureDto[] {
  return plan.goals.flatMap((g) => g.indicators.flatMap((i) => i.measures));
}
