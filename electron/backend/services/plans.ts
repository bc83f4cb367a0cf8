/** Plans and their structure: goals → indicators → measures (with targets), and tasks. */
import type { ApiParsedArgs } from '../../../shared/api/contract';
import type { GoalDto, IndicatorDto, MeasureDto, PlanDetail, PlanSummary, TargetDto, TaskDto } from '../../../shared/api/types';
import { parseTarget, targetOfYear, type Direction, type RateFactor, type Rollup, type ValueKind } from '../../../shared/domain/measure';
import type { Db } from '../db/connection';
import type { Flag } from '../db/schema';
import { cachedRead } from '../db/read-cache';
import { partValueCount, valueCountForMeasures } from '../db/report-store';
import { NO_BREAKDOWN, breakdownFor, breakdownsOf } from './breakdowns';
import { defaultReporters, type Reporters } from '../../../shared/domain/who-reports';
import { displayDecimals, plausibleRange } from '../../../shared/domain/plausibility';
import { nowIso, type BackendContext } from '../context';
import { UserError, notFound } from '../errors';
import { audit } from './audit';
import { assertPlanChangeKeepsSubmitted } from './locks';
import { insertPlanRow } from './plan-writer';
import { unitNamesOn } from './units';
import { groupBy } from '../../../shared/domain/group';


