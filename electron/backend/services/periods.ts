/** Reporting periods, their deadlines, and the status of every expected unit's report. */
import type { ApiParsedArgs } from '../../../shared/api/contract';
import type { PeriodDto, PeriodStatus, PlanDetail, UnitDto, UnitReportStatus } from '../../../shared/api/types';
import { formatIsoDate, versionAt } from '../../../shared/domain/org-units';
import { dueOnFor, levelOfUnit, reportStatus, type PeriodKind, type ReportStatus } from '../../../shared/domain/periods';
import type { Db } from '../db/connection';
import { getWorkingPeriodId } from './settings';
import { currentReportCounts, currentReports, revisionCount, uncheckedWarnings } from '../db/report-store';
import type { BackendContext } from '../context';
import { UserError, notFound } from '../errors';
import { audit } from './audit';
import { assertPeriodOpen } from './locks';
import { descendantsIn, listUnits, todayIso } from './units';
import { dutiesIn, owesAnything } from './duties';
import { taskKey } from '../templates/write-template';
import { periodPlan } from './period-plan';

export async function listPeriods(db: Db, planId?: number): Promise<PeriodDto[]> {
  let q = db
    .selectFrom('reporting_period as p')
    .innerJoin('plan', 'plan.id', 'p.plan_id')
    .selectAll('p')
    .select(['plan.title as plan_title'])
    .orderBy('p.data_to', 'desc')
    .orderBy('p.id', 'desc');
  // A plan's periods: its own, and those of other plans that collect it.
  if (planId !== undefined) q = q.where((eb) => eb.or([eb('p.plan_id', '=', planId), eb.exists(eb.selectFrom('period_plan as pp').select('pp.plan_id').whereRef('pp.period_id', '=', 'p.id').where('pp.plan_id', '=', planId))]));
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const deadlines = await db.selectFrom('period_deadline').selectAll().where('period_id', 'in', rows.map((r) => r.id)).execute();
  const units = await listUnits(db, '9999-12-31', true);
  const reportCounts = await currentReportCounts(db);
  const extra = await db
    .selectFrom('period_plan as pp')
    .innerJoin('plan', 'plan.id', 'pp.plan_id')
    .select(['pp.period_id', 'pp.plan_id', 'plan.title'])
    .where('pp.period_id', 'in', rows.map((r) => r.id))
    .orderBy('pp.position')
    .execute();
  return rows.map((r) => {
    const others = extra.filter((x) => x.period_id === r.id);
    const parent = units.find((u) => u.id === r.parent_unit_id);
    return {
      id: r.id,
      planId: r.plan_id,
      planTitle: r.plan_title,
      planIds: [r.plan_id, ...others.map((x) => x.plan_id)],
      planTitles: [r.plan_title, ...others.map((x) => x.title)],
      year: r.year,
      kind: r.kind as PeriodKind,
      name: r.name,
      dataFrom: r.data_from,
      dataTo: r.data_to,
      parentUnitId: r.parent_unit_id,
      parentUnitName: parent ? (versionAt(parent.versions, r.data_to) ?? parent.versions.at(-1))!.name : null,
      deadlines: (['district', 'department', 'commune'] as const).flatMap((level) => {
        const d = deadlines.find((x) => x.period_id === r.id && x.level === level);
        return d ? [{ level, dueOn: d.due_on }] : [];
      }),
      reportCount: reportCounts.get(r.id) ?? 0,
      submittedAt: r.submitted_at,
      submittedBy: r.submitted_by,
    };
  });
}

export async function getPeriod(db: Db, id: number): Promise<PeriodDto> {
  const period = (await listPeriods(db)).find((p) => p.id === id);
  if (!period) throw notFound(`kỳ báo cáo số ${id}`);
  return period;
}

function checkPeriod(args: ApiParsedArgs<'period-create'>): void {
  if (args.dataTo < args.dataFrom) throw new UserError('validation', `Ngày cuối kỳ số liệu (${formatIsoDate(args.dataTo)}) không được trước ngày đầu kỳ (${formatIsoDate(args.dataFrom)}).`);
  const levels = new Set(args.deadlines.map((d) => d.level));
  if (levels.size !== args.deadlines.length) throw new UserError('validation', 'Mỗi cấp chỉ có một hạn nộp.');
}

