/** User settings kept in the database (user name for the audit trail, organisation, place). */
import type { Settings } from '../../../shared/api/types';
import type { Db } from '../db/connection';

/** Stored as text; the flags as '1' / '0'. */
type Stored = Record<keyof Settings, string>;
const DEFAULTS: Stored = { userName: '', organisationName: '', place: '', countApprovedOnly: '0', tsaUrl: '', remindDaysBefore: '5' };
const FLAGS = new Set<keyof Settings>(['countApprovedOnly']);

export async function getSetting(db: Db, key: keyof Settings): Promise<string> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? DEFAULTS[key];
}

export async function getSettings(db: Db): Promise<Settings> {
  const rows = await db.selectFrom('setting').selectAll().execute();
  const stored: Stored = { ...DEFAULTS };
  for (const r of rows) if (r.key in stored) stored[r.key as keyof Settings] = r.value;
  return { userName: stored.userName, organisationName: stored.organisationName, place: stored.place, countApprovedOnly: stored.countApprovedOnly === '1', tsaUrl: stored.tsaUrl, remindDaysBefore: Number(stored.remindDaysBefore) || 0 };
}

export async function setSettings(db: Db, values: Partial<Settings>): Promise<Settings> {
  await db.transaction().execute(async (trx) => {
    for (const [key, v] of Object.entries(values)) {
      if (v === undefined) continue;
      const value = FLAGS.has(key as keyof Settings) ? (v ? '1' : '0') : String(v);
      await trx.insertInto('setting').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    }
  });
  return getSettings(db);
}

/** The period the user works on (kept across screens and restarts); null when none was chosen. */
export async function getWorkingPeriodId(db: Db): Promise<number | null> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', 'workingPeriodId').executeTakeFirst();
  const id = row ? Number(row.value) : NaN;
  return Number.isInteger(id) && id > 0 ? id : null;
}

export async function setWorkingPeriodId(db: Db, periodId: number): Promise<void> {
  const value = String(periodId);
  await db.insertInto('setting').values({ key: 'workingPeriodId', value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}
