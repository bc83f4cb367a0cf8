/**
 * Backups of the open database with SQLite's online backup API (never a copy of a live file),
 * kept in a `backups` folder beside it, and restoring one: the current data is backed up first,
 * the chosen file is checked, then it replaces the database and is opened (and migrated) again.
 */
import { schemaDifferences, type SchemaDifference } from '../db/schema-check';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { BackupDto } from '../../../shared/api/types';
import { BACKUP_REASONS, backupFileName, backupsToPrune, parseBackupFileName, type BackupReason } from '../../../shared/domain/backups';
import { vietnamDateTime, vietnamDay } from '../../../shared/domain/vietnam-time';
import { migrations } from '../db/migrations';
import { openDatabase, type OpenDatabase } from '../db/connection';
import { storageError } from '../storage-messages';
import type { BackendContext } from '../context';
import { UserError, notFound } from '../errors';
import { audit } from './audit';

export function backupDirFor(dbPath: string): string {
  return path.join(path.dirname(dbPath), 'backups');
}

function backupsEnabled(ctx: BackendContext): boolean {
  return ctx.dbPath !== ':memory:';
}

/** Writes a backup of a database connection to `dir`; a half-written file never carries a backup's name. */
async function writeBackup(raw: SqliteDatabase.Database, dir: string, at: Date, reason: BackupReason): Promise<string> {
  let fileName = backupFileName(at, reason);
  // Two backups in the same millisecond (a fixed clock in tests) must not overwrite each other.
  for (let ms = at.getTime() + 1; fs.existsSync(path.join(dir, fileName)); ms++) fileName = backupFileName(new Date(ms), reason);
  const target = path.join(dir, fileName);
  const partial = `${target}.partial`;
  try {
    // Backups and exports are the whole database: readable by the user only (on Windows the
    // profile folder's ACL does this; the modes below are for the others).
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // All pages in one step: faster than better-sqlite3's default of 100 pages per turn of the
    // event loop, and nothing can change the database half-way.
    await raw.backup(partial, { progress: () => 0x7fffffff });
    // The copy is a plain database file: no WAL beside it to lose.
    const copy = new SqliteDatabase(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, target);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw storageError(e, target);
  }
  return fileName;
}

export async function createBackup(ctx: BackendContext, reason: BackupReason): Promise<BackupDto> {
  if (!backupsEnabled(ctx)) throw new UserError('conflict', 'Dữ liệu đang mở chỉ nằm trong bộ nhớ nên không sao lưu được.');
  const dir = backupDirFor(ctx.dbPath);
  const fileName = await writeBackup(ctx.raw, dir, ctx.now(), reason);
  const made = listBackupFiles(dir).find((b) => b.fileName === fileName)!;
  pruneBackups(dir, fileName);
  await audit(ctx.db, ctx, { entity: 'backup', entityId: null, action: 'create', after: { fileName, reason, bytes: made.sizeBytes } });
  return made;
}