export async function listPlans(db: Db): Promise<PlanSummary[]> {
  const plans = await db
    .selectFrom('plan as p')
    .leftJoin('plan as parent', 'parent.id', 'p.parent_plan_id')
    .select([
      'p.id', 'p.number', 'p.title', 'p.issuer_name', 'p.issued_on', 'p.year_from', 'p.year_to', 'p.parent_plan_id', 'p.issuer_unit_id', 'p.is_sample',
      'parent.number as parent_number',
      (eb) => eb.selectFrom('goal').select((e) => e.fn.countAll<number>().as('n')).whereRef('goal.plan_id', '=', 'p.id').as('goal_count'),
      (eb) =>
        eb.selectFrom('indicator').innerJoin('goal', 'goal.id', 'indicator.goal_id').select((e) => e.fn.countAll<number>().as('n')).whereRef('goal.plan_id', '=', 'p.id').as('indicator_count'),
      (eb) =>
        eb
          .selectFrom('measure')
          .innerJoin('indicator', 'indicator.id', 'measure.indicator_id')
          .innerJoin('goal', 'goal.id', 'indicator.goal_id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('goal.plan_id', '=', 'p.id')
          .as('measure_count'),
      (eb) =>
        eb.selectFrom('task').innerJoin('task_group', 'task_group.id', 'task.group_id').select((e) => e.fn.countAll<number>().as('n')).whereRef('task_group.plan_id', '=', 'p.id').as('task_count'),
    ])
    .orderBy('p.year_from', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  return plans.map((p) => ({
    id: p.id,
    number: p.number,
    title: p.title,
    issuerName: p.issuer_name,
    issuedOn: p.issued_on,
    yearFrom: p.year_from,
    yearTo: p.year_to,
    parentPlanId: p.parent_plan_id,
    parentPlanNumber: p.parent_number ?? null,
    issuerUnitId: p.issuer_unit_id,
    goalCount: Number(p.goal_count ?? 0),
    indicatorCount: Number(p.indicator_count ?? 0),
    measureCount: Number(p.measure_count ?? 0),
    taskCount: Number(p.task_count ?? 0),
    isSample: p.is_sample === 1,
  }));
}

async function planSummary(db: Db, id: number): Promise<PlanSummary> {
  const plan = (await listPlans(db)).find((p) => p.id === id);
  if (!plan) throw notFound(`kế hoạch số ${id}`);
  return plan;
}

/** A plan with its lead units named as on `asOf` (a period's cut-off date), or by their latest names. */
/** A plan with its goals, indicators, measures, targets and tasks, lead units named as on `asOf`; kept until a plan or unit table changes. */
export async function getPlan(db: Db, id: number, asOf?: string): Promise<PlanDetail> {
  // A copy: callers may shape what they get.
  return structuredClone(await cachedRead(db, ['plans', 'units'], `plan:${id}:${asOf ?? ''}`, () => readPlan(db, id, asOf)));
}

async function readPlan(db: Db, id: number, asOf?: string): Promise<PlanDetail> {
  const summary = await planSummary(db, id);
  const names = await unitNamesOn(db, asOf ?? '9999-12-31');
  const goals = await db.selectFrom('goal').selectAll().where('plan_id', '=', id).orderBy('position').execute();
  const indicators = await db
    .selectFrom('indicator')
    .innerJoin('goal', 'goal.id', 'indicator.goal_id')
    .selectAll('indicator')
    .where('goal.plan_id', '=', id)
    .orderBy('indicator.position')
    .execute();
  const measures = await measuresOfPlan(db, id, undefined, names, asOf);
  const tasks = await db
    .selectFrom('task as t')
    .innerJoin('task_group as g', 'g.id', 't.group_id')
    .select(['t.id', 't.code', 't.position', 't.group_id', 't.content', 't.lead_unit_id', 't.lead_text', 't.cooperating_text', 't.timeframe', 't.product', 'g.code as group_code', 'g.title as group_title'])
    .where('g.plan_id', '=', id)
    .orderBy('g.position')
    .orderBy('t.position')
    .execute();
  const taskGroups = await db.selectFrom('task_group').select(['id', 'code', 'title']).where('plan_id', '=', id).orderBy('position').execute();
  const coopRows = tasks.length ? await db.selectFrom('task_cooperating_unit').selectAll().where('task_id', 'in', tasks.map((t) => t.id)).execute() : [];
  const coopOf = groupBy(coopRows, (c) => c.task_id, (c) => c.unit_id);
  const targetColumns = new Map<string, { year: number; isPhaseEnd: boolean }>();
  for (const m of measures) for (const t of m.targets) targetColumns.set(`${t.year}:${t.isPhaseEnd}`, { year: t.year, isPhaseEnd: t.isPhaseEnd });
  return {
    ...summary,
    sections: [{ planId: summary.id, number: summary.number, title: summary.title, isSample: summary.isSample, prefix: '', goalIds: goals.map((g) => g.id), taskGroupIds: taskGroups.map((g) => g.id) }],
    goals: goals.map<GoalDto>((g) => ({
      id: g.id,
      position: g.position,
      code: g.code,
      title: g.title,
      indicators: indicators
        .filter((i) => i.goal_id === g.id)
        .map<IndicatorDto>((i) => ({ id: i.id, goalId: g.id, position: i.position, code: i.code, title: i.title, measures: measures.filter((m) => m.indicatorId === i.id) })),
    })),
    taskGroups,
    tasks: tasks.map<TaskDto>((t) => ({
      id: t.id,
      groupCode: t.group_code,
      groupTitle: t.group_title,
      code: t.code,
      content: t.content,
      leadUnitId: t.lead_unit_id,
      leadName: (t.lead_unit_id !== null ? names.get(t.lead_unit_id) : undefined) ?? t.lead_text,
      cooperatingText: t.cooperating_text,
      timeframe: t.timeframe,
      product: t.product,
      cooperatingUnitIds: coopOf.get(t.id) ?? [],
      position: t.position,
      groupId: t.group_id,
    })),
    // Phase-end columns first (as in the plans' appendix), then years ascending.
    targetColumns: [...targetColumns.values()].sort((a, b) => Number(b.isPhaseEnd) - Number(a.isPhaseEnd) || a.year - b.year),
  };
}

async function measuresOfPlan(db: Db, planId: number, measureId?: number, unitNames?: Map<number, string>, asOf?: string): Promise<MeasureDto[]> {
  const names = unitNames ?? (await unitNamesOn(db, '9999-12-31'));
  let q = db
    .selectFrom('measure as m')
    .innerJoin('indicator as i', 'i.id', 'm.indicator_id')
    .innerJoin('goal as g', 'g.id', 'i.goal_id')
    .innerJoin('category_combo as cc', 'cc.id', 'm.category_combo_id')
    .selectAll('m')
    .select(['cc.name as combo_name'])
    .where('g.plan_id', '=', planId)
    .orderBy('g.position')
    .orderBy('i.position')
    .orderBy('m.position');
  if (measureId !== undefined) q = q.where('m.id', '=', measureId);
  const rows = await q.execute();
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const targets = await db.selectFrom('target').selectAll().where('measure_id', 'in', ids).orderBy('is_phase_end', 'desc').orderBy('year').execute();
  const coops = await db.selectFrom('measure_cooperating_unit').selectAll().where('measure_id', 'in', ids).execute();
  const breakdowns = new Map((await breakdownsOf(db, rows.map((r) => r.category_combo_id), asOf)).map((b) => [b.id, b]));
  const linked = rows.flatMap((r) => (r.catalogue_indicator_id !== null ? [r.catalogue_indicator_id] : []));
  const indicators = linked.length
    ? await db
        .selectFrom('catalogue_indicator as ci')
        .innerJoin('catalogue as c', 'c.id', 'ci.catalogue_id')
        .select(['ci.id', 'ci.catalogue_id', 'c.code as catalogue_code', 'ci.annex', 'ci.code', 'ci.name'])
        .where('ci.id', 'in', linked)
        .execute()
    : [];
  return rows.map((m) => ({
    id: m.id,
    indicatorId: m.indicator_id,
    position: m.position,
    code: m.code,
    name: m.name,
    unitLabel: m.unit_label,
    valueKind: m.value_kind as ValueKind,
    rateFactor: m.rate_factor as RateFactor | null,
    direction: m.direction as Direction,
    rollup: m.rollup as Rollup,
    leadUnitId: m.lead_unit_id,
    leadUnitName: m.lead_unit_id !== null ? (names.get(m.lead_unit_id) ?? null) : null,
    leadText: m.lead_text,
    cooperatingUnitIds: coops.filter((c) => c.measure_id === m.id).map((c) => c.unit_id),
    breakdownId: m.category_combo_id,
    breakdownName: m.combo_name,
    breakdown: breakdowns.get(m.category_combo_id) ?? null,
    ...reportersOf(m.reporters as Reporters | null, m.rollup as Rollup),
    numeratorLabel: m.numerator_label,
    denominatorLabel: m.denominator_label,
    catalogueIndicator: ((ci) => (ci ? { id: ci.id, catalogueId: ci.catalogue_id, catalogueCode: ci.catalogue_code, annex: ci.annex, code: ci.code, name: ci.name } : null))(
      indicators.find((x) => x.id === m.catalogue_indicator_id),
    ),
    ...rulesOf(m, targets.filter((t) => t.measure_id === m.id)),
  }));
}

/** A measure's targets and the rules of its figures: negatives, decimals, plausible range (set, or derived). */
function rulesOf(
  m: { value_kind: string; rate_factor: number | null; unit_label: string; allows_negative: number; decimals: number | null; min_value: number | null; max_value: number | null },
  rows: { year: number; is_phase_end: number; value: number; value_max: number | null; text: string }[],
): Pick<MeasureDto, 'targets' | 'allowsNegative' | 'decimals' | 'displayDecimals' | 'minValue' | 'maxValue' | 'range'> {
  const targets = rows.map<TargetDto>((t) => ({ year: t.year, isPhaseEnd: t.is_phase_end === 1, value: t.value, valueMax: t.value_max, text: t.text }));
  const rules = { valueKind: m.value_kind as ValueKind, rateFactor: m.rate_factor as RateFactor | null, unitLabel: m.unit_label, decimals: m.decimals, minValue: m.min_value, maxValue: m.max_value, allowsNegative: m.allows_negative === 1, targets };
  return { targets, allowsNegative: rules.allowsNegative, decimals: m.decimals, displayDecimals: displayDecimals(rules), minValue: m.min_value, maxValue: m.max_value, range: plausibleRange(rules) };
}

/** Who reports a measure: as set on it, or its roll-up rule's default, with the reason. */
function reportersOf(set: Reporters | null, rollup: Rollup): Pick<MeasureDto, 'reporters' | 'reportersSet' | 'reportersWhy'> {
  if (set) return { reporters: set, reportersSet: true, reportersWhy: 'đặt cho chỉ số này' };
  const d = defaultReporters({ rollup });
  return { reporters: d.reporters, reportersSet: false, reportersWhy: `mặc định: ${d.why}` };
}

export function checkPlanFields(args: ApiParsedArgs<'plan-create'>): void {
  if (args.yearTo < args.yearFrom) throw new UserError('validation', `Năm kết thúc (${args.yearTo}) không được trước năm bắt đầu (${args.yearFrom}).`);
}

export async function createPlan(db: Db, ctx: BackendContext, args: ApiParsedArgs<'plan-create'>, options: { isSample?: boolean } = {}): Promise<PlanSummary> {
  checkPlanFields(args);
  const id = await db.transaction().execute(async (trx) => {
    if (args.parentPlanId !== null) await planSummary(trx, args.parentPlanId);
    const id = await insertPlanRow(trx, nowIso(ctx), args);
    if (options.isSample) await trx.updateTable('plan').set({ is_sample: 1 }).where('id', '=', id).execute();
    await audit(trx, ctx, { entity: 'plan', entityId: id, action: 'create', after: args });
    return id;
  });
  return planSummary(db, id);
}

export async function updatePlan(db: Db, ctx: BackendContext, args: ApiParsedArgs<'plan-update'>): Promise<PlanSummary> {
  checkPlanFields(args);
  await db.transaction().execute(async (trx) => {
    const before = await planSummary(trx, args.id);
    if (args.parentPlanId === args.id) throw new UserError('validation', 'Kế hoạch không thể là kế hoạch cấp trên của chính nó.');
    if (args.parentPlanId !== null) await planSummary(trx, args.parentPlanId);
    await trx
      .updateTable('plan')
      .set({
        number: args.number,
        title: args.title,
        issuer_name: args.issuerName,
        issued_on: args.issuedOn,
        year_from: args.yearFrom,
        year_to: args.yearTo,
        parent_plan_id: args.parentPlanId,
        ...(args.issuerUnitId !== undefined ? { issuer_unit_id: args.issuerUnitId } : {}),
        updated_at: nowIso(ctx),
      })
      .where('id', '=', args.id)
      .execute();
    await audit(trx, ctx, { entity: 'plan', entityId: args.id, action: 'update', before, after: args });
  });
  return planSummary(db, args.id);
}

export async function deletePlan(db: Db, ctx: BackendContext, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await planSummary(trx, id);
    const periods = await trx.selectFrom('reporting_period').select('id').where('plan_id', '=', id).execute();
    if (periods.length > 0) {
      throw new UserError('conflict', `Kế hoạch "${before.title}" đã có ${periods.length} kỳ báo cáo; không thể xóa để tránh mất số liệu đã nhận.`);
    }
    const collected = await trx.selectFrom('period_plan').select('period_id').where('plan_id', '=', id).execute();
    if (collected.length > 0) {
      throw new UserError('conflict', `Kế hoạch "${before.title}" được gộp vào ${collected.length} kỳ báo cáo của kế hoạch khác; hãy bỏ kế hoạch khỏi kỳ đó trước khi xóa.`);
    }
    await trx.deleteFrom('plan').where('id', '=', id).execute();
    await audit(trx, ctx, { entity: 'plan', entityId: id, action: 'delete', before });
  });
}

