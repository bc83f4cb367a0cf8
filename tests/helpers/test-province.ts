/** A small province to collect reports in: `n` districts, a plan with a rate and a count, a period. */
import type { Backend } from '../../electron/backend/index';
import { call } from './backend';
import { fillTemplate } from './fill-template';

export async function province(backend: Backend, n: number) {
  const prov = await call(backend, 'unit-create', { code: 'P', name: 'Tỉnh Thử Nghiệm', kind: 'province', parentId: null, validFrom: '2020-01-01' });
  const districts = [];
  for (let i = 1; i <= n; i++) {
    districts.push(await call(backend, 'unit-create', { code: `P.${String(i).padStart(2, '0')}`, name: `Huyện Số ${String(i).padStart(2, '0')}`, kind: 'district', parentId: prov.id, validFrom: '2020-01-01' }));
  }
  const plan = await call(backend, 'plan-create', { number: '1/KH-UBND', title: 'Kế hoạch thử', issuerName: '', issuedOn: null, yearFrom: 2026, yearTo: 2026, parentPlanId: null });
  const goal = await call(backend, 'goal-save', { planId: plan.id, code: 'I', title: 'Mục tiêu' });
  const ind = await call(backend, 'indicator-save', { goalId: goal.id, code: '1', title: 'Chỉ tiêu' });
  const base = { indicatorId: ind.id, code: '', direction: 'at_least' as const, leadUnitId: null, cooperatingUnitIds: [], targets: [{ year: 2026, isPhaseEnd: false, text: '90' }] };
  await call(backend, 'measure-save', { ...base, name: 'Tỷ lệ trẻ em được khai sinh', unitLabel: '%', valueKind: 'rate', rateFactor: 100, rollup: 'ratio' });
  await call(backend, 'measure-save', { ...base, name: 'Số xã đạt chuẩn', unitLabel: 'Xã', valueKind: 'count', rateFactor: null, rollup: 'sum' });
  const period = await call(backend, 'period-create', {
    planId: plan.id, parentUnitId: prov.id, kind: 'half_year', year: 2026, name: '6 tháng đầu năm 2026', dataFrom: '2025-12-15', dataTo: '2026-06-14',
    deadlines: [{ level: 'district', dueOn: '2026-06-05' }],
  });
  return { prov, districts, plan, period };
}


/** Each district's template, filled: rate 900+i per 1.000 births, i communes up to standard. */
export async function filledReports(backend: Backend, periodId: number, districts: { id: number }[]) {
  const files: { fileName: string; dataBase64: string; unitId: number }[] = [];
  for (const [i, d] of districts.entries()) {
    const t = await call(backend, 'template-build', { periodId, unitId: d.id });
    const bytes = fillTemplate(Buffer.from(t.dataBase64, 'base64'), { '1': { E: String(900 + i), F: '1.000' }, '1.2': { G: i } });
    files.push({ fileName: t.fileName, dataBase64: bytes.toString('base64'), unitId: d.id });
  }
  return files;
}
