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
