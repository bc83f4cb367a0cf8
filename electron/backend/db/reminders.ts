/** The reminders sent for a period and to which units (table family reminder, reminder_unit). */
import type { ReminderEntry } from '../../../shared/api/types';
import type { Db } from './connection';

/** A reminder as stored: the units by id (their names are the period's). */
export type StoredReminder = Omit<ReminderEntry, 'units'> & { units: { unitId: number; owed: string }[] };

export async function writeReminder(db: Db, r: Omit<StoredReminder, 'id'> & { periodId: number }): Promise<number> {
  const { id } = await db
    .insertInto('reminder')
    .values({ period_id: r.periodId, channel: r.channel, sent_at: r.sentAt, sent_by: r.sentBy, document_number: r.documentNumber, new_due_on: r.newDueOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const u of r.units) await db.insertInto('reminder_unit').values({ reminder_id: id, unit_id: u.unitId, owed: u.owed }).execute();
  return id;
}

/** A period's reminders, newest first. */
export async function remindersOf(db: Db, periodId: number): Promise<StoredReminder[]> {
  const rows = await db.selectFrom('reminder').selectAll().where('period_id', '=', periodId).orderBy('sent_at', 'desc').orderBy('id', 'desc').execute();
  if (!rows.length) return [];
  const units = await db.selectFrom('reminder_unit').selectAll().where('reminder_id', 'in', rows.map((r) => r.id)).execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    sentAt: r.sent_at,
    sentBy: r.sent_by,
    documentNumber: r.document_number,
    newDueOn: r.new_due_on,
    units: units.filter((u) => u.reminder_id === r.id).map((u) => ({ unitId: u.unit_id, owed: u.owed })),
  }));
}

/** The reminder, if it is there (its period, to check the period is open). */
export async function reminderById(db: Db, id: number): Promise<{ id: number; periodId: number; channel: StoredReminder['channel']; sentAt: string } | undefined> {
  const r = await db.selectFrom('reminder').select(['id', 'period_id', 'channel', 'sent_at']).where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, periodId: r.period_id, channel: r.channel, sentAt: r.sent_at };
}

export async function deleteReminder(db: Db, id: number): Promise<void> {
  await db.deleteFrom('reminder').where('id', '=', id).execute();
}
