/**
 * Loads the demo: the real Kon Tum plans (2024 indicator table, 2025 task table, their parent
 * plan) and units, in one transaction. Loading twice changes nothing.
 */
import { parseTarget, unitLabelForFactor, type RateFactor } from '../../../shared/domain/measure';
import type { Db } from '../db/connection';
import { nowIso, type BackendContext } from '../context';
import { audit } from '../services/audit';
import { ensureBreakdown } from '../services/breakdowns';
import { DEMO_HISTORY_START, KONTUM_DISTRICTS, KONTUM_UNITS } from './kontum-units';
import { KONTUM_2024_GOALS, KONTUM_2024_PLAN, KONTUM_PARENT_PLAN } from './kontum-2024-plan';
import { KONTUM_2025_CRC_PLAN, KONTUM_2025_TASK_GROUPS } from './kontum-2025-tasks';

const DEMO_SETTING = 'demoPlanId';

export async function demoPlanId(db: Db): Promise<number | null> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', DEMO_SETTING).executeTakeFirst();
  if (!row) return null;
  const plan = await db.selectFrom('plan').select('id').where('id', '=', Number(row.value)).executeTakeFirst();
  return plan?.id ?? null;
}

function factorOf(unit: string): RateFactor | null {
  return unit === '%' ? 100 : unit === '‰' ? 1000 : unit === '/100.000' ? 100000 : null;
}

export async function loadDemo(db: Db, ctx: BackendContext): Promise<{ planId: number; created: boolean }> {
  const existing = await demoPlanId(db);
  if (existing !== null) return { planId: existing, created: false };
  // Breakdowns the ministry's indicator set uses; the plan's 24 indicators use none.
  await ensureBreakdown(db, 'sex', 'Giới tính', [{ name: 'Giới tính', options: ['Nam', 'Nữ'] }]);
  await ensureBreakdown(db, 'sex-age', 'Giới tính × nhóm tuổi', [
    { name: 'Giới tính', options: ['Nam', 'Nữ'] },
    { name: 'Nhóm tuổi', options: ['Dưới 6 tuổi', 'Từ 6 đến dưới 11 tuổi', 'Từ 11 đến dưới 16 tuổi'] },
  ]);
  const now = nowIso(ctx);
  const planId = await db.transaction().execute(async (trx) => {
    const unitIds = new Map<string, number>();
    for (const row of await trx.selectFrom('org_unit').select(['id', 'code']).execute()) unitIds.set(row.code, row.id);
    for (const u of KONTUM_UNITS) {
      if (unitIds.has(u.code)) continue;
      const { id } = await trx
        .insertInto('org_unit')
        .values({ code: u.code, kind: u.kind, created_on: DEMO_HISTORY_START, dissolved_on: null, successor_id: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      unitIds.set(u.code, id);
      const { id: eventId } = await trx
        .insertInto('org_event')
        .values({ kind: 'create', effective_on: DEMO_HISTORY_START, note: 'Dữ liệu ban đầu', created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('org_event_unit').values({ event_id: eventId, unit_id: id, role: 'subject' }).execute();
      await trx
        .insertInto('org_unit_version')
        .values({ unit_id: id, name: u.name, short_name: null, parent_id: u.parent ? unitIds.get(u.parent)! : null, valid_from: DEMO_HISTORY_START, valid_to: null, event_id: eventId })
        .execute();
    }

    const insertPlan = async (p: Omit<typeof KONTUM_PARENT_PLAN, 'issuedOn'> & { issuedOn: string | null }, parentPlanId: number | null) =>
      (
        await trx
          .insertInto('plan')
          .values({
            number: p.number,
            title: p.title,
            issuer_name: p.issuerName,
            issued_on: p.issuedOn,
            year_from: p.yearFrom,
            year_to: p.yearTo,
            parent_plan_id: parentPlanId,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;

    const parentId = await insertPlan(KONTUM_PARENT_PLAN, null);
    const planId = await insertPlan({ ...KONTUM_2024_PLAN }, parentId);
    const districtIds = KONTUM_DISTRICTS.map((d) => unitIds.get(d.code)!);

    for (const [gi, goal] of KONTUM_2024_GOALS.entries()) {
      const { id: goalId } = await trx.insertInto('goal').values({ plan_id: planId, position: gi + 1, code: goal.code, title: goal.title }).returning('id').executeTakeFirstOrThrow();
      for (const [ii, ind] of goal.indicators.entries()) {
        const { id: indicatorId } = await trx
          .insertInto('indicator')
          .values({ goal_id: goalId, position: ii + 1, code: ind.code, title: ind.title })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const [mi, m] of ind.measures.entries()) {
          const factor = factorOf(m.unit);
          const { id: measureId } = await trx
            .insertInto('measure')
            .values({
              indicator_id: indicatorId,
              position: mi + 1,
              code: ind.measures.length === 1 ? ind.code : `${ind.code}.${mi + 1}`,
              name: m.name,
              unit_label: factor ? unitLabelForFactor(factor) : m.unit,
              value_kind: factor ? 'rate' : 'count',
              rate_factor: factor,
              direction: m.direction,
              rollup: m.rollup,
              lead_unit_id: unitIds.get(ind.lead)!,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          const [phaseEnd, year] = m.targets;
          for (const [text, y, isPhaseEnd] of [[phaseEnd, KONTUM_2024_PLAN.phaseEndYear, 1], [year, KONTUM_2024_PLAN.yearFrom, 0]] as const) {
            const parsed = parseTarget(text);
            if (!parsed.ok) throw new Error(`demo target ${ind.code}: ${parsed.error}`);
            await trx
              .insertInto('target')
              .values({ measure_id: measureId, year: y, is_phase_end: isPhaseEnd, value: parsed.target.value, value_max: parsed.target.valueMax, text })
              .execute();
          }
          for (const unitId of districtIds) await trx.insertInto('measure_cooperating_unit').values({ measure_id: measureId, unit_id: unitId }).execute();
        }
      }
    }

    const crcId = await insertPlan({ ...KONTUM_2025_CRC_PLAN }, null);
    for (const [gi, group] of KONTUM_2025_TASK_GROUPS.entries()) {
      const { id: groupId } = await trx
        .insertInto('task_group')
        .values({ plan_id: crcId, position: gi + 1, code: group.code, title: group.title })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [ti, task] of group.tasks.entries()) {
        const { id: taskId } = await trx
          .insertInto('task')
          .values({
            group_id: groupId,
            position: ti + 1,
            code: String(ti + 1),
            content: task.content,
            lead_unit_id: unitIds.get(task.lead)!,
            lead_text: '',
            cooperating_text: task.cooperating,
            timeframe: task.timeframe,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (task.cooperating.includes('UBND các huyện, thành phố')) {
          for (const unitId of districtIds) await trx.insertInto('task_cooperating_unit').values({ task_id: taskId, unit_id: unitId }).execute();
        }
      }
    }

    await trx.insertInto('setting').values({ key: DEMO_SETTING, value: String(planId) }).onConflict((oc) => oc.column('key').doUpdateSet({ value: String(planId) })).execute();
    await audit(trx, ctx, { entity: 'demo', entityId: planId, action: 'load', after: { plans: [parentId, planId, crcId] } });
    return planId;
  });
  return { planId, created: true };
}
