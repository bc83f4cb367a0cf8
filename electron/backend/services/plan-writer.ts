/**
 * Writes a whole plan (plan row, goals, indicators, measures, targets, cooperating units)
 * inside the caller's transaction. Used by the plan import and the demo loader.
 */
import type { ApiParsedArgs } from '../../../shared/api/contract';
import type { TargetDto } from '../../../shared/api/types';
import type { Direction, RateFactor, Rollup, ValueKind } from '../../../shared/domain/measure';
import type { Db } from '../db/connection';

export type PlanRowInput = ApiParsedArgs<'plan-create'>;

export interface MeasureInput {
  name: string;
  unitLabel: string;
  valueKind: ValueKind;
  rateFactor: RateFactor | null;
  direction: Direction;
  rollup: Rollup;
  leadUnitId: number | null;
  /** The agencies as the plan wrote them. */
  leadText?: string;
  cooperatingUnitIds?: number[];
  /** A breakdown (category combination) made beforehand; none by default. */
  categoryComboId?: number;
  targets: TargetDto[];
}

export interface GoalInput {
  code: string;
  title: string;
  indicators: { code: string; title: string; measures: MeasureInput[] }[];
}

export async function insertPlanRow(trx: Db, now: string, plan: PlanRowInput): Promise<number> {
  const { id } = await trx
    .insertInto('plan')
    .values({
      number: plan.number,
      title: plan.title,
      issuer_name: plan.issuerName,
      issued_on: plan.issuedOn,
      year_from: plan.yearFrom,
      year_to: plan.yearTo,
      parent_plan_id: plan.parentPlanId,
      issuer_unit_id: plan.issuerUnitId ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Measure codes follow the plans: the indicator's number, or `N.k` when it has several measures. */
export async function insertGoals(trx: Db, planId: number, goals: GoalInput[]): Promise<void> {
  for (const [gi, goal] of goals.entries()) {
    const { id: goalId } = await trx.insertInto('goal').values({ plan_id: planId, position: gi + 1, code: goal.code, title: goal.title }).returning('id').executeTakeFirstOrThrow();
    for (const [ii, ind] of goal.indicators.entries()) {
      const { id: indicatorId } = await trx
        .insertInto('indicator')
        .values({ goal_id: goalId, position: ii + 1, code: ind.code, title: ind.title })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [mi, m] of ind.measures.entries()) {
        const { id: measureId } = await trx
          .insertInto('measure')
          .values({
            indicator_id: indicatorId,
            position: mi + 1,
            code: ind.measures.length === 1 ? ind.code : `${ind.code}.${mi + 1}`,
            name: m.name,
            unit_label: m.unitLabel,
            value_kind: m.valueKind,
            rate_factor: m.rateFactor,
            direction: m.direction,
            rollup: m.rollup,
            lead_unit_id: m.leadUnitId,
            lead_text: m.leadText ?? '',
            ...(m.categoryComboId !== undefined ? { category_combo_id: m.categoryComboId } : {}),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const t of m.targets) {
          await trx
            .insertInto('target')
            .values({ measure_id: measureId, year: t.year, is_phase_end: t.isPhaseEnd ? 1 : 0, value: t.value, value_max: t.valueMax, text: t.text })
            .onConflict((oc) => oc.columns(['measure_id', 'year', 'is_phase_end']).doNothing())
            .execute();
        }
        for (const unitId of new Set(m.cooperatingUnitIds ?? [])) {
          await trx.insertInto('measure_cooperating_unit').values({ measure_id: measureId, unit_id: unitId }).execute();
        }
      }
    }
  }
}

export interface TaskInput {
  code: string;
  content: string;
  leadUnitId: number | null;
  /** The lead and cooperating agencies as the plan wrote them. */
  leadText: string;
  cooperatingText: string;
  timeframe: string;
  product?: string;
  cooperatingUnitIds: number[];
}

export async function insertTaskGroups(trx: Db, planId: number, groups: { code: string; title: string; tasks: TaskInput[] }[], firstPosition = 1): Promise<void> {
  for (const [gi, group] of groups.entries()) {
    const { id: groupId } = await trx
      .insertInto('task_group')
      .values({ plan_id: planId, position: firstPosition + gi, code: group.code, title: group.title })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [ti, task] of group.tasks.entries()) {
      const { id: taskId } = await trx
        .insertInto('task')
        .values({
          group_id: groupId,
          position: ti + 1,
          code: task.code,
          content: task.content,
          lead_unit_id: task.leadUnitId,
          lead_text: task.leadText,
          cooperating_text: task.cooperatingText,
          timeframe: task.timeframe,
          product: task.product ?? '',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const unitId of new Set(task.cooperatingUnitIds)) {
        if (unitId !== task.leadUnitId) await trx.insertInto('task_cooperating_unit').values({ task_id: taskId, unit_id: unitId }).execute();
      }
    }
  }
}
