/**
 * The compiler's review desk: a refused file's errors stay on the unit's row after later imports,
 * each named by indicator, template cell and grid cell, with a text for the unit; figures to
 * check are marked checked one by one; "Duyệt tất cả báo cáo hợp lệ" leaves those not checked;
 * the working period is kept; a file of another period offers that period.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import type { PeriodStatus } from '../../shared/api/types';
import { call, callError, testBackend } from '../helpers/backend';
import { fillTemplate, type Fill } from '../helpers/fill-template';

describe('the review desk', () => {
  let backend: Backend;
  let periodId: number;
  let status: PeriodStatus;
  const unit = (name: string) => status.units.find((u) => u.unitName === name)!;
  const send = async (unitName: string, fills: Record<string, Fill>, into = periodId) => {
    const t = await call(backend, 'template-build', { periodId: into, unitId: unit(unitName).unitId });
    const bytes = fillTemplate(Buffer.from(t.dataBase64, 'base64'), fills);
    const [r] = await call(backend, 'report-import', { files: [{ fileName: t.fileName, dataBase64: bytes.toString('base64') }], periodId });
    return r!;
  };
  const refresh = async () => (status = (await call(backend, 'period-status', { id: periodId }))!);

  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2024-12-01T02:00:00Z') });
    periodId = (await call(backend, 'period-list', {})).find((p) => p.name === 'Năm 2024')!.id;
    await refresh();
  });
  afterAll(() => backend.close());

  it("keeps a refused file's errors on the unit's row after another unit's file, by indicator, template cell and grid cell", async () => {
    const bad = await send('Huyện Sa Thầy', { '1.1': { G: 4 }, '1.2': { E: 'mười', F: 20 } });
    expect(bad.outcome).toBe('rejected');
    const ok = await send('Huyện Kon Rẫy', { '1.1': { G: 5 }, '1.2': { E: 10, F: 20 } });
    expect(ok.outcome).toBe('imported');
    await refresh();
    expect(unit('Huyện Sa Thầy')).toMatchObject({ status: 'has_errors', problemCount: 1 });

    const review = await call(backend, 'report-review', { periodId, unitId: unit('Huyện Sa Thầy').unitId });
    expect(review.report).toBeNull();
    expect(review.rejected!.fileName).toBe('Huyện Sa Thầy - Năm 2024.xlsx');
    const [item] = review.rejected!.items;
    // 1.2 is the grid's second row; in the template it sits under the header rows and the goal's heading.
    expect(item).toMatchObject({ severity: 'error', measureCode: '1.2', gridCell: 'E2', templateCell: expect.stringMatching(/^E\d+$/) });
    expect(Number(item!.templateCell!.slice(1))).toBeGreaterThan(6);
    // The table's columns name the cells; the text says what is wrong.
    expect(item!.detail).toMatch(/^"mười" không phải là số/);
    expect(review.copyText).toContain('Kính gửi Huyện Sa Thầy,');
    expect(review.copyText).toContain(`Tệp báo cáo "Huyện Sa Thầy - Năm 2024.xlsx" (kỳ Năm 2024) gửi ngày 01/12/2024 chưa nhận được vì có 1 lỗi:`);
    expect(review.copyText).toMatch(new RegExp(`1\\. Chỉ tiêu 1\\.2 \\([^)]+\\), ô ${item!.templateCell}: "mười"`));
    expect(review.copyText).toContain('gửi lại trước ngày 05/12/2024.');
  });

  it('lists a figure to check on the row and in the grid, and counts it until the compiler marks it checked', async () => {
    // 600 of 1.000 is 60.000 per 100.000, against a target of 512.
    const r = await send('Huyện Đắk Hà', { '1.1': { G: 3 }, '11.1': { E: 600, F: 1000 } });
    expect(r.outcome).toBe('imported');
    await refresh();
    expect(unit('Huyện Đắk Hà')).toMatchObject({ status: 'received', toCheck: 1, problemCount: 0 });
    let review = await call(backend, 'report-review', { periodId, unitId: unit('Huyện Đắk Hà').unitId });
    const warning = review.report!.items.find((i) => i.check !== undefined)!;
    expect(warning).toMatchObject({ severity: 'warning', measureCode: '11.1', check: null, at: { field: 'value' } });
    expect(warning.gridCell).toMatch(/^G\d+$/);
    expect(review.copyText).toContain('đề nghị đơn vị kiểm tra lại 1 số liệu sau');

    const inMerge = async () => (await call(backend, 'merge-get', { periodId })).rows.find((x) => x.code === '11.1')!.toCheck;
    expect(await inMerge()).toEqual([unit('Huyện Đắk Hà').unitId]);
    expect(await call(backend, 'report-warning-check', { reportId: review.report!.reportId, message: warning.message, checked: true })).toEqual({ toCheck: 0 });
    expect(await inMerge()).toEqual([]);
    review = await call(backend, 'report-review', { periodId, unitId: unit('Huyện Đắk Hà').unitId });
    expect(review.report!.items.find((i) => i.message === warning.message)!.check).toMatchObject({ checkedAt: '2024-12-01T02:00:00.000Z' });
    await refresh();
    expect(unit('Huyện Đắk Hà').toCheck).toBe(0);
    const err = await callError(backend, 'report-warning-check', { reportId: review.report!.reportId, message: 'không có', checked: true });
    expect(err.message).toContain('Cảnh báo này không còn trong báo cáo');
  });

  it('approves every report with nothing left to check, and names the ones left', async () => {
    const r = await send('Huyện Ngọc Hồi', { '1.1': { G: 2 }, '11.1': { E: 700, F: 1000 } });
    expect(r.outcome).toBe('imported');
    const result = await call(backend, 'report-approve-all', { periodId });
    expect(result.approved.sort()).toEqual(['Huyện Kon Rẫy', 'Huyện Đắk Hà'].sort());
    expect(result.left).toEqual([{ unitName: 'Huyện Ngọc Hồi', reason: 'còn 1 số liệu chưa kiểm tra' }]);
    await refresh();
    expect(unit('Huyện Kon Rẫy').status).toBe('approved');
    expect(unit('Huyện Ngọc Hồi').status).toBe('received');
  });

  it("works out a typed report's figures to check, named by the grid's cells", async () => {
    const e = await call(backend, 'report-entry-get', { periodId, unitId: unit('Huyện Tu Mơ Rông').unitId });
    const m = e.measures.find((x) => x.code === '11.1')!;
    await call(backend, 'report-entry-save', { periodId, unitId: unit('Huyện Tu Mơ Rông').unitId, values: [{ measureId: m.id, numerator: 900, denominator: 1000, value: null, textValue: null, note: null }] });
    const review = await call(backend, 'report-review', { periodId, unitId: unit('Huyện Tu Mơ Rông').unitId });
    const row = e.measures.indexOf(m) + 1 + e.measures.slice(0, e.measures.indexOf(m)).reduce((n, x) => n + (x.breakdown?.combos.length ?? 0), 0);
    expect(review.report!.items).toEqual([expect.objectContaining({ measureCode: '11.1', gridCell: `G${row}`, templateCell: null, check: null, detail: expect.stringMatching(/^Chỉ tiêu 11\.1: 90\.000 khác xa chỉ tiêu 512/) })]);
  });

  it('keeps the working period across calls, and offers the period a file belongs to', async () => {
    const other = (await call(backend, 'period-list', {})).find((p) => p.name === '6 tháng đầu năm 2024')!;
    await call(backend, 'working-period-set', { periodId: other.id });
    expect((await call(backend, 'period-status', {}))!.period.id).toBe(other.id);
    expect(await call(backend, 'working-period-get', {})).toEqual({ periodId: other.id });
    const t = await call(backend, 'template-build', { periodId: other.id, unitId: unit('Huyện Sa Thầy').unitId });
    const [r] = await call(backend, 'report-import', { files: [{ fileName: t.fileName, dataBase64: t.dataBase64 }], periodId });
    expect(r).toMatchObject({ outcome: 'rejected', otherPeriod: { id: other.id, name: '6 tháng đầu năm 2024' } });
    await call(backend, 'working-period-set', { periodId });
  });
});

describe('the merge marks what a compiler must not miss', () => {
  let backend: Backend;
  let periodId: number;
  const ids = new Map<string, number>();
  const typed = async (unitName: string, code: string, value: number) => {
    const e = await call(backend, 'report-entry-get', { periodId, unitId: ids.get(unitName)! });
    const m = e.measures.find((x) => x.code === code)!;
    await call(backend, 'report-entry-save', { periodId, unitId: ids.get(unitName)!, values: [{ measureId: m.id, numerator: null, denominator: null, value, textValue: null, note: null }] });
  };
  const row = async (code: string) => (await call(backend, 'merge-get', { periodId })).rows.find((r) => r.code === code)!;

  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2024-12-01T02:00:00Z') });
    periodId = (await call(backend, 'period-list', {})).find((p) => p.name === 'Năm 2024')!.id;
    const view = await call(backend, 'merge-get', { periodId });
    for (const u of view.tree) ids.set(u.name, u.id);
  });
  afterAll(() => backend.close());

  it("says a district that sent nothing is its communes' total, with how many of them reported", async () => {
    await typed('Xã Ia Dom', '10', 2);
    await typed('Xã Ia Đal', '10', 3);
    const view = await call(backend, 'merge-get', { periodId });
    const r = view.rows.find((x) => x.code === '10')!;
    expect(r.cells[ids.get("Huyện Ia H’Drai")!]).toMatchObject({ value: 5, derivedFrom: 2, derivedOf: 3 });
    expect(view.missingText).toContain("Huyện Ia H’Drai chưa gửi báo cáo: lấy tổng của 2/3 xã (còn thiếu 1 xã)");
    expect(view.missingText).not.toMatch(/Chưa có số liệu của: [^.]*Huyện Ia H’Drai/);
    // The communes' typed reports are not approved: the district's figure is marked.
    expect(r.unapproved).toContain(ids.get("Huyện Ia H’Drai"));
  });

  it('flags an override whose roll-up moved since it was set, and keeps it until the compiler decides', async () => {
    const before = await row('10');
    await call(backend, 'merge-override', { periodId, measureId: before.measureId, value: 30, reason: 'Số chính thức của ngành' });
    expect((await row('10')).override).toMatchObject({ value: 30, stale: null });
    await typed('Xã Ia Tơi', '10', 4);
    const after = await row('10');
    expect(after.total.value).toBe(30);
    expect(after.override!.stale).toEqual({ computedThen: before.computed.value, computedNow: before.computed.value! + 4 });
    // "Giữ": the same value set again against the new roll-up.
    await call(backend, 'merge-override', { periodId, measureId: before.measureId, value: 30, reason: 'Giữ số sửa tay khi số tính được đổi' });
    expect((await row('10')).override!.stale).toBeNull();
  });

  it("marks a unit's figure that is not counted, says why, and lists it in merge --json terms", async () => {
    const st = (await call(backend, 'period-status', { id: periodId }))!;
    const t = await call(backend, 'template-build', { periodId, unitId: st.units.find((u) => u.unitName === 'Huyện Sa Thầy')!.unitId });
    const bytes = fillTemplate(Buffer.from(t.dataBase64, 'base64'), { '1.1': { G: 3 }, '1.2': { G: 50 } });
    expect((await call(backend, 'report-import', { files: [{ fileName: t.fileName, dataBase64: bytes.toString('base64') }] }))[0]!.outcome).toBe('imported');
    const r = await row('1.2');
    const sa = ids.get('Huyện Sa Thầy')!;
    expect(r.excluded).toContain(sa);
    expect(r.excludedReasons[sa]).toBe('chỉ có kết quả, thiếu tử số và mẫu số nên không cộng được');
    expect(r.contributing).not.toContain(sa);
  });

  it('counts only approved reports when the setting says so, and names those left out', async () => {
    const settings = await call(backend, 'settings-get', {});
    await call(backend, 'settings-set', { ...settings, countApprovedOnly: true });
    const view = await call(backend, 'merge-get', { periodId });
    expect(view.countApprovedOnly).toBe(true);
    expect(view.notCounted).toEqual(expect.arrayContaining(['Xã Ia Dom', 'Xã Ia Đal', 'Xã Ia Tơi', 'Huyện Sa Thầy']));
    const r = view.rows.find((x) => x.code === '10')!;
    expect(r.computed.value).toBeNull();
    expect(r.unapproved).toEqual([]);
    await call(backend, 'settings-set', { ...settings, countApprovedOnly: false });
    expect((await call(backend, 'settings-get', {})).countApprovedOnly).toBe(false);
  });
});

describe('deleting a period', () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2024-12-01T02:00:00Z') });
  });
  afterAll(() => backend.close());

  it('deletes an empty period at once, and one with reports only when told to, after a backup, with its reports', async () => {
    const periods = await call(backend, 'period-list', {});
    const empty = periods.find((p) => p.name === 'Báo cáo kết quả thực hiện Kế hoạch năm 2024 (trước 15/10/2024)')!;
    expect(empty.reportCount).toBe(0);
    expect(await call(backend, 'period-delete', { id: empty.id })).toEqual({ deleted: true });

    const full = periods.find((p) => p.name === 'Năm 2024')!;
    const st = (await call(backend, 'period-status', { id: full.id }))!;
    const e = await call(backend, 'report-entry-get', { periodId: full.id, unitId: st.units[0]!.unitId });
    await call(backend, 'report-entry-save', { periodId: full.id, unitId: st.units[0]!.unitId, values: [{ measureId: e.measures[0]!.id, numerator: null, denominator: null, value: 2, textValue: null, note: null }] });
    const refused = await callError(backend, 'period-delete', { id: full.id });
    expect(refused.message).toBe('Kỳ "Năm 2024" đã có 1 lần nhận báo cáo; hãy xác nhận xóa cả các báo cáo này (dữ liệu được sao lưu trước khi xóa).');
    const backupsBefore = (await call(backend, 'backup-list', {})).backups.length;
    expect(await call(backend, 'period-delete', { id: full.id, withReports: true })).toEqual({ deleted: true });
    const backups = (await call(backend, 'backup-list', {})).backups;
    expect(backups.map((b) => b.reason)).toContain('period_delete');
    expect(backups.length).toBe(backupsBefore + 1);
    const left = backend.database.raw.prepare('SELECT count(*) AS n FROM report WHERE period_id = ?').get(full.id) as { n: number };
    expect(left.n).toBe(0);
    expect((await call(backend, 'period-list', {})).some((p) => p.id === full.id)).toBe(false);
  });
});
