/**
 * A period that collects two plans: the demo's annual report of 2025 (the programme's indicators
 * and the CRC tasks) — one form per unit with a part per plan, one status, one merge with a
 * section per plan in the submission .xlsx and the PDF; and two indicator plans whose codes clash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Backend } from '../../electron/backend/index';
import type { PeriodDto, UnitDto } from '../../shared/api/types';
import { appendixWorkbook } from '../helpers/appendix-workbook';
import { call, callError, testBackend } from '../helpers/backend';
import { hasPoppler, mergePdfText, noPoppler } from '../helpers/merge-pdf';
import { fillTemplate } from '../helpers/fill-template';

const rowsOf = (bytes: Buffer, sheet: string) => XLSX.utils.sheet_to_json<string[]>(XLSX.read(bytes, { type: 'buffer' }).Sheets[sheet]!, { header: 1, defval: '' });

describe('a period that collects several plans', () => {
  let backend: Backend;
  let period: PeriodDto;
  let units: UnitDto[];
  const unit = (name: string) => units.find((u) => u.name === name)!;

  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2025-11-20T03:00:00Z') });
    period = (await call(backend, 'period-list', {})).find((p) => p.planIds.length === 2)!;
    units = await call(backend, 'unit-list', { asOf: period.dataTo });
  });
  afterAll(() => backend.close());

  it('the demo\'s annual 2025 report collects the indicator plan and the CRC task plan', async () => {
    expect(period).toMatchObject({ name: 'Năm 2025', kind: 'annual', parentUnitName: 'Tỉnh Quảng Ngãi' });
    expect(period.planTitles[0]).toContain('năm 2025 (Dữ liệu mẫu)');
    expect(period.planTitles[1]).toContain('Quyết định số 27/QĐ-TTg');
    // The CRC plan lists this period among its own.
    expect((await call(backend, 'period-list', { planId: period.planIds[1]! })).map((p) => p.id)).toContain(period.id);
    const status = await call(backend, 'period-status', { id: period.id });
    const syt = status!.units.find((u) => u.unitName === 'Sở Y tế')!;
    // One status per unit, owing from both plans: its measures and the tasks it leads (those of the labour department that ended, too).
    expect(syt.owes.measures.length).toBeGreaterThan(0);
    expect(syt.owes.tasks).toEqual(expect.arrayContaining(['I.1', 'IV.3']));
    const commune = status!.units.find((u) => u.unitName === 'Xã Ia Tơi')!;
    expect(commune.owes.measures.length).toBeGreaterThan(0);
  });

  it('gives one form per unit with a part per plan, reads it back, and merges with a section per plan', async () => {
    const t = await call(backend, 'template-build', { periodId: period.id, unitId: unit('Sở Y tế').id });
    const bytes = Buffer.from(t.dataBase64, 'base64');
    const wb = XLSX.read(bytes, { type: 'buffer' });
    expect(wb.SheetNames.slice(0, 3)).toEqual(['Chỉ tiêu', 'Nhiệm vụ', 'Báo cáo']);
    const measureRows = rowsOf(bytes, 'Chỉ tiêu');
    expect(measureRows.some((r) => String(r[0]).includes('Chương trình hành động quốc gia vì trẻ em trên địa bàn tỉnh Quảng Ngãi năm 2025'))).toBe(true);
    const taskRows = rowsOf(bytes, 'Nhiệm vụ');
    const heading = taskRows.findIndex((r) => String(r[0]).includes('Quyết định số 27/QĐ-TTg'));
    expect(heading).toBeGreaterThan(0);
    expect(taskRows[heading + 1]![0]).toBe('I.1');
    expect(taskRows[heading + 1]![2]).toBe('Chủ trì');

    const code = measureRows.find((r) => /^\d+(\.\d+)?$/.test(String(r[0])) && r[2] === '%')![0] as string;
    const filled = XLSX.read(fillTemplate(bytes, { [code]: { E: '45', F: '50' } }, { tasks: { 'IV.3': 'Đã tổ chức tiêm chủng mở rộng tại 102 xã.' } }), { type: 'buffer' });
    const ts = filled.Sheets['Nhiệm vụ']!;
    const at = XLSX.utils.sheet_to_json<string[]>(ts, { header: 1, defval: '' }).findIndex((r) => r[0] === 'IV.3') + 1;
    ts[`F${at}`] = { t: 's', v: 'Đã hoàn thành' };
    const out = XLSX.write(filled, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const [r] = await call(backend, 'report-import', { files: [{ fileName: t.fileName, dataBase64: out.toString('base64') }] });
    // Only what was left empty is noted (the test fills one measure).
    expect(r!.problems.map((p) => p.severity)).toEqual(['info']);
    expect(r!.problems[0]!.message).toMatch(/Chỉ tiêu: còn để trống \d+\/\d+ chỉ tiêu: /);
    expect(r!.outcome).toBe('imported');

    const view = await call(backend, 'merge-get', { periodId: period.id });
    expect(view.sections.map((s) => s.title)).toEqual(period.planTitles.map((title, i) => (i === 0 ? title : expect.stringContaining('27/QĐ-TTg'))));
    expect(view.sections[0]!.goalCodes).toEqual(['I', 'II', 'III', 'IV']);
    expect(view.sections[1]!.taskKeys[0]).toBe('I.1');
    expect(view.rows.find((x) => x.code === code)!.total.value).toBe(90);
    expect(view.tasks.find((x) => x.key === 'IV.3')).toMatchObject({ status: 'done', leadName: 'Sở Y tế' });

    const sub = Buffer.from((await call(backend, 'merge-export', { periodId: period.id })).dataBase64, 'base64');
    const appendix = rowsOf(sub, 'Phụ lục').map((x) => String(x[0]));
    expect(appendix.some((x) => x.startsWith('Kế hoạch thực hiện Chương trình hành động quốc gia'))).toBe(true);
    const content = rowsOf(sub, 'Nội dung').map((x) => String(x[0]));
    expect(content.some((x) => x.includes('27/QĐ-TTg'))).toBe(true);

    if (!hasPoppler) return console.log(noPoppler);
    const { text, pages } = await mergePdfText(backend, period.id, 'Nguyễn Văn A');
    expect(text).toContain('KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU');
    expect(text).toContain('KẾT QUẢ THỰC HIỆN NHIỆM VỤ');
    expect(text).toContain('Kế hoạch thực hiện Chương trình hành động quốc gia vì trẻ em trên địa bàn tỉnh Quảng Ngãi năm 2025');
    expect(text).toContain('Đã tổ chức tiêm chủng mở rộng tại 102 xã.');
    expect(pages).toBeGreaterThan(3);
  });

  it('keeps every row\'s key when two indicator plans number their measures alike, and refuses to change the plans once units reported', async () => {
    const imported = await call(backend, 'plan-import-commit', {
      fileName: 'Phu luc 2025.xlsx',
      dataBase64: appendixWorkbook().toString('base64'),
      plan: { number: '15/KH-UBND', title: 'Kế hoạch bổ sung năm 2025', issuerName: '', issuedOn: null, yearFrom: 2025, yearTo: 2025, parentPlanId: null },
    });
    const own = (await call(backend, 'plan-list', {})).find((p) => p.title.includes('Quảng Ngãi năm 2025'))!;
    const both = await call(backend, 'period-create', {
      planId: own.id, extraPlanIds: [imported.id], parentUnitId: unit('Tỉnh Quảng Ngãi').id, kind: 'ad_hoc', year: 2025, name: 'Báo cáo đột xuất 2025', dataFrom: '2025-01-01', dataTo: '2025-11-30',
      deadlines: [{ level: 'commune', dueOn: '2025-12-05' }, { level: 'department', dueOn: '2025-12-05' }],
    });
    const t = await call(backend, 'template-build', { periodId: both.id, unitId: unit('Xã Ia Tơi').id });
    const bytes = Buffer.from(t.dataBase64, 'base64');
    const codes = rowsOf(bytes, 'Chỉ tiêu').map((r) => String(r[0]));
    // The second plan's codes clash with the first's: they carry its letter.
    expect(codes).toContain('1.1');
    expect(codes).toContain('B.1.1');
    const [r] = await call(backend, 'report-import', { files: [{ fileName: t.fileName, dataBase64: fillTemplate(bytes, { 'B.1.1': { G: 7 } }).toString('base64') }] });
    expect(r!.outcome).toBe('imported');
    const view = await call(backend, 'merge-get', { periodId: both.id });
    expect(view.rows.find((x) => x.code === 'B.1.1')).toMatchObject({ name: 'Số xã, phường, thị trấn đạt tiêu chuẩn phù hợp với trẻ em', total: { value: 7 } });
    expect(view.sections[1]!.title).toBe('Kế hoạch số 15/KH-UBND: Kế hoạch bổ sung năm 2025');

    const refused = await callError(backend, 'period-update', { ...both, extraPlanIds: [], deadlines: both.deadlines });
    expect(refused.message).toBe('Kỳ đã có 1 báo cáo theo biểu mẫu của các kế hoạch hiện tại; không thể thêm hay bỏ kế hoạch của kỳ.');
    expect((await callError(backend, 'plan-delete', { id: imported.id })).message).toContain('được gộp vào 1 kỳ báo cáo của kế hoạch khác');
  });
});