export async function writePeriod(trx: Db, args: ApiParsedArgs<'period-create'>, id?: number): Promise<number> {
  const plan = await trx.selectFrom('plan').select('id').where('id', '=', args.planId).executeTakeFirst();
  if (!plan) throw notFound(`kế hoạch số ${args.planId}`);
  const unit = await trx.selectFrom('org_unit').select('id').where('id', '=', args.parentUnitId).executeTakeFirst();
  if (!unit) throw notFound(`đơn vị số ${args.parentUnitId}`);
  const values = { plan_id: args.planId, parent_unit_id: args.parentUnitId, year: args.year, kind: args.kind, name: args.name, data_from: args.dataFrom, data_to: args.dataTo };
  let periodId = id;
  if (periodId === undefined) {
    periodId = (await trx.insertInto('reporting_period').values(values).returning('id').executeTakeFirstOrThrow()).id;
  } else {
    await trx.updateTable('reporting_period').set(values).where('id', '=', periodId).execute();
    await trx.deleteFrom('period_deadline').where('period_id', '=', periodId).execute();
  }
  for (const d of args.deadlines) await trx.insertInto('period_deadline').values({ period_id: periodId, level: d.level, due_on: d.dueOn }).execute();
  if (args.extraPlanIds !== undefined) await writeExtraPlans(trx, periodId, args.planId, args.extraPlanIds);
  return periodId;
}

/** The other plans a period collects, in order; refused once units have reported (their forms were made from the plans). */
async function writeExtraPlans(trx: Db, periodId: number, planId: number, extraPlanIds: readonly number[]): Promise<void> {
  const ids = [...new Set(extraPlanIds)].filter((id) => id !== planId);
  const before = (await trx.selectFrom('period_plan').select('plan_id').where('period_id', '=', periodId).orderBy('position').execute()).map((r) => r.plan_id);
  if (before.join(',') === ids.join(',')) return;
  const reports = await revisionCount(trx, { periodId });
  if (reports > 0) throw new UserError('conflict', `Kỳ đã có ${reports} báo cáo theo biểu mẫu của các kế hoạch hiện tại; không thể thêm hay bỏ kế hoạch của kỳ.`);
  const found = ids.length ? await trx.selectFrom('plan').select('id').where('id', 'in', ids).execute() : [];
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw notFound(`kế hoạch số ${missing.join(', ')}`);
  await trx.deleteFrom('period_plan').where('period_id', '=', periodId).execute();
  for (const [i, id] of ids.entries()) await trx.insertInto('period_plan').values({ period_id: periodId, plan_id: id, position: i + 2 }).execute();
}

export async function createPeriod(db: Db, ctx: BackendContext, args: ApiParsedArgs<'period-create'>): Promise<PeriodDto> {
  checkPeriod(args);
  const id = await db.transaction().execute(async (trx) => {
    const id = await writePeriod(trx, args);
    await audit(trx, ctx, { entity: 'period', entityId: id, action: 'create', after: args });
    return id;
  });
  return getPeriod(db, id);
}

export async function updatePeriod(db: Db, ctx: BackendContext, args: ApiParsedArgs<'period-update'>): Promise<PeriodDto> {
  checkPeriod(args);
  await assertPeriodOpen(db, args.id, 'sửa thông tin kỳ');
  const before = await getPeriod(db, args.id);
  await db.transaction().execute(async (trx) => {
    await writePeriod(trx, args, args.id);
    await audit(trx, ctx, { entity: 'period', entityId: args.id, action: 'update', before, after: args });
  });
  return getPeriod(db, args.id);
}

/** Deletes a period; one that received reports only when the user confirmed deleting them too (`withReports`). */
export async function deletePeriod(db: Db, ctx: BackendContext, id: number, options: { withReports?: boolean } = {}): Promise<void> {
  const before = await getPeriod(db, id);
  await assertPeriodOpen(db, id, 'xóa kỳ');
  const reports = await revisionCount(db, { periodId: id });
  if (reports > 0 && !options.withReports) throw new UserError('conflict', `Kỳ "${before.name}" đã có ${reports} lần nhận báo cáo; hãy xác nhận xóa cả các báo cáo này (dữ liệu được sao lưu trước khi xóa).`);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('reporting_period').where('id', '=', id).execute();
    await audit(trx, ctx, { entity: 'period', entityId: id, action: 'delete', before, ...(reports ? { after: { reportsDeleted: reports } } : {}) });
  });
}

/**
 * The units expected to report: the compiling unit's children on the cut-off date that owe
 * something in the plan (a measure or a task); a department with nothing to report is not expected.
 */
export async function expectedUnits(db: Db, period: PeriodDto, unitsOnCutOff?: UnitDto[], plan?: PlanDetail): Promise<UnitDto[]> {
  if (period.parentUnitId === null) return [];
  const units = unitsOnCutOff ?? (await listUnits(db, period.dataTo));
  const duties = dutiesIn(plan ?? (await periodPlan(db, period)));
  return units
    .filter((u) => u.parentId === period.parentUnitId && owesAnything(duties(u)))
    .sort((a, b) => kindRank(a) - kindRank(b) || a.name.localeCompare(b.name, 'vi'));
}

