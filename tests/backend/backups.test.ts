import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startBackend } from '../../electron/backend/index';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrations } from '../../electron/backend/db/migrations';
import { backupFileName, backupsToPrune, parseBackupFileName, type BackupName } from '../../shared/domain/backups';
import { vietnamDay } from '../../shared/domain/vietnam-time';
import { REPO_ROOT, call, callError, tempDir, testBackend } from '../helpers/backend';
import { filledReports, province } from '../helpers/test-province';

const count = (raw: Database.Database, table: string) => raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('backup names and what is kept', () => {
  it('names a backup by its UTC time and reason, and reads the name back', () => {
    const name = backupFileName(new Date('2026-11-23T17:35:29.123Z'), 'import');
    expect(name).toBe('tonghop-20261123-173529123-import.sqlite');
    expect(parseBackupFileName(name)).toEqual({ fileName: name, createdAt: '2026-11-23T17:35:29.123Z', reason: 'import' });
    expect(parseBackupFileName('tonghop-20261123-173529123-evil.sqlite')).toBeNull();
    expect(parseBackupFileName('notes.txt')).toBeNull();
    // 17:35 UTC is already the next day in Vietnam.
    expect(vietnamDay('2026-11-23T17:35:29.123Z')).toBe('2026-11-24');
  });

  it('keeps the latest 30 and, before them, the first backup of each month', () => {
    // One backup a day from 1 August to 15 November 2026 (107 days).
    const all: BackupName[] = [];
    for (let t = Date.parse('2026-08-01T02:00:00Z'); t <= Date.parse('2026-11-15T02:00:00Z'); t += 86_400_000) {
      const fileName = backupFileName(new Date(t), 'daily');
      all.push(parseBackupFileName(fileName)!);
    }
    const pruned = new Set(backupsToPrune(all));
    const kept = all.filter((b) => !pruned.has(b.fileName)).map((b) => b.createdAt.slice(0, 10));
    // The latest 30 reach back to 17 October; August, September and the 1st of October stay.
    expect(kept.slice(0, 3)).toEqual(['2026-08-01', '2026-09-01', '2026-10-01']);
    expect(kept.slice(3)).toHaveLength(30);
    expect(kept[3]).toBe('2026-10-17');
    expect(kept.at(-1)).toBe('2026-11-15');
  });
});

