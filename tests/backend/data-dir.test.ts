/**
 * Problems of the data folder: a second TongHop on the same file, a folder the user may not
 * write to, a full disk, a database from a newer TongHop. Each gives a clear message and no damage.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackend } from '../../electron/backend/index';
import { REPO_ROOT, call, callError, tempDir, testBackend } from '../helpers/backend';
import { filledReports, province } from '../helpers/test-province';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** Whether a user other than the owner can reach the folder (every folder above it lets others in). */
function othersCanReach(dir: string): boolean {
  for (let d = dir; ; d = path.dirname(d)) {
    if ((fs.statSync(d).mode & 0o001) === 0) return false;
    if (path.dirname(d) === d) return true;
  }
}

/** Starts the web host on `dbPath` in another process and waits until it listens. */
async function otherInstance(dbPath: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/backend/web-host.ts', '--db', dbPath], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('LISTENING')) resolve();
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`web host exited ${code}: ${out}`)));
  });
  return child;
}

const sha = (file: string) => execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0];

describe('the data folder', () => {
  it('starts the web host the first time, where the data folder does not exist yet (HOME, XDG_CONFIG_HOME, APPDATA empty)', async () => {
    const home = tempDir('tonghop-home-');
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/backend/web-host.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), APPDATA: path.join(home, 'AppData', 'Roaming') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const out = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout!.on('data', (d: Buffer) => {
        text += d.toString();
        if (text.includes('LISTENING')) resolve(text);
      });
      child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
      child.on('exit', (code) => reject(new Error(`web host exited ${code}: ${text}`)));
    });
    expect(out).toMatch(/LISTENING http:\/\/127\.0\.0\.1:\d+\/\?t=/);
    expect(fs.existsSync(path.join(home, '.config', 'TongHop', 'tonghop.sqlite'))).toBe(true);
  });

  it('refuses a second TongHop on the same database, and takes over the lock of one that crashed', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'tonghop.sqlite');
    const first = await otherInstance(dbPath);
    const refused = startBackend({ dbPath, demoOnEmpty: false, log: () => undefined });
    await expect(refused).rejects.toThrow(
      new RegExp(`^Tệp dữ liệu "${dbPath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}" đang được một cửa sổ TongHop khác trên máy này \\(tiến trình ${first.pid}\\) sử dụng từ \\d\\d/\\d\\d/\\d{4} lúc \\d\\d:\\d\\d\\. Hãy dùng cửa sổ đó`),
    );
    // The first one crashes (killed): its lock is left behind, and the next start takes it over.
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    expect(fs.existsSync(`${dbPath}.lock`)).toBe(true);
    const next = await startBackend({ dbPath, demoOnEmpty: false, log: () => undefined });
    expect(next.database.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await call(next, 'plan-list', {})).length).toBeGreaterThan(0); // the demo the first one loaded
    await next.close();
    expect(fs.existsSync(`${dbPath}.lock`)).toBe(false);
  });

  it('says plainly that a read-only data folder cannot be written, and changes nothing in it', async () => {
    const b = await testBackend();
    await province(b, 1);
    await b.close();
    const expected = (dir: string) => `Không ghi được vào thư mục dữ liệu "${dir}" (thư mục chỉ đọc hoặc không có quyền ghi). Hãy chọn thư mục khác hoặc nhờ quản trị máy cấp quyền ghi.`;
    const asRoot = process.getuid?.() === 0;
    if (!asRoot || othersCanReach(REPO_ROOT)) {
      // A folder the user may not write to. Root may write anywhere: the app runs as an ordinary user, as on an office PC.
      const dir = tempDir();
      const dbPath = path.join(dir, 'tonghop.sqlite');
      fs.copyFileSync(b.ctx.dbPath, dbPath);
      const before = sha(dbPath);
      fs.chmodSync(dbPath, 0o444);
      fs.chmodSync(dir, 0o555);
      try {
        const asUser = asRoot ? { uid: 65534, gid: 65534 } : {};
        let message = '';
        try {
          execFileSync(process.execPath, ['--import', 'tsx', 'electron/backend/cli.ts', 'status', '--db', dbPath], { cwd: REPO_ROOT, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, HOME: '/tmp' }, ...asUser });
        } catch (e) {
          message = String((e as { stderr: string }).stderr);
        }
        expect(message).toContain(expected(dir));
      } finally {
        fs.chmodSync(dir, 0o755);
      }
      expect(sha(dbPath)).toBe(before);
      expect(fs.readdirSync(dir)).toEqual(['tonghop.sqlite']);
      return;
    }
    // The checkout is private (mode 0700): an ordinary user could not run it. A read-only file
    // system stops root too: a small tmpfs with the database, remounted read-only.
    const dir = tempDir('tonghop-ro-');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { stdio: 'pipe' });
    try {
      const dbPath = path.join(dir, 'tonghop.sqlite');
      fs.copyFileSync(b.ctx.dbPath, dbPath);
      const before = sha(dbPath);
      execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' });
      await expect(startBackend({ dbPath, demoOnEmpty: false, log: () => undefined })).rejects.toThrow(expected(dir));
      expect(sha(dbPath)).toBe(before);
      expect(fs.readdirSync(dir)).toEqual(['tonghop.sqlite']);
    } finally {
      execFileSync('umount', ['--lazy', dir]);
    }
  });

  it('on a full disk, an import says the disk is full, writes nothing and the data stays sound', async () => {
    const b = await testBackend({ now: new Date('2026-06-01T03:00:00Z') });
    const { districts, period } = await province(b, 3);
    const files = await filledReports(b, period.id, districts);
    await call(b, 'report-import', { files: [files[0]!], periodId: period.id });
    const reports = () => b.database.raw.prepare('SELECT count(*) FROM report').pluck().get() as number;
    expect(reports()).toBe(1);
    // The database may not grow by a single page: SQLite reports SQLITE_FULL exactly as on a full disk.
    const pages = b.database.raw.pragma('page_count', { simple: true }) as number;
    b.database.raw.pragma(`max_page_count = ${pages}`);
    const results = await b.dispatch('report-import', { files: files.slice(1), periodId: period.id });
    expect(results.ok).toBe(false);
    if (!results.ok) expect(results.error.message).toBe(`Ổ đĩa chứa tệp dữ liệu "${b.ctx.dbPath}" đã đầy. Hãy giải phóng dung lượng rồi thử lại; dữ liệu đã có không bị thay đổi.`);
    expect(reports()).toBe(1);
    expect(b.database.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(b.database.raw.pragma('foreign_key_check')).toEqual([]);
    await b.close();
  });

  it('on a real full disk, a backup says so and leaves no half-written file', async (ctx) => {
    const mountPoint = tempDir('tonghop-full-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint], { stdio: 'pipe' });
    } catch {
      console.log('SKIP real full disk: this machine does not let the tests mount a small tmpfs (needs root); the SQLITE_FULL case above covers the database');
      ctx.skip();
      return;
    }
    try {
      const dbPath = path.join(mountPoint, 'tonghop.sqlite');
      const b = await startBackend({ dbPath, demoOnEmpty: false, log: () => undefined });
      // Fill what is left of the disk.
      const filler = path.join(mountPoint, 'filler');
      const fd = fs.openSync(filler, 'w');
      try {
        for (;;) fs.writeSync(fd, Buffer.alloc(16 * 1024));
      } catch (e) {
        expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        fs.closeSync(fd);
      }
      const err = await callError(b, 'backup-create', {});
      expect(err.message).toMatch(/^Ổ đĩa chứa tệp dữ liệu ".*tonghop-\d{8}-\d{9}-manual\.sqlite" đã đầy\. Hãy giải phóng dung lượng rồi thử lại/);
      expect(fs.readdirSync(path.join(mountPoint, 'backups')).filter((n) => n.includes('manual'))).toEqual([]);
      // Free the space: the backup now works.
      fs.rmSync(filler);
      expect((await call(b, 'backup-create', {})).reason).toBe('manual');
      await b.close();
      const check = new Database(dbPath);
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();
    } finally {
      execFileSync('umount', ['--lazy', mountPoint]);
    }
  });

  it('refuses a database written by a newer TongHop without touching it or leaving a lock', async () => {
    const b = await testBackend();
    await b.close();
    const raw = new Database(b.ctx.dbPath);
    raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', 'x')").run();
    raw.close();
    const before = sha(b.ctx.dbPath);
    await expect(startBackend({ dbPath: b.ctx.dbPath, demoOnEmpty: false })).rejects.toThrow(/^Tệp dữ liệu này được tạo bởi phiên bản TongHop mới hơn .*dữ liệu không bị thay đổi\.$/);
    expect(sha(b.ctx.dbPath)).toBe(before);
    expect(fs.existsSync(`${b.ctx.dbPath}.lock`)).toBe(false);
  });
});
