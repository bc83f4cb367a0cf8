/**
 * A province whose plan breaks measures down: Giới tính × Nhóm tuổi for a count, Giới tính for a
 * rate, and a measure without breakdown; `n` districts and a period.
 */
import type { Backend } from '../../electron/backend/index';
import type { ApiArgs } from '../../shared/api/contract';
import { call } from './backend';

/** A figure with nothing in it, to spread the given numbers over. */
export const EMPTY_FIGURE = { numerator: null, denominator: null, value: null, textValue: null, note: null };

export const SEXES = [
  { code: 'NAM', name: 'Nam' },
  { code: 'NU', name: 'Nữ' },
];
export const AGES = [
  { code: 'U6', name: 'Dưới 6 tuổi' },
  { code: 'U11', name: 'Từ 6 đến dưới 11 tuổi' },
  { code: 'U16', name: 'Từ 11 đến dưới 16 tuổi' },
];

export async function breakdownProvince(backend: Backend, n: number) {
  const ministry = await call(backend, 'unit-create', { code: 'BO', name: 'Bộ Y tế', kind: 'ministry', parentId: null, validFrom: '2020-01-01' });
  const prov = await call(backend, 'unit-create', { code: 'P', name: 'Tỉnh Phân Tổ', kind: 'province', parentId: ministry.id, validFrom: '2020-01-01' });
  const districts = [];
  for (let i = 1; i <= n; i++) {
    districts.push(await call(backend, 'unit-create', { code: `P.${i}`, name: `Huyện Số ${i}`, kind: 'district', parentId: prov.id, validFrom: '2020-01-01' }));
  }
  const sex = await call(backend, 'category-save', { code: 'GIOI-TINH', name: 'Giới tính', note: '', options: SEXES });
  const age = await call(backend, 'category-save', { code: 'NHOM-TUOI', name: 'Nhóm tuổi', note: 'Nhóm tuổi do người dùng đặt', options: AGES });
  const plan = await call(backend, 'plan-create', { number: '2/KH-UBND', title: 'Kế hoạch có phân tổ', issuerName: '', issuedOn: null, yearFrom: 2026, yearTo: 2026, parentPlanId: null });
  const goal = await call(backend, 'goal-save', { planId: plan.id, code: 'I', title: 'Bảo vệ trẻ em' });
  const ind = await call(backend, 'indicator-save', { goalId: goal.id, code: '9', title: 'Trẻ em bị xâm hại' });
  const ind2 = await call(backend, 'indicator-save', { goalId: goal.id, code: '10', title: 'Khai sinh' });
  const base = { code: '', leadUnitId: null, cooperatingUnitIds: [] };
  const abused = await call(backend, 'measure-save', {
    ...base, indicatorId: ind.id, name: 'Số trẻ em bị xâm hại', unitLabel: 'Trẻ em', valueKind: 'count', rateFactor: null, direction: 'none', rollup: 'sum',
    categoryIds: [sex.id, age.id], targets: [],
  });
  const plain = await call(backend, 'measure-save', {
    ...base, indicatorId: ind.id, name: 'Số vụ xâm hại được xử lý', unitLabel: 'Vụ', valueKind: 'count', rateFactor: null, direction: 'none', rollup: 'sum', targets: [],
  });
  const births = await call(backend, 'measure-save', {
    ...base, indicatorId: ind2.id, name: 'Tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh', unitLabel: '%', valueKind: 'rate', rateFactor: 100, direction: 'at_least', rollup: 'ratio',
    categoryIds: [sex.id], targets: [{ year: 2026, isPhaseEnd: false, text: '98' }],
  });
  const period = await call(backend, 'period-create', {
    planId: plan.id, parentUnitId: prov.id, kind: 'half_year', year: 2026, name: '6 tháng đầu năm 2026', dataFrom: '2025-12-15', dataTo: '2026-06-14',
    deadlines: [{ level: 'district', dueOn: '2026-06-05' }],
  });
  return { ministry, prov, districts, sex, age, plan, abused, plain, births, period };
}

/** Every district's report typed in: `values(i)` gives the i-th district's figures. */
export async function typeDistrictReports(backend: Backend, env: Awaited<ReturnType<typeof breakdownProvince>>, values: (i: number) => ApiArgs<'report-entry-save'>['values']): Promise<void> {
  for (const [i, d] of env.districts.entries()) await call(backend, 'report-entry-save', { periodId: env.period.id, unitId: d.id, values: values(i) });
}
