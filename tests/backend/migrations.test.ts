import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import { StorageError } from '../../electron/backend/db/storage-error';
import { storageMessage } from '../../electron/backend/storage-messages';
import { LATEST_SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { tempDir } from '../helpers/backend';

describe('migrations on a real SQLite file', () => {
  it('creates the schema with WAL and foreign keys, and re-opening changes nothing', async () => {
    const file = path.join(tempDir(), 'db', 'tonghop.sqlite');
    const first = await openDatabase(file);
    expect(first.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(await schemaVersion(first.db)).toBe(LATEST_SCHEMA_VERSION);
    const tables = first.raw.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all() as string[];
    for (const t of ['org_unit', 'org_unit_version', 'plan', 'goal', 'indicator', 'measure', 'target', 'task', 'category_option_combo', 'report_value', 'audit_log']) {
      expect(tables).toContain(t);
    }
    // The default breakdown exists from the first migration.
    expect(first.raw.prepare('SELECT name FROM category_option_combo WHERE id = 1').pluck().get()).toBe('Tổng số');
    first.raw.prepare("INSERT INTO setting (key, value) VALUES ('userName', 'Lan')").run();
    await first.close();

    const again = await openDatabase(file);
    expect(again.raw.prepare('SELECT count(*) FROM kysely_migration').pluck().get()).toBe(LATEST_SCHEMA_VERSION);
    expect(again.raw.prepare("SELECT value FROM setting WHERE key = 'userName'").pluck().get()).toBe('Lan');
    expect(again.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    await again.close();
  });

  it('refuses a database written by a newer version, and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'tonghop.sqlite');
    await (await openDatabase(file)).close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', '2030-01-01T00:00:00Z')").run();
    raw.close();
    const before = fs.readFileSync(file);
    const refused = await openDatabase(file).then(() => null, (e: unknown) => e);
    // The database layer states the fact; the layer above says it in Vietnamese.
    expect(refused).toBeInstanceOf(StorageError);
    expect((refused as StorageError).problem).toBe('newer_version');
    expect((refused as StorageError).details.migrations).toEqual(['9999-from-the-future']);
    expect(storageMessage(refused as StorageError).message).toMatch(/phiên bản TongHop mới hơn.*9999-from-the-future/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('enforces the schema rules in the database itself', async () => {
    const db = await openDatabase(path.join(tempDir(), 'tonghop.sqlite'));
    const insertUnit = db.raw.prepare("INSERT INTO org_unit (code, kind, created_on) VALUES (?, ?, '2020-01-01')");
    insertUnit.run('A', 'province');
    expect(() => insertUnit.run('A', 'district')).toThrow(/UNIQUE/);
    expect(() => insertUnit.run('B', 'planet')).toThrow(/CHECK/);
    expect(() => db.raw.prepare("INSERT INTO org_unit_version (unit_id, name, valid_from) VALUES (999, 'x', '2020-01-01')").run()).toThrow(/FOREIGN KEY/);
    db.raw.prepare("INSERT INTO plan (title, year_from, year_to, created_at, updated_at) VALUES ('P', 2024, 2024, 'now', 'now')").run();
    db.raw.prepare("INSERT INTO goal (plan_id, position, code, title) VALUES (1, 1, 'I', 'G')").run();
    db.raw.prepare("INSERT INTO indicator (goal_id, position, code, title) VALUES (1, 1, '1', 'I')").run();
    // A rate needs a factor; a count must not have one.
    expect(() =>
      db.raw.prepare("INSERT INTO measure (indicator_id, position, code, name, unit_label, value_kind, rate_factor, direction, rollup) VALUES (1, 1, '1', 'm', '%', 'rate', NULL, 'at_least', 'ratio')").run(),
    ).toThrow(/CHECK/);
    await db.close();
  });
});
