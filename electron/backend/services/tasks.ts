/**
 * A plan's tasks edited by hand: groups (I, II, …) and tasks with their lead, cooperating units,
 * timeframe and product; moved up and down in the plan's order; deleted only while no report has
 * said anything of them. Each change is one transaction, audited.
 */
import type { ApiParsedArgs } from '../../../shared/api/contract';
import type { PlanDetail } from '../../../shared/api/types';
import type { Db } from '../db/connection';
import { taskProgressCount } from '../db/report-store';
import type { BackendContext } from '../context';
import { UserError, notFound } from '../errors';
import { audit } from './audit';
import { getPlan } from './plans';

async function groupRow(db: Db, id: number) {
  const g = await db.selectFrom('task_group').selectAll().where('id', '=', id).executeTakeFirst();
  if (!g) throw notFound(`nhóm nhiệm vụ số ${id}`);
  return g;
}

async function taskRow(db: Db, id: number) {
  const t = await db.selectFrom('task').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) throw notFound(`nhiệm vụ số ${id}`);
  return t;
}

async function checkUnits(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await db.selectFrom('org_unit').select('id').where('id', 'in', [...ids]).execute();
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw notFound(`đơn vị số ${missing.join(', ')}`);
}

export async function saveTaskGroup(db: Db, ctx: BackendContext, args: ApiParsedArgs<'task-group-save'>): Promise<PlanDetail> {
  await db.transaction().execute(async (trx) => {
    if (args.id !== undefined) {
      const before = await groupRow(trx, args.id);
      await trx.updateTable('task_group').set({ code: args.code, title: args.title }).where('id', '=', args.id).execute();
      await audit(trx, ctx, { entity: 'task_group', entityId: args.id, action: 'update', before, after: args });
      return;
    }
    const plan = await trx.selectFrom('plan').select('id').where('id', '=', args.planId).executeTakeFirst();
    if (!plan) throw notFound(`kế hoạch số ${args.planId}`);
    const max = await trx.selectFrom('task_group').select((eb) => eb.fn.max<number>('position').as('m')).where('plan_id', '=', args.planId).executeTakeFirst();
    const { id } = await trx.insertInto('task_group').values({ plan_id: args.planId, position: (max?.m ?? 0) + 1, code: args.code, title: args.title }).returning('id').executeTakeFirstOrThrow();
    await audit(trx, ctx, { entity: 'task_group', entityId: id, action: 'create', after: args });
  });
  return getPlan(db, args.id !== undefined ? (await groupRow(db, args.id)).plan_id : args.planId);
}

export async function saveTask(db: Db, ctx: BackendContext, args: ApiParsedArgs<'task-save'>): Promise<PlanDetail> {
  const group = await groupRow(db, args.groupId);
  await db.transaction().execute(async (trx) => {
    await checkUnits(trx, [...(args.leadUnitId !== null ? [args.leadUnitId] : []), ...args.cooperatingUnitIds]);
    const fields = {
      group_id: args.groupId,
      code: args.code,
      content: args.content,
      lead_unit_id: args.leadUnitId,
      cooperating_text: args.cooperatingText,
      timeframe: args.timeframe,
      product: args.product,
    };
    let id = args.id;
    if (id !== undefined) {
      const before = await taskRow(trx, id);
      const moved = before.group_id !== args.groupId;
      const position = moved ? await nextTaskPosition(trx, args.groupId) : before.position;
      await trx.updateTable('task').set({ ...fields, position }).where('id', '=', id).execute();
      await trx.deleteFrom('task_cooperating_unit').where('task_id', '=', id).execute();
      await audit(trx, ctx, { entity: 'task', entityId: id, action: 'update', before, after: args });
    } else {
      ({ id } = await trx
        .insertInto('task')
        .values({ ...fields, lead_text: '', position: await nextTaskPosition(trx, args.groupId) })
        .returning('id')
        .executeTakeFirstOrThrow());
      await audit(trx, ctx, { entity: 'task', entityId: id, action: 'create', after: args });
    }
    for (const unitId of new Set(args.cooperatingUnitIds)) {
      if (unitId !== args.leadUnitId) await trx.insertInto('task_cooperating_unit').values({ task_id: id, unit_id: unitId }).execute();
    }
  });
  return getPlan(db, group.plan_id);
}

async function nextTaskPosition(db: Db, groupId: number): Promise<number> {
  const max = await db.selectFrom('task').select((eb) => eb.fn.max<number>('position').as('m')).where('group_id', '=', groupId).executeTakeFirst();
  return (max?.m ?? 0) + 1;
}

/** One place up or down within its group. */
export async function moveTask(db: Db, ctx: BackendContext, args: ApiParsedArgs<'task-move'>): Promise<PlanDetail> {
  const task = await taskRow(db, args.id);
  await db.transaction().execute(async (trx) => {
    const siblings = await trx.selectFrom('task').select(['id', 'position', 'code']).where('group_id', '=', task.group_id).orderBy('position').execute();
    const i = siblings.findIndex((s) => s.id === task.id);
    const j = args.direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= siblings.length) throw new UserError('validation', args.direction === 'up' ? 'Nhiệm vụ đã ở đầu nhóm.' : 'Nhiệm vụ đã ở cuối nhóm.');
    const order = [...siblings];
    [order[i], order[j]] = [order[j]!, order[i]!];
    // Numbers 1, 2, 3 … follow the new order, unless reports already name the tasks by their numbers.
    const numbered = siblings.every((s, k) => s.code === String(k + 1)) && (await taskProgressCount(trx, siblings.map((s) => s.id))) === 0;
    for (const [k, s] of order.entries()) {
      await trx.updateTable('task').set({ position: k + 1, ...(numbered ? { code: String(k + 1) } : {}) }).where('id', '=', s.id).execute();
    }
    await audit(trx, ctx, { entity: 'task', entityId: task.id, action: `move ${args.direction}`, before: { position: task.position } });
  });
  return getPlan(db, (await groupRow(db, task.group_id)).plan_id);
}

export async function deleteTask(db: Db, ctx: BackendContext, id: number): Promise<PlanDetail> {
  const task = await taskRow(db, id);
  const group = await groupRow(db, task.group_id);
  await db.transaction().execute(async (trx) => {
    const used = await taskProgressCount(trx, [id]);
    if (used > 0) throw new UserError('conflict', `Đã có ${used} báo cáo nói về nhiệm vụ ${group.code}.${task.code}; không thể xóa.`);
    await trx.deleteFrom('task').where('id', '=', id).execute();
    await audit(trx, ctx, { entity: 'task', entityId: id, action: 'delete', before: task });
  });
  return getPlan(db, group.plan_id);
}

export async function deleteTaskGroup(db: Db, ctx: BackendContext, id: number): Promise<PlanDetail> {
  const group = await groupRow(db, id);
  await db.transaction().execute(async (trx) => {
    const tasks = await trx.selectFrom('task').select('id').where('group_id', '=', id).execute();
    const used = await taskProgressCount(trx, tasks.map((t) => t.id));
    if (used > 0) throw new UserError('conflict', `Đã có ${used} báo cáo nói về các nhiệm vụ của nhóm ${group.code}; không thể xóa.`);
    await trx.deleteFrom('task_group').where('id', '=', id).execute();
    await audit(trx, ctx, { entity: 'task_group', entityId: id, action: 'delete', before: { ...group, tasks: tasks.length } });
  });
  return getPlan(db, group.plan_id);
}