async function nextPosition(db: Db, table: 'goal' | 'indicator' | 'measure', parentColumn: 'plan_id' | 'goal_id' | 'indicator_id', parentId: number): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max<number>('position').as('max'))
    .where(parentColumn as never, '=', parentId as never)
    .executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

export async function saveGoal(db: Db, ctx: BackendContext, args: ApiParsedArgs<'goal-save'>): Promise<GoalDto> {
  const id = await db.transaction().execute(async (trx) => {
    await planSummary(trx, args.planId);
    if (args.id !== undefined) {
      const before = await trx.selectFrom('goal').selectAll().where('id', '=', args.id).executeTakeFirst();
      if (!before) throw notFound(`mục tiêu số ${args.id}`);
      await trx.updateTable('goal').set({ code: args.code, title: args.title }).where('id', '=', args.id).execute();
      await audit(trx, ctx, { entity: 'goal', entityId: args.id, action: 'update', before, after: args });
      return args.id;
    }
    const { id } = await trx
      .insertInto('goal')
      .values({ plan_id: args.planId, position: await nextPosition(trx, 'goal', 'plan_id', args.planId), code: args.code, title: args.title })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, { entity: 'goal', entityId: id, action: 'create', after: args });
    return id;
  });
  const plan = await getPlan(db, args.planId);
  return plan.goals.find((g) => g.id === id)!;
}

