/**
 * Figures a compiler can trust: full precision kept and shown with each measure's decimals, 0/0
 * as "Không phát sinh", a measure of change taking negative figures, implausible figures accepted
 * with a warning on their cell — through a real template, import, merge, submission .xlsx and PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Backend } from '../../electron/backend/index';
import type { PeriodDto } from '../../shared/api/types';
import { call, callError, testBackend } from '../helpers/backend';
import { fillTemplate } from '../helpers/fill-template';
import { hasPoppler, mergePdfText, noPoppler } from '../helpers/merge-pdf';

describe('value rules through template, import, merge and exports', () => {
  let backend: Backend;
  let period: PeriodDto;
  const base = { code: '', leadUnitId: null, cooperatingUnitIds: [], direction: 'at_most' as const, rollup: 'ratio' as const };

  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2024-11-20T03:00:00Z') });
    const plan = await call(backend, 'plan-create', { number: '', title: 'Kế hoạch kiểm tra số liệu 2024', issuerName: '', issuedOn: null, yearFrom: 2024, yearTo: 2024, parentPlanId: null });
    const goal = await call(backend, 'goal-save', { planId: plan.id, code: 'I', title: 'Mục tiêu' });
    const ind = await call(backend, 'indicator-save', { goalId: goal.id, code: '1', title: 'Chỉ tiêu' });
    const save = (x: object) => call(backend, 'measure-save', { ...base, indicatorId: ind.id, ...x } as unknown as Parameters<typeof call<'measure-save'>>[2]);
    await save({ code: '1.1', name: 'Tỷ lệ trẻ em nhiễm HIV', unitLabel: '%', valueKind: 'rate', rateFactor: 100, targets: [{ year: 2024, isPhaseEnd: false, text: '0,038' }] });
    await save({ code: '1.2', name: 'Mức giảm số cuộc tảo hôn', unitLabel: 'Cuộc', valueKind: 'count', rateFactor: null, rollup: 'sum', direction: 'at_least', allowsNegative: true, targets: [] });
    await save({ code: '1.3', name: 'Tỷ suất tử vong trẻ dưới 1 tuổi', unitLabel: '‰', valueKind: 'rate', rateFactor: 1000, targets: [{ year: 2024, isPhaseEnd: false, text: '9,6' }] });
    await save({ code: '1.4', name: 'Tỷ lệ trẻ em bị xâm hại được hỗ trợ', unitLabel: '%', valueKind: 'rate', rateFactor: 100, direction: 'at_least', targets: [{ year: 2024, isPhaseEnd: false, text: '100' }] });
    const units = await call(backend, 'unit-list', { asOf: '2024-06-01' });
    period = await call(backend, 'period-create', {
      planId: plan.id, parentUnitId: units.find((u) => u.code === 'KT')!.id, kind: 'annual', year: 2024, name: 'Năm 2024', dataFrom: '2023-12-15', dataTo: '2024-11-30',
      deadlines: [{ level: 'district', dueOn: '2024-12-05' }],
    });
  });
  afterAll(() => backend.close());

  it('refuses a range set upside down, in Vietnamese', async () => {
    const plan = await call(backend, 'plan-get', { id: period.planId });
    const m = plan.goals[0]!.indicators[0]!.measures[0]!;
    const err = await callError(backend, 'measure-save', { ...base, id: m.id, indicatorId: m.indicatorId, name: m.name, unitLabel: m.unitLabel, valueKind: 'rate', rateFactor: 100, minValue: 5, maxValue: 1, targets: [] });
    expect(err.message).toBe('Khoảng hợp lý của chỉ số: giá trị lớn nhất (1) nhỏ hơn giá trị nhỏ nhất (5).');
  });

  it('keeps every figure whole, judges it whole, shows it with the measure\'s decimals', async () => {
    const t = await call(backend, 'template-build', { periodId: period.id, unitId: (await call(backend, 'period-status', { id: period.id }))!.units.find((u) => u.unitName === 'Huyện Sa Thầy')!.unitId });
    const bytes = fillTemplate(Buffer.from(t.dataBase64, 'base64'), { '1.1': { E: '48', F: '125.000' }, '1.2': { G: '-3' }, '1.3': { E: '897', F: '1.000' }, '1.4': { E: 0, F: 0 } });
    const [r] = await call(backend, 'report-import', { files: [{ fileName: t.fileName, dataBase64: bytes.toString('base64') }] });
    expect(r!.outcome).toBe('imported');
    const warnings = r!.problems.filter((p) => p.severity === 'warning').map((p) => p.message);
    expect(warnings).toEqual([expect.stringMatching(/› Chỉ tiêu › G\d+: chỉ tiêu 1\.3: 897 khác xa chỉ tiêu 9,6 \(gấp 93 lần\) — hãy kiểm tra lại\.$/)]);

    const view = await call(backend, 'merge-get', { periodId: period.id });
    const row = (code: string) => view.rows.find((x) => x.code === code)!;
    expect(row('1.1').total.value).toBeCloseTo(0.0384, 12);
    expect(row('1.1')).toMatchObject({ displayDecimals: 3, assessment: 'not_met' });
    expect(row('1.2').total.value).toBe(-3);
    expect(row('1.4')).toMatchObject({ total: { numerator: 0, denominator: 0, value: null }, assessment: 'not_applicable' });

    const sub = XLSX.read(Buffer.from((await call(backend, 'merge-export', { periodId: period.id })).dataBase64, 'base64'), { type: 'buffer', cellNF: true });
    const ws = sub.Sheets['Phụ lục']!;
    const at = Object.keys(ws).find((k) => /^A\d+$/.test(k) && ws[k].v === '1.1')!.slice(1);
    expect(ws[`E${at}`].v).toBeCloseTo(0.0384, 12);
    expect(ws[`E${at}`].z).toBe('#,##0.000');
    expect(ws[`F${at}`].v).toBe('Chưa đạt');
    const na = Object.keys(ws).find((k) => /^A\d+$/.test(k) && ws[k].v === '1.4')!.slice(1);
    expect(ws[`F${na}`].v).toBe('Không phát sinh');

    if (!hasPoppler) return console.log(noPoppler);
    const { text } = await mergePdfText(backend, period.id, 'Nguyễn Văn A');
    expect(text).toContain('1 chỉ tiêu không phát sinh');
    // 0,0384 shown with the target's 3 decimals, and judged on the whole figure.
    expect(text).toContain('0,038 Chưa đạt');
  });
});