/**
 * Every unit under the compiling unit on the cut-off date, parents first: the expected reporters
 * and the units under them (a 2024 district's communes), whose reports roll up through them.
 */
export async function periodTree(db: Db, period: PeriodDto, unitsOnCutOff?: UnitDto[]): Promise<UnitDto[]> {
  if (period.parentUnitId === null) return [];
  return descendantsIn(unitsOnCutOff ?? (await listUnits(db, period.dataTo)), period.parentUnitId);
}

function kindRank(u: UnitDto): number {
  return ['district', 'commune', 'department', 'agency', 'province', 'ministry'].indexOf(u.kind);
}

/** The period a compiler most likely means today: the next deadline, else the latest period. */
export async function currentPeriod(db: Db, today: string): Promise<PeriodDto | null> {
  const periods = await listPeriods(db);
  const upcoming = periods
    .map((p) => ({ p, due: p.deadlines.map((d) => d.dueOn).filter((d) => d >= today).sort()[0] }))
    .filter((x) => x.due)
    .sort((a, b) => a.due!.localeCompare(b.due!));
  return upcoming[0]?.p ?? periods[0] ?? null;
}

/** The period the user chose last, while it exists. */
export async function workingPeriod(db: Db): Promise<PeriodDto | null> {
  const id = await getWorkingPeriodId(db);
  if (id === null) return null;
  return getPeriod(db, id).catch(() => null);
}

/** `unitsOnCutOff`, `plan`: the units alive on the period's cut-off date and its plan, when the caller already has them. */
export async function periodStatus(db: Db, ctx: BackendContext, args: ApiParsedArgs<'period-status'>, unitsOnCutOff?: UnitDto[], plan?: PlanDetail): Promise<PeriodStatus | null> {
  const today = args.today ?? todayIso(ctx);
  const period = args.id !== undefined ? await getPeriod(db, args.id) : ((await workingPeriod(db)) ?? (await currentPeriod(db, today)));
  if (!period) return null;
  const periodsPlan = plan ?? (await periodPlan(db, period));
  const units = await expectedUnits(db, period, unitsOnCutOff, periodsPlan);
  const duties = dutiesIn(periodsPlan);
  const reports = await currentReports(db, period.id);
  const attempts = await db
    .selectFrom('import_attempt')
    .select(['unit_id', 'attempted_at', 'problems_json'])
    .where('period_id', '=', period.id)
    .where('outcome', '=', 'rejected')
    .orderBy('attempted_at', 'desc')
    .execute();
  // The warnings still to check, of the reports already read (not read again).
  const unchecked = await uncheckedWarnings(db, reports);
  const rows: UnitReportStatus[] = units.map((u) => {
    const level = levelOfUnit(u.kind);
    const dueOn = dueOnFor(period, u.kind);
    const report = reports.find((r) => r.unitId === u.id);
    const rejected = attempts.find((a) => a.unit_id === u.id && (!report || a.attempted_at > report.receivedAt));
    const s = reportStatus({
      dueOn,
      today,
      report: report ? { status: report.status, receivedOn: report.receivedAt.slice(0, 10) } : null,
      rejectedOn: rejected ? rejected.attempted_at.slice(0, 10) : null,
    });
    return {
      unitId: u.id,
      unitCode: u.code,
      unitName: u.name,
      unitKind: u.kind,
      level,
      dueOn,
      ...s,
      receivedAt: report?.receivedAt ?? null,
      revision: report?.revision ?? null,
      reportId: report?.id ?? null,
      fileName: report?.fileName ?? null,
      problemCount: rejected ? (JSON.parse(rejected.problems_json) as { severity: string }[]).filter((p) => p.severity === 'error').length : 0,
      toCheck: report ? unchecked.get(report.id)!.length : 0,
      owes: ((d) => ({ measures: d.measures.map((m) => m.code), tasks: d.tasks.map(taskKey) }))(duties(u)),
    };
  });
  const counts = { missing: 0, received: 0, has_errors: 0, valid: 0, approved: 0, late: 0 } as Record<ReportStatus | 'late', number>;
  for (const r of rows) {
    counts[r.status]++;
    if (r.late) counts.late++;
  }
  const nextDue = period.deadlines.map((d) => d.dueOn).filter((d) => d >= today).sort()[0] ?? null;
  return { period, today, nextDue, units: rows, counts };
}
