import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { call, callError, testBackend } from '../helpers/backend';
import { filledReports, province } from '../helpers/test-province';

describe('locked reports and periods, and a value history', () => {
  let b: Backend;
  let ctx: Awaited<ReturnType<typeof province>>;
  let files: Awaited<ReturnType<typeof filledReports>>;
  const audit = (action: string) => b.database.raw.prepare('SELECT entity, user_name, reason FROM audit_log WHERE action = ? ORDER BY id').all(action);
  const setUser = (userName: string) => call(b, 'settings-set', { userName, organisationName: '', place: '' });

  beforeAll(async () => {
    b = await testBackend({ now: new Date('2026-06-01T03:00:00Z') });
    ctx = await province(b, 2);
    files = await filledReports(b, ctx.period.id, ctx.districts);
  });
  afterAll(() => b.close());

  it('locks an approved report: no new file, no typing, until it is unlocked with a reason', async () => {
    const { period, districts } = ctx;
    await setUser('Nguyễn Thị Lan');
    const [first] = await call(b, 'report-import', { files: [files[0]!], periodId: period.id });
    await call(b, 'report-approve', { id: first!.reportId! });

    const [again] = await call(b, 'report-import', { files: [files[0]!], periodId: period.id, replace: true });
    expect(again!.outcome).toBe('rejected');
    expect(again!.problems[0]!.message).toBe(
      'Huyện Số 01 - 6 tháng đầu năm 2026.xlsx: Báo cáo của Huyện Số 01 đã được duyệt ngày 01/06/2026 (Nguyễn Thị Lan) nên đang khoá. Tệp này chưa được nhận; nếu cần thay báo cáo, hãy mở khoá (ghi lý do) rồi nhận lại tệp.',
    );
    const typed = await callError(b, 'report-entry-save', { periodId: period.id, unitId: districts[0]!.id, values: [] });
    expect(typed.message).toBe('Báo cáo của Huyện Số 01 đã được duyệt ngày 01/06/2026 (Nguyễn Thị Lan) nên đang khoá. Không thể sửa số liệu. Nếu cần sửa, hãy mở khoá (ghi lý do).');
    expect((await call(b, 'report-entry-get', { periodId: period.id, unitId: districts[0]!.id })).lock).toEqual({ kind: 'report', message: expect.stringContaining('đã được duyệt') });

    expect((await callError(b, 'report-unlock', { id: first!.reportId!, reason: 'sai' })).message).toMatch(/cần ghi lý do mở khoá/);
    await call(b, 'report-unlock', { id: first!.reportId!, reason: 'Huyện gửi lại số trẻ em khai sinh' });
    expect(audit('unlock')).toEqual([{ entity: 'report', user_name: 'Nguyễn Thị Lan', reason: 'Huyện gửi lại số trẻ em khai sinh' }]);
    const [replaced] = await call(b, 'report-import', { files: [files[0]!], periodId: period.id, replace: true });
    expect(replaced!.outcome).toBe('imported');
    expect((await call(b, 'report-entry-get', { periodId: period.id, unitId: districts[0]!.id })).lock).toBeNull();
  });

  it('locks a submitted period: overrides, saving the compilation, approving, typing and editing the period wait for an unlock', async () => {
    const { period, districts, prov } = ctx;
    await call(b, 'report-import', { files: [files[1]!], periodId: period.id });
    const measureId = (await call(b, 'merge-get', { periodId: period.id })).rows[0]!.measureId;
    await call(b, 'period-submit', { id: period.id });
    expect((await call(b, 'period-get', { id: period.id })).submittedBy).toBe('Nguyễn Thị Lan');
    const locked = 'Kỳ "6 tháng đầu năm 2026" đã nộp lên cấp trên ngày 01/06/2026 (Nguyễn Thị Lan) nên số liệu đang khoá.';
    expect((await callError(b, 'merge-override', { periodId: period.id, measureId, value: 50, reason: 'Sở Y tế cung cấp số mới' })).message).toBe(`${locked} Không thể sửa số tổng hợp. Nếu cần sửa, hãy mở khoá kỳ (ghi lý do).`);
    expect((await callError(b, 'merge-save', { periodId: period.id })).message).toContain('Không thể lưu lại báo cáo tổng hợp');
    const status = (await call(b, 'period-status', { id: period.id }))!;
    const reportId = status.units.find((u) => u.unitId === districts[1]!.id)!.reportId!;
    expect((await callError(b, 'report-approve', { id: reportId })).message).toContain('Không thể duyệt báo cáo');
    expect((await callError(b, 'report-entry-save', { periodId: period.id, unitId: districts[1]!.id, values: [] })).message).toContain(locked);
    const p = await call(b, 'period-get', { id: period.id });
    expect((await callError(b, 'period-update', { ...p, deadlines: p.deadlines })).message).toContain('Không thể sửa thông tin kỳ');
    const [file] = await call(b, 'report-import', { files: [files[1]!], periodId: period.id, replace: true });
    expect(file!.problems[0]!.message).toContain(locked);

    await call(b, 'period-unlock', { id: period.id, reason: 'Tỉnh yêu cầu bổ sung số liệu' });
    expect(audit('unlock').at(-1)).toEqual({ entity: 'period', user_name: 'Nguyễn Thị Lan', reason: 'Tỉnh yêu cầu bổ sung số liệu' });
    await call(b, 'merge-override', { periodId: period.id, measureId, value: 50, reason: 'Sở Y tế cung cấp số mới' });
    expect(prov.id).toBeGreaterThan(0);
  });

  it('shows a value history: the file, typed corrections with who and when, approval, unlock, overrides', async () => {
    const { period, districts, prov } = ctx;
    const unitId = districts[0]!.id;
    const entry = await call(b, 'report-entry-get', { periodId: period.id, unitId });
    const count = entry.measures.find((m) => m.valueKind === 'count')!;
    await setUser('Trần Văn Bình');
    await call(b, 'report-entry-save', { periodId: period.id, unitId, values: [{ measureId: count.id, numerator: null, denominator: null, value: 7, textValue: null, note: 'Huyện báo qua điện thoại' }] });
    await call(b, 'report-entry-save', { periodId: period.id, unitId, values: [{ measureId: count.id, numerator: null, denominator: null, value: 8, textValue: null, note: null }] });
    const history = await call(b, 'value-history', { periodId: period.id, unitId, measureId: count.id });
    expect(history.map((h) => [h.kind, h.userName, h.revision, h.value, h.reason])).toEqual([
      ['file', 'Nguyễn Thị Lan', 1, 0, null],
      ['approve', 'Nguyễn Thị Lan', 1, null, null],
      ['unlock', 'Nguyễn Thị Lan', 1, null, 'Huyện gửi lại số trẻ em khai sinh'],
      ['file', 'Nguyễn Thị Lan', 2, 0, null],
      ['typed', 'Trần Văn Bình', 3, 7, null],
      ['typed', 'Trần Văn Bình', 3, 8, null],
    ]);
    expect(history[4]!.note).toBe('Huyện báo qua điện thoại');
    const rate = entry.measures.find((m) => m.valueKind === 'rate')!;
    expect((await call(b, 'value-history', { periodId: period.id, unitId: prov.id, measureId: rate.id })).map((h) => [h.kind, h.value, h.reason])).toEqual([['override', 50, 'Sở Y tế cung cấp số mới']]);
  });
});
