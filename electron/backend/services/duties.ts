/**
 * What each unit owes in a plan's report: the measures it reports (shared/domain/who-reports.ts)
 * and the tasks it leads or cooperates on. One read of the plan's task cooperation for all units.
 */
import type { MeasureDto, PlanDetail, TaskDto } from '../../../shared/api/types';
import { measuresOwedBy } from '../../../shared/api/plan-shape';
import type { UnitKind } from '../../../shared/domain/org-units';
import type { Db } from '../db/connection';

export type UnitTask = TaskDto & { role: 'lead' | 'cooperating' };

export interface Duties {
  measures: MeasureDto[];
  tasks: UnitTask[];
}

export async function dutiesIn(db: Db, plan: PlanDetail): Promise<(unit: { id: number; kind: UnitKind }) => Duties> {
  const taskIds = plan.tasks.map((t) => t.id);
  const coop = taskIds.length ? await db.selectFrom('task_cooperating_unit').selectAll().where('task_id', 'in', taskIds).execute() : [];
  const coopOf = new Map<number, Set<number>>();
  for (const c of coop) coopOf.set(c.unit_id, (coopOf.get(c.unit_id) ?? new Set()).add(c.task_id));
  return (unit) => ({
    measures: measuresOwedBy(plan, unit),
    tasks: plan.tasks.flatMap((t): UnitTask[] => (t.leadUnitId === unit.id ? [{ ...t, role: 'lead' }] : coopOf.get(unit.id)?.has(t.id) ? [{ ...t, role: 'cooperating' }] : [])),
  });
}

export const owesAnything = (d: Duties) => d.measures.length > 0 || d.tasks.length > 0;
