/**
 * Nhắc đơn vị: the units of a period that have not sent their report, or whose last file was
 * refused for errors, with what each still owes and a message to paste; and the reminders sent
 * (a message, or a công văn đôn đốc), kept with who sent them, when, and what was owed then.
 */
import type { OwingUnit, ReminderChannel, ReminderEntry, ReminderList } from '../../../shared/api/types';
import { addDays, missingReportMessage, owedText, remindWindow } from '../../../shared/domain/reminders';
import { letterSubject } from '../pdf/reminder-letter';
import { documentSettings } from './documents';
import { nowIso, type BackendContext } from '../context';
import type { Db } from '../db/connection';
import { deleteReminder, reminderById, remindersOf, writeReminder } from '../db/reminders';
import { firstReceipts } from '../db/report-store';
import { UserError, notFound } from '../errors';
import { audit } from './audit';
import { periodStatus, periodTree } from './periods';
import { lineFor, unitReview } from './report-review';
import { getSetting, getSettings } from './settings';

export async function reminderList(db: Db, ctx: BackendContext, args: { periodId?: number; today?: string; newDueOn?: string }): Promise<ReminderList> {
  const status = await periodStatus(db, ctx, { id: args.periodId, today: args.today });
  if (!status) throw new UserError('validation', 'Chưa có kỳ báo cáo nào. Hãy lập kỳ báo cáo ở mục "Kỳ báo cáo" trước.');
  const { period, today } = status;
  const days = (await getSettings(db)).remindDaysBefore;
  const window = remindWindow(period.deadlines.map((d) => d.dueOn), today, days);
  const stored = await remindersOf(db, period.id);
  const names = new Map((await periodTree(db, period)).map((u) => [u.id, u.name]));
  for (const u of status.units) names.set(u.unitId, u.unitName);
  const remindedOf = (unitId: number) => stored.filter((r) => r.units.some((u) => u.unitId === unitId)).map((r) => ({ at: r.sentAt, channel: r.channel }));
  // The messages speak for the office that compiles (its document settings' issuing body), as the letter does.
  const report = await documentSettings(db, ctx, period.id);
  const compiledBy = report.issuingBody || period.parentUnitName || '';
  const units: OwingUnit[] = [];
  for (const u of status.units) {
    if (u.status !== 'missing' && u.status !== 'has_errors') continue;
    const base = { unitId: u.unitId, unitName: u.unitName, unitKind: u.unitKind, status: u.status, dueOn: u.dueOn, late: u.late, owes: u.owes, reminded: remindedOf(u.unitId) };
    if (u.status === 'missing') {
      units.push({ ...base, owedText: owedText(u.owes), errors: [], message: missingReportMessage({ unitName: u.unitName, compiledBy, periodName: period.name, dueOn: u.dueOn, newDueOn: args.newDueOn ?? null, today, owed: u.owes }) });
    } else {
      const review = await unitReview(db, period.id, u.unitId);
      const errors = (review.rejected?.items ?? []).filter((i) => i.severity === 'error').map(lineFor);
      units.push({ ...base, owedText: `sửa ${errors.length} lỗi của tệp "${review.rejected?.fileName ?? ''}" rồi gửi lại`, errors, message: review.copyText });
    }
  }
  const first = await firstReceipts(db, period.id);
  const timeline = status.units.map((u) => ({
    unitId: u.unitId,
    unitName: u.unitName,
    reminded: remindedOf(u.unitId).map((r) => r.at).reverse(),
    firstReceived: first.get(u.unitId) ?? null,
    lastReceived: u.receivedAt,
  }));
  const newDueOn = args.newDueOn ?? (window.dueOn && window.dueOn > today ? window.dueOn : addDays(today, 3));
  return {
    period,
    today,
    remindDaysBefore: days,
    letter: { document: { ...report, number: '', date: today, symbol: report.symbol.replace(/^BC-/, ''), subject: letterSubject(period.name) }, newDueOn },
    dueOn: window.dueOn,
    daysLeft: window.daysLeft,
    open: window.open && units.length > 0,
    units,
    history: stored.map((r) => ({ ...r, units: r.units.map((x) => ({ ...x, unitName: names.get(x.unitId) ?? `Đơn vị số ${x.unitId}` })).sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')) })),
    timeline,
  };
}

/** The chosen units among those that owe the report, in the order chosen; refused when one no longer owes it. */
export function owingUnits(list: ReminderList, unitIds: readonly number[]): OwingUnit[] {
  return unitIds.map((id) => {
    const u = list.units.find((x) => x.unitId === id);
    if (!u) throw new UserError('validation', `Đơn vị số ${id} không còn nợ báo cáo kỳ "${list.period.name}" (có thể vừa gửi); hãy tải lại danh sách.`);
    return u;
  });
}

/** Records a reminder sent to some of the owing units (with what each owed), in the audit trail too. */
export async function recordReminder(
  db: Db,
  ctx: BackendContext,
  args: { periodId: number; chosen: OwingUnit[]; channel: ReminderChannel; documentNumber?: string | null; newDueOn?: string | null },
): Promise<ReminderEntry> {
  const { chosen } = args;
  const sentBy = await getSetting(db, 'userName');
  const sentAt = nowIso(ctx);
  const units = chosen.map((u) => ({ unitId: u.unitId, owed: u.owedText }));
  const id = await db.transaction().execute(async (trx) => {
    const rid = await writeReminder(trx, { periodId: args.periodId, channel: args.channel, sentAt, sentBy, documentNumber: args.documentNumber ?? null, newDueOn: args.newDueOn ?? null, units });
    await audit(trx, ctx, { entity: 'reminder', entityId: rid, action: args.channel === 'letter' ? 'remind by letter' : 'remind by message', after: { periodId: args.periodId, units: chosen.map((u) => u.unitName), documentNumber: args.documentNumber ?? null, newDueOn: args.newDueOn ?? null } });
    return rid;
  });
  return { id, channel: args.channel, sentAt, sentBy, documentNumber: args.documentNumber ?? null, newDueOn: args.newDueOn ?? null, units: chosen.map((u) => ({ unitId: u.unitId, unitName: u.unitName, owed: u.owedText })) };
}

/** Takes back a reminder recorded by mistake; the audit trail keeps that it was recorded and taken back. */
export async function deleteReminderRecord(db: Db, ctx: BackendContext, id: number): Promise<{ deleted: true }> {
  const r = await reminderById(db, id);
  if (!r) throw notFound(`lần nhắc số ${id}`);
  await db.transaction().execute(async (trx) => {
    await deleteReminder(trx, id);
    await audit(trx, ctx, { entity: 'reminder', entityId: id, action: 'delete', before: { periodId: r.periodId, channel: r.channel, sentAt: r.sentAt } });
  });
  return { deleted: true };
}
