/**
 * A database at an earlier schema version, to test one migration as Signal does: create at the
 * version before, insert rows, migrate (by opening it as TongHop does), read back.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { expect } from 'vitest';
import { migrations } from '../../electron/backend/db/migrations';
import { tempDir } from './backend';

/** A fresh database file migrated up to and including `version` (e.g. '0006-change-counters'). */
export async function databaseAt(version: string): Promise<{ file: string; raw: Database.Database; close(): Promise<void> }> {
  if (!(version in migrations)) throw new Error(`no migration ${version}`);
  const file = path.join(tempDir('tonghop-migration-'), 'old.sqlite');
  const raw = new Database(file);
  raw.pragma('foreign_keys = ON');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
  const r = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(version);
  expect(r.error).toBeUndefined();
  return { file, raw, close: () => db.destroy() };
}

const tableNames = (raw: Database.Database) => (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);

/**
 * The tables the migrations after `version` add: opening a database migrates it to the latest
 * version, so a migration's own test expects these too (they belong to later migrations' tests).
 */
export async function tablesAddedAfter(version: string): Promise<string[]> {
  const at = await databaseAt(version);
  const before = new Set(tableNames(at.raw));
  const names = Object.keys(migrations);
  const r = await new Migrator({ db: new Kysely<unknown>({ dialect: new SqliteDialect({ database: at.raw }) }), provider: { getMigrations: async () => migrations } }).migrateTo(names.at(-1)!);
  expect(r.error).toBeUndefined();
  const after = tableNames(at.raw).filter((t) => !before.has(t));
  await at.close();
  return after;
}
