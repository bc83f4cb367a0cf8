/** Opening the database: one SQLite file, WAL, foreign keys on, migrated to the latest schema. */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql, type MigrationProvider } from 'kysely';
import type { Database } from './schema';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { UserError } from '../errors';

export type Db = Kysely<Database>;

export interface OpenDatabase {
  db: Db;
  raw: SqliteDatabase.Database;
  path: string;
  isOpen(): boolean;
  close(): Promise<void>;
}

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
    raw.pragma('synchronous = NORMAL');
  } catch (e) {
    throw storageError(e, file);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  try {
    await migrate(db, raw, options);
  } catch (e) {
    await db.destroy();
    throw e instanceof UserError ? e : storageError(e, file);
  }
  return { db, raw, path: file, isOpen: () => raw.open, close: () => db.destroy() };
}

/**
 * The storage problems a user can act on, said plainly: a folder they may not write to, a full
 * disk, a file that is not a database. Anything else keeps its technical message.
 */
export function storageError(e: unknown, file: string): UserError | Error {
  if (e instanceof UserError) return e;
  const err = e as Error & { code?: string };
  const code = err?.code ?? '';
  const where = `"${file}"`;
  if (/SQLITE_FULL|ENOSPC/.test(code)) {
    return new UserError('conflict', `Ổ đĩa chứa tệp dữ liệu ${where} đã đầy. Hãy giải phóng dung lượng rồi thử lại; dữ liệu đã có không bị thay đổi.`);
  }
  if (/SQLITE_READONLY|EACCES|EPERM|EROFS/.test(code) || /readonly|read-only|permission denied/i.test(err?.message ?? '')) {
    return new UserError('conflict', `Không ghi được vào thư mục dữ liệu ${where} (thư mục chỉ đọc hoặc không có quyền ghi). Hãy chọn thư mục khác hoặc nhờ quản trị máy cấp quyền ghi.`);
  }
  if (/SQLITE_NOTADB|SQLITE_CORRUPT/.test(code)) {
    return new UserError('validation', `Tệp ${where} không phải tệp dữ liệu TongHop hoặc đã bị hỏng. Hãy khôi phục từ một bản sao lưu.`);
  }
  if (/SQLITE_CANTOPEN|SQLITE_IOERR/.test(code)) {
    return new UserError('conflict', `Không mở được tệp dữ liệu ${where}: ổ đĩa không đọc/ghi được hoặc thư mục không có quyền ghi.`);
  }
  return err instanceof Error ? err : new Error(String(e));
}

async function migrate(db: Db, raw: SqliteDatabase.Database, options: OpenOptions): Promise<void> {
  const applied = await appliedMigrations(db);
  const unknown = applied.filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw new UserError(
      'conflict',
      `Tệp dữ liệu này được tạo bởi phiên bản TongHop mới hơn (có thay đổi cấu trúc "${unknown.join(', ')}"). ` +
        'Hãy cập nhật TongHop lên phiên bản mới nhất; dữ liệu không bị thay đổi.',
    );
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
