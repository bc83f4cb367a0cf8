/**
 * An audit trail an auditor accepts: who really did it (the computer's account and name beside
 * the display name), every listed change in it, rows that cannot be changed or removed, and a
 * hash chain whose break `audit verify` finds — after a raw edit, a removed row, a row slipped in.
 */
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { call, testBackend } from '../helpers/backend';

type Row = { id: number; entity: string; action: string; user_name: string; os_user: string; computer: string; before_json: string | null; after_json: string | null };

describe('the audit trail', () => {
  let backend: Backend;
  let periodId: number;
  const rows = () => backend.database.raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];
  const last = (entity: string, action?: string) => rows().filter((r) => r.entity === entity && (action === undefined || r.action === action)).at(-1);

  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2024-12-01T02:00:00Z') });
    periodId = (await call(backend, 'period-list', {})).find((p) => p.name === 'Năm 2024')!.id;
  });
  afterAll(() => backend.close());

  it('says who really did it, and a change of the display name is itself audited', async () => {
    const s = await call(backend, 'settings-get', {});
    await call(backend, 'settings-set', { ...s, userName: 'Nguyễn Thị Lan' });
    await call(backend, 'settings-set', { ...s, userName: 'Trần Văn Bình' });
    const row = last('setting', 'settings')!;
    expect(JSON.parse(row.before_json!)).toEqual({ userName: 'Nguyễn Thị Lan' });
    expect(JSON.parse(row.after_json!)).toEqual({ userName: 'Trần Văn Bình' });
    expect(row.user_name).toBe('Trần Văn Bình');
    expect(row.os_user).toBe(os.userInfo().username);
    expect(row.computer).toBe(os.hostname());
    const n = rows().length;
    await call(backend, 'settings-set', { ...s, userName: 'Trần Văn Bình' });
    expect(rows().length).toBe(n); // nothing changed, nothing written
  });

  it('records document settings, narratives and task progress overwritten in place, the merge text, backups and data leaving', async () => {
    const doc = await call(backend, 'document-settings-get', { periodId });
    await call(backend, 'document-settings-set', { periodId, document: { ...doc, signerName: 'Phạm Văn Hùng' } });
    expect(JSON.parse(last('setting', 'document settings')!.after_json!)).toEqual({ signerName: 'Phạm Văn Hùng' });

    const st = (await call(backend, 'period-status', { id: periodId }))!;
    const unitId = st.units.find((u) => u.unitName === 'Sở Y tế')!.unitId;
    const entry = await call(backend, 'report-entry-get', { periodId, unitId });
    await call(backend, 'report-entry-save', { periodId, unitId, values: [], narratives: { difficulties: 'Thiếu cán bộ.' } });
    await call(backend, 'report-entry-save', { periodId, unitId, values: [], narratives: { difficulties: 'Thiếu cán bộ ở xã.' } });
    const narrative = last('report', 'narrative difficulties')!;
    expect([JSON.parse(narrative.before_json!), JSON.parse(narrative.after_json!)]).toEqual(['Thiếu cán bộ.', 'Thiếu cán bộ ở xã.']);
    if (entry.tasks.length) {
      await call(backend, 'report-entry-save', { periodId, unitId, values: [], taskProgress: [{ taskId: entry.tasks[0]!.id, progress: 'Đã tổ chức 2 lớp.' }] });
      expect(JSON.parse(last('report', `task ${entry.tasks[0]!.id}`)!.after_json!)).toMatchObject({ progress: 'Đã tổ chức 2 lớp.' });
    }

    await call(backend, 'merge-save', { periodId, narratives: { results: 'Kết quả tổng hợp.' } });
    expect(JSON.parse(last('merge', 'save')!.after_json!).narratives.results).toBe('Kết quả tổng hợp.');
    const backup = await call(backend, 'backup-create', {});
    expect(JSON.parse(last('backup', 'create')!.after_json!)).toMatchObject({ fileName: backup.fileName, reason: 'manual' });
    await call(backend, 'database-export', {});
    expect(last('export', 'whole database')).toBeDefined();
    const x = await call(backend, 'merge-export', { periodId });
    expect(JSON.parse(last('export', 'submission xlsx')!.after_json!)).toEqual({ fileName: x.fileName });
    const template = await call(backend, 'template-build', { periodId, unitId });
    expect(JSON.parse(last('export', 'template xlsx')!.after_json!)).toEqual({ fileName: template.fileName, unitId });
    const zip = await call(backend, 'template-build-all', { periodId });
    expect(JSON.parse(last('export', 'templates zip')!.after_json!)).toEqual({ fileName: zip.fileName, count: zip.count });
    const pdf = await call(backend, 'merge-pdf', { periodId, document: { ...doc, signerName: 'Phạm Văn Hùng' } });
    expect(JSON.parse(last('export', 'report pdf')!.after_json!)).toEqual({ fileName: pdf.fileName });
    await call(backend, 'backup-restore', { fileName: backup.fileName });
    // The restored file carries its own trail up to the backup, chained, and the restore is in it.
    expect(last('database', 'restore')).toBeDefined();
    expect((await call(backend, 'audit-verify', {})).ok).toBe(true);
  });

  it('keeps one unbroken chain when calls that audit run at once', async () => {
    const units = (await call(backend, 'period-status', { id: periodId }))!.units.slice(0, 8);
    const before = rows().length;
    // Eight template exports at once, as the home screen's "Tải tất cả" and a user clicking would send them.
    await Promise.all(units.map((u) => call(backend, 'template-build', { periodId, unitId: u.unitId })));
    const exports = rows().slice(before);
    expect(exports.filter((r) => r.entity === 'export')).toHaveLength(8);
    expect((await call(backend, 'audit-verify', {})).ok).toBe(true);
  });

  it('refuses to change or remove a row', () => {
    expect(() => backend.database.raw.prepare("UPDATE audit_log SET user_name = 'ai đó' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => backend.database.raw.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
  });

  it('finds where the chain breaks after a raw edit, a removed row, a row slipped in', async () => {
    const ok = await call(backend, 'audit-verify', {});
    expect(ok).toMatchObject({ ok: true, broken: null });
    expect(ok.message).toMatch(/^Nhật ký thay đổi nguyên vẹn: [\d.]+ dòng/);
    const raw = backend.database.raw;
    raw.exec('DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete;');
    raw.prepare("UPDATE audit_log SET after_json = '{\"value\":0}' WHERE id = 5").run();
    const changed = await call(backend, 'audit-verify', {});
    expect(changed).toMatchObject({ ok: false, broken: { id: 5, why: 'changed' } });
    expect(changed.message).toMatch(/^Nhật ký thay đổi không còn nguyên vẹn: dòng số 5 \(ghi lúc [^)]+\) đã bị sửa sau khi ghi\./);
    raw.prepare('DELETE FROM audit_log WHERE id = 5').run();
    expect(await call(backend, 'audit-verify', {})).toMatchObject({ ok: false, broken: { id: 6, why: 'removed_before' } });
    raw.prepare("INSERT INTO audit_log (id, at, user_name, entity, entity_id, action) VALUES (5, '2024-12-01T02:00:00.000Z', 'x', 'report', 1, 'value 1.1')").run();
    expect(await call(backend, 'audit-verify', {})).toMatchObject({ ok: false, broken: { id: 5, why: 'not_chained' } });
  });
});