export async function saveIndicator(db: Db, ctx: BackendContext, args: ApiParsedArgs<'indicator-save'>): Promise<IndicatorDto> {
  const goal = await db.selectFrom('goal').selectAll().where('id', '=', args.goalId).executeTakeFirst();
  if (!goal) throw notFound(`mục tiêu số ${args.goalId}`);
  const id = await db.transaction().execute(async (trx) => {
    if (args.id !== undefined) {
      const before = await trx.selectFrom('indicator').selectAll().where('id', '=', args.id).executeTakeFirst();
      if (!before) throw notFound(`chỉ tiêu số ${args.id}`);
      await trx.updateTable('indicator').set({ code: args.code, title: args.title, goal_id: args.goalId }).where('id', '=', args.id).execute();
      await audit(trx, ctx, { entity: 'indicator', entityId: args.id, action: 'update', before, after: args });
      return args.id;
    }
    const { id } = await trx
      .insertInto('indicator')
      .values({ goal_id: args.goalId, position: await nextPosition(trx, 'indicator', 'goal_id', args.goalId), code: args.code, title: args.title })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, { entity: 'indicator', entityId: id, action: 'create', after: args });
    return id;
  });
  const plan = await getPlan(db, goal.plan_id);
  return plan.goals.flatMap((g) => g.indicators).find((i) => i.id === id)!;
}