function listBackupFiles(dir: string): BackupDto[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupDto[] = [];
  for (const name of fs.readdirSync(dir)) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    out.push({ ...parsed, label: BACKUP_REASONS[parsed.reason], sizeBytes: fs.statSync(path.join(dir, name)).size });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function listBackups(ctx: BackendContext): BackupDto[] {
  return backupsEnabled(ctx) ? listBackupFiles(backupDirFor(ctx.dbPath)) : [];
}

/** Deletes what the keeping rule lets go, never the backup just made (a clock set back could make it look old). */
function pruneBackups(dir: string, justMade: string): void {
  for (const name of backupsToPrune(listBackupFiles(dir))) if (name !== justMade) fs.rmSync(path.join(dir, name), { force: true });
  // Leftovers of a backup interrupted by a crash.
  for (const name of fs.readdirSync(dir)) if (name.endsWith('.partial')) fs.rmSync(path.join(dir, name), { force: true });
}

/**
 * The first backup of the day (Vietnam time): asked for when TongHop starts and before every
 * call, so an app left open overnight gets it too; looked into once per day. A failure (a full
 * disk) is logged, never thrown: it must not keep the user from their data.
 */
const dayChecked = new WeakMap<BackendContext, string>();
export async function ensureDailyBackup(ctx: BackendContext, log: (message: string) => void): Promise<void> {
  if (!backupsEnabled(ctx)) return;
  const today = vietnamDay(ctx.now());
  if (dayChecked.get(ctx) === today) return;
  dayChecked.set(ctx, today);
  if (listBackups(ctx).some((b) => vietnamDay(b.createdAt) === today)) return;
  await createBackup(ctx, 'daily').catch((e: Error) => log(`Sao lưu đầu ngày không thành công: ${e.message}`));
}

/**
 * One backup per batch of imported files: the renderer sends a batch a few files a call with the
 * same batch id (the next call already on its way while one is stored), so the backup is taken
 * once, before the first file of it, and a call that comes while it is written waits for it.
 */
const batchBackups = new WeakMap<BackendContext, { batchId: string; done: Promise<void> }>();
export async function backupBeforeImport(ctx: BackendContext, reason: BackupReason, batchId: string | undefined): Promise<void> {
  if (!backupsEnabled(ctx)) return;
  const taken = batchBackups.get(ctx);
  if (batchId !== undefined && taken?.batchId === batchId) return taken.done;
  const done = createBackup(ctx, reason).then(() => undefined);
  if (batchId !== undefined) batchBackups.set(ctx, { batchId, done });
  try {
    await done;
  } catch (e) {
    // Not taken: the batch's next call tries again (and says why if it fails too).
    if (batchId !== undefined && batchBackups.get(ctx)?.done === done) batchBackups.delete(ctx);
    throw e;
  }
}

/**
 * What a database file holds, checked before it replaces the open one: whole, TongHop's, not from
 * a newer version, and with exactly the schema of its version (no added trigger, table or view).
 */
async function checkCandidate(file: string, shownName: string): Promise<void> {
  let db: SqliteDatabase.Database;
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    // Nothing in the file's schema may run as if it were TongHop's own (functions in views, triggers).
    db.pragma('trusted_schema = OFF');
  } catch {
    throw new UserError('validation', `"${shownName}" không phải tệp dữ liệu TongHop (không mở được như cơ sở dữ liệu SQLite).`);
  }
  try {
    let integrity: string;
    try {
      integrity = String(db.pragma('integrity_check', { simple: true }));
    } catch {
      throw new UserError('validation', `"${shownName}" không phải tệp dữ liệu TongHop hoặc đã bị hỏng.`);
    }
    if (integrity !== 'ok') throw new UserError('validation', `"${shownName}" bị hỏng (kiểm tra toàn vẹn báo lỗi: ${integrity.slice(0, 200)}). Hãy chọn bản sao lưu khác.`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]));
    if (!tables.has('kysely_migration') || !tables.has('org_unit') || !tables.has('plan')) {
      throw new UserError('validation', `"${shownName}" là một cơ sở dữ liệu SQLite nhưng không phải tệp dữ liệu TongHop.`);
    }
    const applied = db.prepare('SELECT name FROM kysely_migration').pluck().all() as string[];
    const unknown = applied.filter((name) => !(name in migrations));
    if (unknown.length > 0) {
      throw new UserError('conflict', `"${shownName}" được tạo bởi phiên bản TongHop mới hơn. Hãy cập nhật TongHop trước khi mở tệp này; dữ liệu đang dùng không bị thay đổi.`);
    }
    let differences: Awaited<ReturnType<typeof schemaDifferences>>;
    try {
      differences = await schemaDifferences(db);
    } catch {
      throw new UserError('validation', `"${shownName}" có cấu trúc dữ liệu bị hỏng nên không mở được; dữ liệu đang dùng không bị thay đổi.`);
    }
    if (differences === 'unknown_history') throw new UserError('validation', `"${shownName}" có lịch sử nâng cấp dữ liệu không phải của TongHop; tệp không được mở, dữ liệu đang dùng không bị thay đổi.`);
    if (differences.length) throw new UserError('validation', `"${shownName}" có cấu trúc khác với tệp dữ liệu TongHop (${differences.slice(0, 5).map(differenceText).join('; ')}${differences.length > 5 ? '; …' : ''}). Tệp có thể đã bị sửa để thay đổi số liệu nên không được mở; dữ liệu đang dùng không bị thay đổi.`);
  } finally {
    db.close();
  }
}