describe('backups of a real database file', () => {
  it('backs up at the start of each day, once', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'tonghop.sqlite');
    let now = new Date('2026-11-23T01:00:00Z');
    const open = () => startBackend({ dbPath, demoOnEmpty: false, now: () => now, log: () => undefined });
    let b = await open();
    let list = await call(b, 'backup-list', {});
    expect(list.folder).toBe(path.join(dir, 'backups'));
    expect(list.backups.map((x) => x.reason)).toEqual(['daily']);
    await b.close();
    now = new Date('2026-11-23T09:00:00Z');
    b = await open();
    expect((await call(b, 'backup-list', {})).backups).toHaveLength(1);
    // Left open overnight: the first call of the next day makes the day's backup.
    now = new Date('2026-11-24T01:00:00Z');
    list = await call(b, 'backup-list', {});
    expect(list.backups.map((x) => [x.reason, vietnamDay(x.createdAt)])).toEqual([
      ['daily', '2026-11-24'],
      ['daily', '2026-11-23'],
    ]);
    // A backup is a consistent, plain SQLite file of the data.
    const copy = new Database(path.join(list.folder, list.backups[0]!.fileName), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    await b.close();
  });

  it('backs up once before a batch of imports, and the backup holds the data as it was before it', async () => {
    const b = await testBackend({ now: new Date('2026-06-01T03:00:00Z') });
    const { districts, period } = await province(b, 3);
    const files = await filledReports(b, period.id, districts);
    for (const f of files) await call(b, 'report-import', { files: [f], periodId: period.id, batchId: 'batch-1' });
    const { folder, backups } = await call(b, 'backup-list', {});
    expect(backups.map((x) => x.reason).sort()).toEqual(['daily', 'import']);
    const before = new Database(path.join(folder, backups.find((x) => x.reason === 'import')!.fileName), { readonly: true });
    expect(count(before, 'report')).toBe(0);
    expect(count(before, 'org_unit')).toBe(4);
    before.close();
    expect(count(b.database.raw, 'report')).toBe(3);
    await b.close();
  });

  it('restores a backup after backing up what is there, and the app goes on with the restored data', async () => {
    const b = await testBackend({ now: new Date('2026-06-01T03:00:00Z') });
    const { districts, period } = await province(b, 2);
    const manual = await call(b, 'backup-create', {});
    expect(manual.label).toBe('Sao lưu thủ công');
    const files = await filledReports(b, period.id, districts);
    await call(b, 'report-import', { files, periodId: period.id });
    expect(count(b.database.raw, 'report')).toBe(2);

    const r = await call(b, 'backup-restore', { fileName: manual.fileName });
    expect(r.restored.fileName).toBe(manual.fileName);
    expect(r.safetyBackup.reason).toBe('restore');
    // The data is as it was at the backup, through the same backend.
    expect(count(b.database.raw, 'report')).toBe(0);
    expect((await call(b, 'period-status', { id: period.id }))!.units.every((u) => u.status === 'missing')).toBe(true);
    const audit = b.database.raw.prepare("SELECT action, after_json FROM audit_log WHERE entity = 'database'").all() as { action: string; after_json: string }[];
    expect(audit).toEqual([{ action: 'restore', after_json: JSON.stringify({ from: manual.fileName }) }]);
    // And what was there before the restore is in the safety backup: restoring it brings the reports back.
    await call(b, 'backup-restore', { fileName: r.safetyBackup.fileName });
    expect(count(b.database.raw, 'report')).toBe(2);
    expect(b.database.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    await b.close();
  });

  it('exports the whole database as one file, and opens such a file in place of the current data', async () => {
    const a = await testBackend({ demo: true });
    const exported = await call(a, 'database-export', {});
    expect(exported.fileName).toMatch(/^TongHop-du-lieu-\d{4}-\d{2}-\d{2}\.sqlite$/);
    const b = await testBackend();
    expect(count(b.database.raw, 'plan')).toBe(0);
    const opened = await call(b, 'database-open', exported);
    expect(opened.safetyBackup.reason).toBe('open');
    expect(count(b.database.raw, 'plan')).toBe(count(a.database.raw, 'plan'));
    expect((await call(b, 'plan-list', {})).length).toBeGreaterThan(0);
    await a.close();
    await b.close();
  });

  it('refuses a file that is not a TongHop database, a damaged one and one from a newer version, changing nothing', async () => {
    const b = await testBackend({ now: new Date('2026-06-01T03:00:00Z') });
    await province(b, 1);
    const units = count(b.database.raw, 'org_unit');
    const backupsBefore = (await call(b, 'backup-list', {})).backups.length;

    const text = await callError(b, 'database-open', { fileName: 'ghi-chu.sqlite', dataBase64: Buffer.from('không phải cơ sở dữ liệu').toString('base64') });
    expect(text.message).toBe('"ghi-chu.sqlite" không phải tệp dữ liệu TongHop hoặc đã bị hỏng.');

    const other = path.join(tempDir(), 'other.sqlite');
    const o = new Database(other);
    o.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    o.close();
    const notOurs = await callError(b, 'database-open', { fileName: 'other.sqlite', dataBase64: fs.readFileSync(other).toString('base64') });
    expect(notOurs.message).toBe('"other.sqlite" là một cơ sở dữ liệu SQLite nhưng không phải tệp dữ liệu TongHop.');

    const exported = await call(b, 'database-export', {});
    const future = path.join(tempDir(), 'future.sqlite');
    fs.writeFileSync(future, Buffer.from(exported.dataBase64, 'base64'));
    const f = new Database(future);
    f.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', 'x')").run();
    f.close();
    const newer = await callError(b, 'database-open', { fileName: 'future.sqlite', dataBase64: fs.readFileSync(future).toString('base64') });
    expect(newer.message).toMatch(/^"future.sqlite" được tạo bởi phiên bản TongHop mới hơn/);

    const damaged = Buffer.from(exported.dataBase64, 'base64');
    damaged.fill(0x55, 4096 * 3, 4096 * 5); // overwrite two pages in the middle
    const broken = await callError(b, 'database-open', { fileName: 'hong.sqlite', dataBase64: damaged.toString('base64') });
    expect(broken.message).toMatch(/^"hong.sqlite" (bị hỏng|không phải tệp dữ liệu TongHop hoặc đã bị hỏng)/);

    expect(count(b.database.raw, 'org_unit')).toBe(units);
    expect((await call(b, 'backup-list', {})).backups).toHaveLength(backupsBefore);
    expect(fs.readdirSync(b.dir).filter((n) => !n.startsWith('tonghop.sqlite') && n !== 'backups')).toEqual([]);
    await b.close();
  });

  it('backs up an existing database before migrating it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'tonghop.sqlite');
    // A database of the version before the last migration.
    const raw = new Database(file);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    const r = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo('0003-merge-overrides');
    expect(r.error).toBeUndefined();
    raw.prepare("INSERT INTO setting (key, value) VALUES ('userName', 'Lan')").run();
    await db.destroy();
    const b = await startBackend({ dbPath: file, demoOnEmpty: false, log: () => undefined });
    const { backups, folder } = await call(b, 'backup-list', {});
    const migration = backups.find((x) => x.reason === 'migration');
    expect(migration?.label).toBe('Trước khi nâng cấp dữ liệu');
    const copy = new Database(path.join(folder, migration!.fileName), { readonly: true });
    expect(copy.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all()).not.toContain('0004-reorganisation');
    expect(copy.prepare("SELECT value FROM setting WHERE key = 'userName'").pluck().get()).toBe('Lan');
    copy.close();
    await b.close();
  });

  it('has backup, backups and restore on the command line; restore asks for --yes', async () => {
    const b = await testBackend({ now: new Date('2026-06-01T03:00:00Z') });
    await province(b, 1);
    const dbPath = b.ctx.dbPath;
    await b.close();
    const cli = (...args: string[]) => {
      try {
        return { code: 0, out: execFileSync(process.execPath, ['--import', 'tsx', 'electron/backend/cli.ts', ...args, '--db', dbPath], { cwd: REPO_ROOT, encoding: 'utf8' }) };
      } catch (e) {
        const err = e as { status: number; stdout: string; stderr: string };
        return { code: err.status, out: err.stdout + err.stderr };
      }
    };
    const made = cli('backup', '--json');
    const backup = JSON.parse(made.out) as { fileName: string };
    expect(cli('backups').out).toContain(backup.fileName);
    const asked = cli('restore', backup.fileName);
    expect(asked.code).toBe(2);
    expect(asked.out).toMatch(/sẽ được thay bằng bản sao lưu ngày \d\d\/\d\d\/\d{4} lúc \d\d:\d\d \(sao lưu thủ công\).*--yes/);
    const done = cli('restore', backup.fileName, '--yes');
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/^Đã khôi phục bản sao lưu ngày .* Dữ liệu trước đó đã được sao lưu: tonghop-\d{8}-\d{9}-restore\.sqlite/);
  });
});
