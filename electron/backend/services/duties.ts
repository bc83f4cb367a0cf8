/**
 * What each unit owes in a period's report: the measures it reports (shared/domain/who-reports.ts)
 * and the tasks it leads or cooperates on.
 */
import type { MeasureDto, PlanDetail, TaskDto } from '../../../shared/api/types';
import { planMeasures } from '../../../shared/api/plan-shape';
import { owes } from '../../../shared/domain/who-reports';
import type { UnitKind } from '../../../shared/domain/org-units';

export type UnitTask = TaskDto & { role: 'lead' | 'cooperating' };

export interface Duties {
  measures: MeasureDto[];
  tasks: UnitTask[];
}

export function dutiesIn(plan: PlanDetail): (unit: { id: number; kind: UnitKind }) => Duties {
  const measures = planMeasures(plan);
  return (unit) => ({
    measures: measures.filter((m) => owes(unit, m)),
    tasks: plan.tasks.flatMap((t): UnitTask[] => (t.leadUnitId === unit.id ? [{ ...t, role: 'lead' }] : t.cooperatingUnitIds.includes(unit.id) ? [{ ...t, role: 'cooperating' }] : [])),
  });
}

export const owesAnything = (d: Duties) => d.measures.length > 0 || d.tasks.length > 0;
