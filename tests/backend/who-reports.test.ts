/**
 * Who reports what, on the demo's real 2024 plan: a district's form holds the measures added up
 * from the territory, a lead department's only its own, a department with nothing gets no form
 * and is not expected; completeness is per unit and per measure; who reports can be changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Backend } from '../../electron/backend/index';
import type { PlanDetail } from '../../shared/api/types';
import { call, callError, testBackend } from '../helpers/backend';
import { fillTemplate } from '../helpers/fill-template';

describe('who reports what', () => {
  let backend: Backend;
  let periodId: number;
  let plan: PlanDetail;
  let unitId: (name: string) => number;
  const measure = (code: string) => plan.goals.flatMap((g) => g.indicators.flatMap((i) => i.measures)).find((m) => m.code === code)!;
  const templateCodes = async (name: string) => {
    const t = await call(backend, 'template-build', { periodId, unitId: unitId(name) });
    const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(Buffer.from(t.dataBase64, 'base64'), { type: 'buffer' }).Sheets['Chỉ tiêu']!, { header: 1, defval: '' });
    return { t, codes: rows.map((r) => String(r[0])).filter((c) => /^\d+(\.\d+)*$/.test(c)) };
  };

  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2024-12-01T02:00:00Z') });
    periodId = (await call(backend, 'period-list', {})).find((p) => p.name === 'Năm 2024')!.id;
    plan = await call(backend, 'plan-get', { id: (await call(backend, 'period-get', { id: periodId })).planId });
    const units = await call(backend, 'unit-list', { asOf: '2024-12-14' });
    unitId = (name) => units.find((u) => u.name === name)!.id;
  });
  afterAll(() => backend.close());

  it('says for each measure who reports it and why, by default from its roll-up rule', () => {
    expect(measure('1.1')).toMatchObject({ reporters: 'territorial', reportersSet: false, reportersWhy: 'mặc định: số liệu được cộng từ các huyện/xã' });
    expect(measure('3.1')).toMatchObject({ reporters: 'lead', reportersSet: false, leadUnitName: 'Sở Y tế' });
    expect(measure('3.1').reportersWhy).toContain('lấy số của đơn vị chủ trì');
  });

  it('gives each unit a form with exactly what it reports, in the plan\'s order and numbering', async () => {
    const all = plan.goals.flatMap((g) => g.indicators.flatMap((i) => i.measures)).map((m) => m.code);
    const district = await templateCodes('Huyện Sa Thầy');
    expect(district.codes).toEqual(all.filter((c) => !['3.1', '3.2', '3.3', '5.1', '5.2', '6', '9'].includes(c)));
    expect((await templateCodes('Sở Y tế')).codes).toEqual(['3.1', '3.2', '3.3', '5.1', '5.2', '6']);
    expect((await templateCodes('Công an tỉnh')).codes).toEqual(['9']);
    // A department that owes nothing in this plan gets no form and is not expected.
    const none = await callError(backend, 'template-build', { periodId, unitId: unitId('Sở Nội vụ') });
    expect(none.message).toBe('Sở Nội vụ không phải báo cáo chỉ tiêu hay nhiệm vụ nào của kế hoạch "Kế hoạch triển khai thực hiện Chương trình hành động quốc gia vì trẻ em trên địa bàn tỉnh Kon Tum năm 2024" nên không có biểu mẫu.');
    const status = (await call(backend, 'period-status', { id: periodId }))!;
    expect(status.units.map((u) => u.unitName)).not.toContain('Sở Nội vụ');
    const all24 = await call(backend, 'template-build-all', { periodId });
    expect(all24.count).toBe(status.units.length);
    // The entry grid shows the same.
    const entry = await call(backend, 'report-entry-get', { periodId, unitId: unitId('Công an tỉnh') });
    expect(entry.measures.map((m) => m.code)).toEqual(['9']);
  });

  it('counts completeness per measure: a district does not owe a lead department\'s figure', async () => {
    const { t } = await templateCodes('Huyện Sa Thầy');
    const bytes = fillTemplate(Buffer.from(t.dataBase64, 'base64'), { '1.1': { G: 4 } });
    const [r] = await call(backend, 'report-import', { files: [{ fileName: t.fileName, dataBase64: bytes.toString('base64') }] });
    expect(r!.outcome).toBe('imported');
    const view = await call(backend, 'merge-get', { periodId });
    const name = (id: number) => view.units.find((u) => u.id === id)!.name;
    expect(view.rows.find((x) => x.code === '9')!.missing.map(name)).toEqual(['Công an tỉnh']);
    expect(view.rows.find((x) => x.code === '3.1')!.missing.map(name)).toEqual(['Sở Y tế']);
    const missing11 = view.rows.find((x) => x.code === '1.1')!.missing.map(name);
    expect(missing11).toHaveLength(9);
    expect(missing11.every((n) => n.startsWith('Huyện') || n.startsWith('Thành phố'))).toBe(true);
    expect(view.completeness.expected).toBe(12);
  });

  it('lets the user change who reports, per measure and for several at once, and back to the default', async () => {
    const m16 = measure('16');
    const r = await call(backend, 'measure-reporters-set', { measureIds: [m16.id, measure('17.1').id], reporters: 'lead_cooperating' });
    expect(r).toEqual({ updated: 2 });
    plan = await call(backend, 'plan-get', { id: plan.id });
    expect(measure('16')).toMatchObject({ reporters: 'lead_cooperating', reportersSet: true, reportersWhy: 'đặt cho chỉ số này' });
    // The lead department now has a form with them; the districts cooperate, so they keep them too.
    const lead = measure('16').leadUnitName!;
    expect((await templateCodes(lead)).codes).toEqual(expect.arrayContaining(['16', '17.1']));
    // Their parts add up: the lead's and a cooperating district's.
    const empty = { numerator: null, denominator: null, value: null, textValue: null, note: null };
    await call(backend, 'report-entry-save', { periodId, unitId: unitId(lead), values: [{ ...empty, measureId: m16.id, numerator: 30, denominator: 40 }] });
    await call(backend, 'report-entry-save', { periodId, unitId: unitId('Huyện Đắk Hà'), values: [{ ...empty, measureId: m16.id, numerator: 10, denominator: 10 }] });
    const view = await call(backend, 'merge-get', { periodId });
    expect(view.rows.find((x) => x.code === '16')!.total).toMatchObject({ numerator: 40, denominator: 50 });
    await call(backend, 'measure-reporters-set', { measureIds: [m16.id, measure('17.1').id], reporters: null });
    plan = await call(backend, 'plan-get', { id: plan.id });
    expect(measure('16')).toMatchObject({ reporters: 'territorial', reportersSet: false });
  });

  it('leaves out, with a warning, a row of a measure the unit does not report (a form made before)', async () => {
    const m9 = measure('9');
    await call(backend, 'measure-reporters-set', { measureIds: [m9.id], reporters: 'territorial' });
    const { t, codes } = await templateCodes('Huyện Kon Plông');
    expect(codes).toContain('9');
    await call(backend, 'measure-reporters-set', { measureIds: [m9.id], reporters: null });
    const bytes = fillTemplate(Buffer.from(t.dataBase64, 'base64'), { '1.1': { G: 2 }, '9': { E: 1, F: 5000 } });
    const [r] = await call(backend, 'report-import', { files: [{ fileName: t.fileName, dataBase64: bytes.toString('base64') }] });
    expect(r!.outcome).toBe('imported');
    const warning = r!.problems.find((p) => p.message.includes('chỉ tiêu 9'))!;
    expect(warning.severity).toBe('warning');
    expect(warning.message).toBe(`${t.fileName} › Chỉ tiêu › ${warning.cell}: chỉ tiêu 9 không do đơn vị này báo cáo (chỉ đơn vị chủ trì báo cáo); dòng này được bỏ qua.`);
    const report = await call(backend, 'report-get', { id: r!.reportId! });
    expect(report.values.map((v) => v.measureCode)).toEqual(['1.1']);
  });

  it('says what a rate\'s numerator and denominator are, on the plan, the form and the merge', async () => {
    const m = measure('1.2');
    await call(backend, 'measure-save', {
      id: m.id, indicatorId: m.indicatorId, code: m.code, name: m.name, unitLabel: m.unitLabel, valueKind: m.valueKind, rateFactor: m.rateFactor, direction: m.direction,
      rollup: m.rollup, leadUnitId: m.leadUnitId, cooperatingUnitIds: m.cooperatingUnitIds, targets: m.targets.map((t) => ({ year: t.year, isPhaseEnd: t.isPhaseEnd, text: t.text })),
      numeratorLabel: 'số xã đạt tiêu chí', denominatorLabel: 'tổng số xã',
    });
    plan = await call(backend, 'plan-get', { id: plan.id });
    expect(measure('1.2')).toMatchObject({ numeratorLabel: 'số xã đạt tiêu chí', denominatorLabel: 'tổng số xã' });
    const t = await call(backend, 'template-build', { periodId, unitId: unitId('Huyện Sa Thầy') });
    const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(Buffer.from(t.dataBase64, 'base64'), { type: 'buffer' }).Sheets['Chỉ tiêu']!, { header: 1, defval: '' });
    expect(rows.find((r) => r[0] === '1.2')![1]).toBe(`${m.name}\nTử số: số xã đạt tiêu chí; Mẫu số: tổng số xã`);
    const view = await call(backend, 'merge-get', { periodId });
    expect(view.rows.find((r) => r.code === '1.2')).toMatchObject({ numeratorLabel: 'số xã đạt tiêu chí', denominatorLabel: 'tổng số xã', reporters: 'territorial' });
  });
});
