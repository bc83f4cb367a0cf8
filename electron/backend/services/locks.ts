/**
 * Locks: a period submitted to the level above, and a report the compiler approved, are not
 * changed any more. Unlocking asks for a reason, which goes into the audit trail.
 */
import { formatIsoDate } from '../../../shared/domain/org-units';
import { vietnamDay } from '../../../shared/domain/vietnam-time';
import type { Db } from '../db/connection';
import { currentReport, hasWarnings, reportById, setApproval } from '../db/report-store';
import { nowIso, type BackendContext } from '../context';
import { UserError, notFound } from '../errors';
import { audit } from './audit';
import { getSetting } from './settings';

const byWhom = (name: string | null) => (name ? ` (${name})` : '');
const day = (iso: string) => formatIsoDate(vietnamDay(iso));

/** Why the period is locked, or null. */
export async function periodLock(db: Db, periodId: number): Promise<string | null> {
  const p = await db.selectFrom('reporting_period').select(['name', 'submitted_at', 'submitted_by']).where('id', '=', periodId).executeTakeFirst();
  if (!p?.submitted_at) return null;
  return `Kỳ "${p.name}" đã nộp lên cấp trên ngày ${day(p.submitted_at)}${byWhom(p.submitted_by)} nên số liệu đang khoá.`;
}

/** Why a unit's report in a period is locked (the period, or its approved current report), or null. */
export async function reportLock(db: Db, periodId: number, unitId: number, unitName: string): Promise<string | null> {
  const period = await periodLock(db, periodId);
  if (period) return period;
  const r = await currentReport(db, periodId, unitId);
  if (r?.status !== 'approved') return null;
  return `Báo cáo của ${unitName} đã được duyệt${r.approvedAt ? ` ngày ${day(r.approvedAt)}` : ''}${byWhom(r.approvedBy)} nên đang khoá.`;
}

export async function assertPeriodOpen(db: Db, periodId: number, action: string): Promise<void> {
  const lock = await periodLock(db, periodId);
  if (lock) throw new UserError('conflict', `${lock} Không thể ${action}. Nếu cần sửa, hãy mở khoá kỳ (ghi lý do).`);
}

/** The submitted periods that collect a plan (as their own plan or one they add), with their year. */
export async function submittedPeriodsOf(db: Db, planId: number): Promise<{ id: number; name: string; year: number; submittedAt: string }[]> {
  const rows = await db
    .selectFrom('reporting_period as p')
    .leftJoin('period_plan as pp', 'pp.period_id', 'p.id')
    .select(['p.id', 'p.name', 'p.year', 'p.submitted_at'])
    .where('p.submitted_at', 'is not', null)
    .where((eb) => eb.or([eb('p.plan_id', '=', planId), eb('pp.plan_id', '=', planId)]))
    .execute();
  const seen = new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, year: r.year, submittedAt: r.submitted_at! }]));
  return [...seen.values()];
}

/**
 * A submitted period is frozen: a change of a plan's measure that would change what it says —
 * a target of its year, what the figure is, how it rolls up or is judged, who gives it, a measure
 * added or removed — is refused with the period named. (Its name and wording may still be fixed.)
 */
export async function assertPlanChangeKeepsSubmitted(db: Db, planId: number, what: string, changes: (year: number) => boolean): Promise<void> {
  const frozen = (await submittedPeriodsOf(db, planId)).filter((p) => changes(p.year));
  if (!frozen.length) return;
  const names = frozen.map((p) => `"${p.name}" (nộp ngày ${day(p.submittedAt)})`).join(', ');
  throw new UserError('conflict', `Không thể ${what}: kỳ ${names} đã nộp lên cấp trên và đang khoá, thay đổi này sẽ làm đổi số liệu hoặc đánh giá của kỳ đó. Nếu cần sửa, hãy mở khoá kỳ (ghi lý do) trước.`);
}

export async function assertReportOpen(db: Db, periodId: number, unitId: number, unitName: string, action: string): Promise<void> {
  const lock = await reportLock(db, periodId, unitId, unitName);
  if (lock) throw new UserError('conflict', `${lock} Không thể ${action}. Nếu cần sửa, hãy mở khoá (ghi lý do).`);
}

/** The compiling unit sent its report up: the period is locked. */
export async function submitPeriod(db: Db, ctx: BackendContext, id: number): Promise<{ id: number; submittedAt: string }> {
  const p = await db.selectFrom('reporting_period').select(['id', 'name', 'submitted_at']).where('id', '=', id).executeTakeFirst();
  if (!p) throw notFound(`kỳ báo cáo số ${id}`);
  if (p.submitted_at) throw new UserError('conflict', `Kỳ "${p.name}" đã được đánh dấu đã nộp ngày ${day(p.submitted_at)}.`);
  const submittedAt = nowIso(ctx);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('reporting_period').set({ submitted_at: submittedAt, submitted_by: (await getSetting(trx, 'userName')) || null }).where('id', '=', id).execute();
    await audit(trx, ctx, { entity: 'period', entityId: id, action: 'submit', after: { submittedAt } });
  });
  return { id, submittedAt };
}

export async function unlockPeriod(db: Db, ctx: BackendContext, id: number, reason: string): Promise<{ id: number }> {
  const p = await db.selectFrom('reporting_period').select(['id', 'name', 'submitted_at', 'submitted_by']).where('id', '=', id).executeTakeFirst();
  if (!p) throw notFound(`kỳ báo cáo số ${id}`);
  if (!p.submitted_at) throw new UserError('conflict', `Kỳ "${p.name}" chưa nộp nên không bị khoá.`);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('reporting_period').set({ submitted_at: null, submitted_by: null }).where('id', '=', id).execute();
    await audit(trx, ctx, { entity: 'period', entityId: id, action: 'unlock', before: { submittedAt: p.submitted_at, submittedBy: p.submitted_by }, reason });
  });
  return { id };
}

/** Takes back an approval so the report can be replaced or corrected. */
export async function unlockReport(db: Db, ctx: BackendContext, id: number, reason: string): Promise<{ id: number }> {
  const r = await reportById(db, id);
  if (!r) throw notFound(`báo cáo số ${id}`);
  if (r.status !== 'approved' || !r.isCurrent) throw new UserError('conflict', 'Báo cáo này chưa được duyệt nên không bị khoá.');
  await assertPeriodOpen(db, r.periodId, 'mở khoá báo cáo của đơn vị');
  await db.transaction().execute(async (trx) => {
    await setApproval(trx, id, { status: hasWarnings(r) ? 'received' : 'valid' });
    await audit(trx, ctx, { entity: 'report', entityId: id, action: 'unlock', before: { status: 'approved', approvedAt: r.approvedAt, approvedBy: r.approvedBy }, reason });
  });
  return { id };
}
