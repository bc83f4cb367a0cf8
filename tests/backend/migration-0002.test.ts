import path from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { migrations } from '../../electron/backend/db/migrations';
import { tempDir } from '../helpers/backend';

describe('migration 0002-collecting', () => {
  it('keeps the periods and reports of a 0001 database and adds the new columns', async () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const raw = new Database(file);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const r = await migrator.migrateTo('0001-init');
    expect(r.error).toBeUndefined();
    raw.exec(`
      INSERT INTO plan (id, title, year_from, year_to, created_at, updated_at) VALUES (1, 'P', 2024, 2024, 'x', 'x');
      INSERT INTO org_unit (id, code, kind, created_on) VALUES (1, 'H', 'district', '2020-01-01');
      INSERT INTO reporting_period (id, plan_id, year, kind, name, data_from, data_to) VALUES (1, 1, 2024, 'annual', 'Năm 2024', '2023-12-15', '2024-12-14');
      INSERT INTO report (id, period_id, unit_id, revision, is_current, status, source, received_at) VALUES (1, 1, 1, 1, 1, 'valid', 'typed', '2024-12-01');
    `);
    await db.destroy();

    const opened = await openDatabase(file);
    const period = opened.raw.prepare('SELECT name, parent_unit_id FROM reporting_period WHERE id = 1').get();
    expect(period).toEqual({ name: 'Năm 2024', parent_unit_id: null });
    const report = opened.raw.prepare('SELECT status, warnings_json, approved_at FROM report WHERE id = 1').get();
    expect(report).toEqual({ status: 'valid', warnings_json: null, approved_at: null });
    expect(opened.raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'import_attempt'").pluck().get()).toBe(1);
    expect(opened.raw.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all()).toEqual(Object.keys(migrations));
    expect(opened.raw.pragma('foreign_key_check')).toEqual([]);
    await opened.close();
  });
});
