/**
 * What a period asks its units to report: its own plan and the other plans it collects, as one
 * plan (shared/api/plan-shape.ts composePlans), named as on the period's cut-off date. A lead or
 * cooperating unit that no longer exists on that date is replaced by the unit doing its work, and
 * the lead's name says so ("Sở Y tế (thay Sở Lao động - Thương binh và Xã hội)").
 */
import type { PeriodDto, PlanDetail } from '../../../shared/api/types';
import { composePlans } from '../../../shared/api/plan-shape';
import type { Db } from '../db/connection';
import { getPlan } from './plans';
import { listUnits, standInOn } from './units';

export async function periodPlan(db: Db, period: Pick<PeriodDto, 'planIds' | 'dataTo'>): Promise<PlanDetail> {
  const plans = await Promise.all(period.planIds.map((id) => getPlan(db, id, period.dataTo)));
  const plan = composePlans(plans);
  const units = await listUnits(db, period.dataTo, true);
  const nameOf = (id: number) => units.find((u) => u.id === id)?.name ?? '';
  const gone = (id: number | null) => id !== null && units.some((u) => u.id === id && u.dissolvedOn !== null && u.dissolvedOn <= period.dataTo);
  if (![...plan.goals.flatMap((g) => g.indicators.flatMap((i) => i.measures)), ...plan.tasks].some((x) => gone(x.leadUnitId) || x.cooperatingUnitIds.some(gone))) return plan;
  const replace = (id: number) => (gone(id) ? (standInOn(units, id, period.dataTo)?.id ?? id) : id);
  const lead = (id: number | null, name: string | null) => {
    if (id === null || !gone(id)) return { id, name };
    const by = standInOn(units, id, period.dataTo);
    return by ? { id: by.id, name: `${by.name} (thay ${name ?? nameOf(id)})` } : { id, name };
  };
  return {
    ...plan,
    goals: plan.goals.map((g) => ({
      ...g,
      indicators: g.indicators.map((i) => ({
        ...i,
        measures: i.measures.map((m) => {
          const l = lead(m.leadUnitId, m.leadUnitName);
          return { ...m, leadUnitId: l.id, leadUnitName: l.name, cooperatingUnitIds: [...new Set(m.cooperatingUnitIds.map(replace))] };
        }),
      })),
    })),
    tasks: plan.tasks.map((t) => {
      const l = lead(t.leadUnitId, t.leadName);
      return { ...t, leadUnitId: l.id, leadName: l.name ?? t.leadName, cooperatingUnitIds: [...new Set(t.cooperatingUnitIds.map(replace))].filter((id) => id !== l.id) };
    }),
  };
}