/** The rules a measure's fields must satisfy together; each failure says what to change. */
export function checkMeasure(args: ApiParsedArgs<'measure-save'>): { year: number; isPhaseEnd: boolean; value: number; valueMax: number | null; text: string }[] {
  if (args.valueKind === 'rate' && args.rateFactor === null) throw new UserError('validation', 'Chỉ số dạng tỷ lệ cần hệ số (100, 1.000 hoặc 100.000).');
  if (args.valueKind !== 'rate' && args.rateFactor !== null) throw new UserError('validation', 'Chỉ số không phải tỷ lệ thì không có hệ số.');
  if (args.rollup === 'ratio' && args.valueKind !== 'rate') throw new UserError('validation', 'Cách tổng hợp "tổng tử số / tổng mẫu số" chỉ dùng cho chỉ số dạng tỷ lệ.');
  if (args.rollup === 'lead' && args.leadUnitId === null) throw new UserError('validation', 'Cách tổng hợp "lấy số của đơn vị chủ trì" cần chọn đơn vị chủ trì.');
  const seen = new Set<string>();
  return args.targets.map((t) => {
    const where = `chỉ tiêu ${t.isPhaseEnd ? 'đến năm' : 'năm'} ${t.year}`;
    const key = `${t.year}:${t.isPhaseEnd}`;
    if (seen.has(key)) throw new UserError('validation', `${where} bị nhập hai lần.`);
    seen.add(key);
    const parsed = parseTarget(t.text);
    if (!parsed.ok) throw new UserError('validation', `${where}: ${parsed.error}.`);
    const isRange = parsed.target.valueMax !== null;
    if (args.direction === 'range' && !isRange) throw new UserError('validation', `${where}: hướng "trong khoảng" cần một khoảng, ví dụ 2,0-3,0.`);
    if (args.direction !== 'range' && isRange) throw new UserError('validation', `${where}: "${t.text}" là một khoảng; hãy chọn hướng "Trong khoảng".`);
    if (args.valueKind === 'rate' && args.rateFactor === 100 && (parsed.target.value < 0 || (parsed.target.valueMax ?? parsed.target.value) > 100)) {
      throw new UserError('validation', `${where}: tỷ lệ phần trăm phải từ 0 đến 100.`);
    }
    return { year: t.year, isPhaseEnd: t.isPhaseEnd, ...parsed.target, text: t.text.trim() };
  });
}

