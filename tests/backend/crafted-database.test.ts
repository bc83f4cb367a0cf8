/**
 * A database file from outside carries no code: a copy of a real database with a trigger, a
 * table or a view added, an index changed, or a broken schema, is refused by "open" and
 * "restore" with a Vietnamese message, and nothing changes. A genuine file still opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { call, callError, tempDir, testBackend } from '../helpers/backend';

describe('database files from outside', () => {
  let backend: Backend & { dir: string };
  let genuine: Buffer;
  const fingerprint = () => backend.database.raw.prepare('SELECT (SELECT count(*) FROM plan) AS plans, (SELECT count(*) FROM audit_log) AS audits, (SELECT count(*) FROM org_unit) AS units').get();

  /** The genuine export, changed by `sql` on a connection that may write the schema. */
  const crafted = (sql: string, unsafe = false) => {
    const file = path.join(tempDir('tonghop-crafted-'), 'x.sqlite');
    fs.writeFileSync(file, genuine);
    const db = new SqliteDatabase(file);
    if (unsafe) db.unsafeMode(true);
    db.exec(sql);
    db.close();
    return fs.readFileSync(file);
  };
  const open = (bytes: Buffer) => callError(backend, 'database-open', { fileName: 'tu-may-khac.sqlite', dataBase64: bytes.toString('base64') });

  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2024-12-01T02:00:00Z') });
    genuine = Buffer.from((await call(backend, 'database-export', {})).dataBase64, 'base64');
  });
  afterAll(() => backend.close());

  it('refuses an added trigger (a numerator stored as 0) and changes nothing', async () => {
    const before = fingerprint();
    const bytes = crafted('CREATE TRIGGER zero AFTER INSERT ON report_value BEGIN UPDATE report_value SET numerator = 0 WHERE rowid = NEW.rowid; END; CREATE TRIGGER forget AFTER INSERT ON merge_override BEGIN DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log); END;');
    const err = await open(bytes);
    expect(err.message).toBe('"tu-may-khac.sqlite" có cấu trúc khác với tệp dữ liệu TongHop (có thêm trigger "forget"; có thêm trigger "zero"). Tệp có thể đã bị sửa để thay đổi số liệu nên không được mở; dữ liệu đang dùng không bị thay đổi.');
    expect(fingerprint()).toEqual(before);
    expect(backend.database.raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name IN ('zero', 'forget')").get()).toEqual({ n: 0 });
  });

  it('refuses an extra table, an extra view and a changed index', async () => {
    expect((await open(crafted('CREATE TABLE notes (x TEXT);'))).message).toContain('có thêm bảng "notes"');
    expect((await open(crafted('CREATE VIEW v AS SELECT 1;'))).message).toContain('có thêm view "v"');
    const index = backend.database.raw.prepare("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL LIMIT 1").get() as { name: string; tbl_name: string };
    const cols = backend.database.raw.prepare(`PRAGMA table_info(${index.tbl_name})`).all() as { name: string }[];
    expect((await open(crafted(`DROP INDEX ${index.name}; CREATE INDEX ${index.name} ON ${index.tbl_name} (${cols.at(-1)!.name});`))).message).toContain(`sửa chỉ mục "${index.name}"`);
    expect((await open(crafted(`DROP INDEX ${index.name};`))).message).toContain(`thiếu chỉ mục "${index.name}"`);
  });

  it('refuses a broken schema before the swap, and the app keeps writing', async () => {
    const bytes = crafted("PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = 'CREATE TRIGGER t AFTER INSERT ON nothing BEGIN SELECT 1; END' WHERE type = 'table' AND name = 'setting';", true);
    const err = await open(bytes);
    expect(err.message).toMatch(/^"tu-may-khac\.sqlite" (không phải tệp dữ liệu TongHop|có cấu trúc|bị hỏng)/);
    await call(backend, 'settings-set', { userName: 'Lan', organisationName: '', place: '' });
    expect((await call(backend, 'settings-get', {})).userName).toBe('Lan');
  });

  it('opens the genuine file, and its own connection cannot write the schema', async () => {
    expect(await call(backend, 'database-open', { fileName: 'that.sqlite', dataBase64: genuine.toString('base64') })).toMatchObject({ safetyBackup: { reason: 'open' } });
    expect(() => backend.database.raw.exec("PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = sql WHERE name = 'plan'")).toThrow();
    expect(backend.database.raw.pragma('trusted_schema', { simple: true })).toBe(0);
  });
});

describe('what is on disk', () => {
  it('commits with synchronous FULL, and backups are readable by the user only', async () => {
    const b = await testBackend({ demo: true });
    try {
      expect(b.database.raw.pragma('synchronous', { simple: true })).toBe(2);
      const backup = await call(b, 'backup-create', {});
      const folder = (await call(b, 'backup-list', {})).folder;
      expect(fs.statSync(path.join(folder, backup.fileName)).mode & 0o077).toBe(0);
      expect(fs.statSync(folder).mode & 0o077).toBe(0);
    } finally {
      await b.close();
    }
  });
});

describe('a submitted period is frozen', () => {
  it("refuses a plan change that would change what a submitted period says, allows a wording fix, and allows it again once unlocked", async () => {
    const b = await testBackend({ demo: true, now: new Date('2024-12-10T02:00:00Z') });
    try {
      const period = (await call(b, 'period-list', {})).find((p) => p.name === 'Năm 2024')!;
      const plan = await call(b, 'plan-get', { id: period.planId });
      const m = plan.goals[0]!.indicators[0]!.measures.find((x) => x.code === '1.2')!;
      const save = (patch: object) =>
        b.dispatch('measure-save', { id: m.id, indicatorId: m.indicatorId, code: m.code, name: m.name, unitLabel: m.unitLabel, valueKind: m.valueKind, rateFactor: m.rateFactor, direction: m.direction, rollup: m.rollup, leadUnitId: m.leadUnitId, cooperatingUnitIds: m.cooperatingUnitIds, targets: m.targets.map((t) => ({ year: t.year, isPhaseEnd: t.isPhaseEnd, text: t.text })), ...patch });
      await call(b, 'period-submit', { id: period.id });
      const changed = await save({ targets: m.targets.map((t) => ({ year: t.year, isPhaseEnd: t.isPhaseEnd, text: t.year === 2024 && !t.isPhaseEnd ? '5' : t.text })) });
      expect(changed).toMatchObject({ ok: false, error: { type: 'conflict' } });
      expect(!changed.ok && changed.error.message).toBe('Không thể sửa chỉ số 1.2: kỳ "Năm 2024" (nộp ngày 10/12/2024) đã nộp lên cấp trên và đang khoá, thay đổi này sẽ làm đổi số liệu hoặc đánh giá của kỳ đó. Nếu cần sửa, hãy mở khoá kỳ (ghi lý do) trước.');
      expect((await save({ direction: 'at_most' })).ok).toBe(false);
      expect((await b.dispatch('measure-delete', { id: m.id })).ok).toBe(false);
      expect((await save({ name: `${m.name} (sửa chính tả)` })).ok).toBe(true);
      await call(b, 'period-unlock', { id: period.id, reason: 'Sửa chỉ tiêu theo văn bản điều chỉnh' });
      expect((await save({ direction: 'at_most' })).ok).toBe(true);
    } finally {
      await b.close();
    }
  });
});
