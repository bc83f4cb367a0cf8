/** User settings kept in the database (user name for the audit trail, organisation, place). */
import type { Settings } from '../../../shared/api/types';
import type { Db } from '../db/connection';

const DEFAULTS: Settings = { userName: '', organisationName: '', place: '' };

export async function getSetting(db: Db, key: keyof Settings): Promise<string> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? DEFAULTS[key];
}

export async function getSettings(db: Db): Promise<Settings> {
  const rows = await db.selectFrom('setting').selectAll().execute();
  const out: Settings = { ...DEFAULTS };
  for (const r of rows) if (r.key in out) out[r.key as keyof Settings] = r.value;
  return out;
}

export async function setSettings(db: Db, values: Settings): Promise<Settings> {
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(values)) {
      await trx.insertInto('setting').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    }
  });
  return getSettings(db);
}