export async function saveMeasure(db: Db, ctx: BackendContext, args: ApiParsedArgs<'measure-save'>): Promise<MeasureDto> {
  const targets = checkMeasure(args);
  const indicator = await db
    .selectFrom('indicator')
    .innerJoin('goal', 'goal.id', 'indicator.goal_id')
    .select(['indicator.id', 'indicator.code', 'goal.plan_id'])
    .where('indicator.id', '=', args.indicatorId)
    .executeTakeFirst();
  if (!indicator) throw notFound(`chỉ tiêu số ${args.indicatorId}`);
  if (args.minValue != null && args.maxValue != null && args.maxValue < args.minValue) {
    throw new UserError('validation', `Khoảng hợp lý của chỉ số: giá trị lớn nhất (${args.maxValue}) nhỏ hơn giá trị nhỏ nhất (${args.minValue}).`);
  }
  const id = await db.transaction().execute(async (trx) => {
    const fields = {
      indicator_id: args.indicatorId,
      name: args.name,
      unit_label: args.unitLabel,
      value_kind: args.valueKind,
      rate_factor: args.rateFactor,
      direction: args.direction,
      rollup: args.rollup,
      lead_unit_id: args.leadUnitId,
      ...(args.reporters !== undefined ? { reporters: args.reporters } : {}),
      ...(args.numeratorLabel !== undefined ? { numerator_label: args.numeratorLabel } : {}),
      ...(args.denominatorLabel !== undefined ? { denominator_label: args.denominatorLabel } : {}),
      ...(args.allowsNegative !== undefined ? { allows_negative: (args.allowsNegative ? 1 : 0) as Flag } : {}),
      ...(args.decimals !== undefined ? { decimals: args.decimals } : {}),
      ...(args.minValue !== undefined ? { min_value: args.minValue } : {}),
      ...(args.maxValue !== undefined ? { max_value: args.maxValue } : {}),
    };
    if (args.catalogueIndicatorId) {
      const exists = await trx.selectFrom('catalogue_indicator').select('id').where('id', '=', args.catalogueIndicatorId).executeTakeFirst();
      if (!exists) throw notFound(`chỉ tiêu thống kê số ${args.catalogueIndicatorId}`);
    }
    const link = args.catalogueIndicatorId === undefined ? {} : { catalogue_indicator_id: args.catalogueIndicatorId };
    let id: number;
    let before: MeasureDto | undefined;
    if (args.id !== undefined) {
      before = (await measuresOfPlan(trx, indicator.plan_id, args.id))[0];
      if (!before) throw notFound(`chỉ số số ${args.id}`);
    }
    const comboId = args.categoryIds === undefined ? (before?.breakdownId ?? NO_BREAKDOWN) : await breakdownFor(trx, args.categoryIds);
    // A submitted period's figures and assessments stay as they were sent.
    await assertPlanChangeKeepsSubmitted(trx, indicator.plan_id, before ? `sửa chỉ số ${before.code}` : 'thêm chỉ số', (year) => {
      if (!before) return true;
      const target = (list: readonly { year: number; isPhaseEnd: boolean; text: string }[]) => targetOfYear(list, year)?.text ?? null;
      return (
        target(before.targets) !== target(targets) ||
        before.valueKind !== args.valueKind ||
        before.rateFactor !== args.rateFactor ||
        before.direction !== args.direction ||
        before.rollup !== args.rollup ||
        before.leadUnitId !== args.leadUnitId ||
        (args.reporters !== undefined && args.reporters !== before.reporters) ||
        comboId !== before.breakdownId
      );
    });
    if (comboId !== NO_BREAKDOWN && (args.valueKind === 'text' || args.valueKind === 'boolean')) {
      throw new UserError('validation', 'Chỉ số dạng chữ hoặc Có/Không không phân tổ được; chỉ số lượng và tỷ lệ có phân tổ.');
    }
    if (before && comboId !== before.breakdownId) {
      const parts = await partValueCount(trx, before.id);
      if (parts > 0) {
        throw new UserError('conflict', `Chỉ số ${before.code} đã có ${parts} số liệu phân tổ theo "${before.breakdownName}"; không đổi phân tổ được (số liệu cũ sẽ không còn khớp). Hãy tạo chỉ số mới nếu cần phân tổ khác.`);
      }
    }
    if (before) {
      await trx.updateTable('measure').set({ ...fields, ...link, category_combo_id: comboId, code: args.code || before.code }).where('id', '=', before.id).execute();
      id = before.id;
    } else {
      const position = await nextPosition(trx, 'measure', 'indicator_id', args.indicatorId);
      const code = args.code || (position === 1 ? indicator.code : `${indicator.code}.${position}`);
      id = (await trx.insertInto('measure').values({ ...fields, ...link, category_combo_id: comboId, position, code }).returning('id').executeTakeFirstOrThrow()).id;
    }
    await checkMeasureCodeUnique(trx, indicator.plan_id, id);
    await trx.deleteFrom('target').where('measure_id', '=', id).execute();
    for (const t of targets) {
      await trx
        .insertInto('target')
        .values({ measure_id: id, year: t.year, is_phase_end: t.isPhaseEnd ? 1 : 0, value: t.value, value_max: t.valueMax, text: t.text })
        .execute();
    }
    await trx.deleteFrom('measure_cooperating_unit').where('measure_id', '=', id).execute();
    for (const unitId of new Set(args.cooperatingUnitIds)) await trx.insertInto('measure_cooperating_unit').values({ measure_id: id, unit_id: unitId }).execute();
    await audit(trx, ctx, { entity: 'measure', entityId: id, action: before ? 'update' : 'create', before, after: args });
    return id;
  });
  return (await measuresOfPlan(db, indicator.plan_id, id))[0]!;
}