const OBJECT_NAMES: Record<string, string> = { table: 'bảng', index: 'chỉ mục', trigger: 'trigger', view: 'view' };
const differenceText = (d: SchemaDifference) => `${d.kind === 'extra' ? 'có thêm' : d.kind === 'missing' ? 'thiếu' : 'sửa'} ${OBJECT_NAMES[d.type] ?? d.type} "${d.name}"`;

/**
 * Replaces the open database with `source` (already checked), keeping a backup of what was open.
 * A backup being restored is copied (it stays a backup); a file staged for this is moved.
 */
async function replaceDatabase(ctx: BackendContext, source: string, reason: BackupReason, what: string, take: 'copy' | 'move'): Promise<BackupDto> {
  const before = await createBackup(ctx, reason);
  const release = ctx.holdCalls();
  try {
    const staged = `${ctx.dbPath}.incoming`;
    if (take === 'move') fs.renameSync(source, staged);
    else fs.copyFileSync(source, staged);
    await ctx.database.close();
    for (const suffix of ['-wal', '-shm']) fs.rmSync(ctx.dbPath + suffix, { force: true });
    fs.renameSync(staged, ctx.dbPath);
    await reopen(ctx);
    await audit(ctx.db, ctx, { entity: 'database', entityId: null, action: reason === 'open' ? 'open file' : 'restore', after: { from: what }, before: { backup: before.fileName } });
    return before;
  } catch (e) {
    // Whatever happened, the app must keep a working database: reopen what is on disk.
    if (!ctx.database.isOpen()) await reopen(ctx).catch(() => undefined);
    throw storageError(e, ctx.dbPath);
  } finally {
    release();
  }
}

/** Opens (and migrates) a database file; a migration that would change it waits for a backup of it. */
export function openWithMigrationBackup(dbPath: string, now: () => Date): Promise<OpenDatabase> {
  return openDatabase(dbPath, { beforeMigrate: async (raw) => void (await writeBackup(raw, backupDirFor(dbPath), now(), 'migration')) });
}

async function reopen(ctx: BackendContext): Promise<void> {
  ctx.useDatabase(await openWithMigrationBackup(ctx.dbPath, ctx.now));
}

export async function restoreBackup(ctx: BackendContext, fileName: string): Promise<{ restored: BackupDto; safetyBackup: BackupDto }> {
  const restored = listBackups(ctx).find((b) => b.fileName === fileName);
  if (!restored) throw notFound(`bản sao lưu "${fileName}"`);
  const file = path.join(backupDirFor(ctx.dbPath), fileName);
  await checkCandidate(file, `Bản sao lưu ${vietnamDateTime(restored.createdAt)}`);
  const safetyBackup = await replaceDatabase(ctx, file, 'restore', fileName, 'copy');
  return { restored, safetyBackup };
}

/** Opens a whole database file (from another computer, an older copy) in place of the current one. */
export async function openDatabaseFile(ctx: BackendContext, fileName: string, bytes: Uint8Array): Promise<{ safetyBackup: BackupDto }> {
  if (!backupsEnabled(ctx)) throw new UserError('conflict', 'Dữ liệu đang mở chỉ nằm trong bộ nhớ nên không thay được.');
  const staged = path.join(path.dirname(ctx.dbPath), `.opening-${process.pid}.sqlite`);
  try {
    fs.writeFileSync(staged, bytes);
    await checkCandidate(staged, fileName);
    return { safetyBackup: await replaceDatabase(ctx, staged, 'open', fileName, 'move') };
  } catch (e) {
    throw storageError(e, ctx.dbPath);
  } finally {
    fs.rmSync(staged, { force: true });
  }
}

/** The whole database as one file, consistent even while it is being used. */
export async function exportDatabase(ctx: BackendContext): Promise<{ fileName: string; bytes: Buffer }> {
  if (!backupsEnabled(ctx)) throw new UserError('conflict', 'Dữ liệu đang mở chỉ nằm trong bộ nhớ nên không xuất được.');
  const dir = path.join(path.dirname(ctx.dbPath), '.export');
  const fileName = await writeBackup(ctx.raw, dir, ctx.now(), 'manual');
  try {
    const bytes = fs.readFileSync(path.join(dir, fileName));
    return { fileName: `TongHop-du-lieu-${vietnamDay(ctx.now())}.sqlite`, bytes };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
