/** Opening the database: one SQLite file, WAL, foreign keys on, migrated to the latest schema. */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql, type MigrationProvider } from 'kysely';
import type { Database } from './schema';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { StorageError, classifyStorageError } from './storage-error';
import { withStatementCache } from './statement-cache';

export type Db = Kysely<Database>;

export interface OpenDatabase {
  db: Db;
  raw: SqliteDatabase.Database;
  path: string;
  isOpen(): boolean;
  close(): Promise<void>;
}

/** The better-sqlite3 connection under each open database, for the few reads that stream rows without kysely. */
const rawConnections = new WeakMap<Db, SqliteDatabase.Database>();
export const rawConnectionOf = (db: Db): SqliteDatabase.Database | undefined => rawConnections.get(db);

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface OpenOptions {
  /** Called with the open file before pending migrations change an existing database. */
  beforeMigrate?: (raw: SqliteDatabase.Database) => Promise<void>;
}

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenDatabase> {
  let raw: SqliteDatabase.Database;
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    raw = new SqliteDatabase(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // FULL: a commit is on disk before it returns, also in WAL mode — a received file, an approval
    // or a submission recorded just before a power cut is not lost (NORMAL may lose the last ones).
    raw.pragma('synchronous = FULL');
    // The schema's own SQL (views, triggers) may not call functions as if TongHop had; with
    // better-sqlite3's default SQLITE_DBCONFIG_DEFENSIVE, nothing can write sqlite_master either.
    raw.pragma('trusted_schema = OFF');
  } catch (e) {
    throw classifyStorageError(e, file);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  try {
    await migrate(db, raw, options);
  } catch (e) {
    await db.destroy();
    throw classifyStorageError(e, file);
  }
  rawConnections.set(db, raw);
  return { db, raw, path: file, isOpen: () => raw.open, close: () => db.destroy() };
}

async function migrate(db: Db, raw: SqliteDatabase.Database, options: OpenOptions): Promise<void> {
  const applied = await appliedMigrations(db);
  const unknown = applied.filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw new StorageError('newer_version', raw.name, { migrations: unknown });
  }
  const pending = Object.keys(migrations).filter((name) => !applied.includes(name));
  if (pending.length > 0 && applied.length > 0) await options.beforeMigrate?.(raw);
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new Error(`Migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const exists = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`.execute(db);
  if (!exists.rows[0]?.n) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}

export async function schemaVersion(db: Db): Promise<number> {
  const applied = await appliedMigrations(db);
  return Math.min(applied.length, LATEST_SCHEMA_VERSION);
}