async function checkMeasureCodeUnique(db: Db, planId: number, measureId: number): Promise<void> {
  const all = await measuresOfPlan(db, planId);
  const mine = all.find((m) => m.id === measureId)!;
  if (all.some((m) => m.id !== measureId && m.code === mine.code)) {
    throw new UserError('conflict', `Mã chỉ số "${mine.code}" đã có trong kế hoạch này; mỗi chỉ số cần một mã riêng.`);
  }
}

export async function deleteNode(db: Db, ctx: BackendContext, entity: 'goal' | 'indicator' | 'measure', id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom(entity).selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound(`${entity === 'goal' ? 'mục tiêu' : entity === 'indicator' ? 'chỉ tiêu' : 'chỉ số'} số ${id}`);
    const measures = await trx
      .selectFrom('measure as m')
      .innerJoin('indicator as i', 'i.id', 'm.indicator_id')
      .select('m.id')
      .where(entity === 'goal' ? 'i.goal_id' : entity === 'indicator' ? 'i.id' : 'm.id', '=', id)
      .execute();
    const planId = (entity === 'goal' ? before.plan_id : (await trx.selectFrom('measure as m').innerJoin('indicator as i', 'i.id', 'm.indicator_id').innerJoin('goal as g', 'g.id', 'i.goal_id').select('g.plan_id').where(entity === 'indicator' ? 'i.id' : 'm.id', '=', id).executeTakeFirst())?.plan_id) as number | undefined;
    if (planId !== undefined && measures.length) await assertPlanChangeKeepsSubmitted(trx, planId, `xóa ${entity === 'goal' ? 'mục tiêu' : entity === 'indicator' ? 'chỉ tiêu' : 'chỉ số'} này`, () => true);
    const used = await valueCountForMeasures(trx, measures.map((m) => m.id));
    if (used > 0) throw new UserError('conflict', `Đã có ${used} số liệu báo cáo gắn với mục này; không thể xóa.`);
    await trx.deleteFrom(entity).where('id', '=', id).execute();
    await audit(trx, ctx, { entity, entityId: id, action: 'delete', before });
  });
}

/** Who reports several measures at once (null: each one's default), in one transaction, audited. */
export async function setReporters(db: Db, ctx: BackendContext, measureIds: readonly number[], reporters: Reporters | null): Promise<{ updated: number }> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('measure').select(['id', 'code', 'reporters']).where('id', 'in', [...measureIds]).execute();
    const missing = measureIds.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length) throw notFound(`chỉ số số ${missing.join(', ')}`);
    await trx.updateTable('measure').set({ reporters }).where('id', 'in', [...measureIds]).execute();
    for (const r of rows) await audit(trx, ctx, { entity: 'measure', entityId: r.id, action: 'reporters', before: { reporters: r.reporters }, after: { reporters } });
    return { updated: rows.length };
  });
}
