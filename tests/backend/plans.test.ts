import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { ensureBreakdown } from '../../electron/backend/services/breakdowns';
import { readValues, writeValues } from '../../electron/backend/db/report-store';
import { deriveTotal } from '../../shared/domain/breakdown';
import { call, callError, testBackend } from '../helpers/backend';

const measureArgs = (indicatorId: number, overrides: Record<string, unknown> = {}) => ({
  indicatorId,
  code: '',
  name: 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể cân nặng theo tuổi',
  unitLabel: '%',
  valueKind: 'rate' as const,
  rateFactor: 100 as const,
  direction: 'at_most' as const,
  rollup: 'ratio' as const,
  leadUnitId: null,
  cooperatingUnitIds: [],
  targets: [{ year: 2026, isPhaseEnd: false, text: '16,8' }],
  ...overrides,
});

describe('plans, goals, indicators, measures', () => {
  let backend: Backend;
  let planId: number;
  let indicatorId: number;

  beforeAll(async () => {
    backend = await testBackend();
    const plan = await call(backend, 'plan-create', { number: '15/KH-UBND', title: 'Kế hoạch công tác trẻ em năm 2026', issuerName: 'UBND tỉnh', issuedOn: '2026-02-10', yearFrom: 2026, yearTo: 2026, parentPlanId: null });
    planId = plan.id;
    const goal = await call(backend, 'goal-save', { planId, code: 'I', title: 'Mục tiêu về chăm sóc sức khỏe' });
    indicatorId = (await call(backend, 'indicator-save', { goalId: goal.id, code: '4', title: 'Giảm suy dinh dưỡng' })).id;
  });
  afterAll(() => backend.close());

  it('saves a measure with its target and reads it back exactly', async () => {
    const m = await call(backend, 'measure-save', measureArgs(indicatorId));
    expect(m.code).toBe('4');
    expect(m.targets).toEqual([{ year: 2026, isPhaseEnd: false, value: 16.8, valueMax: null, text: '16,8' }]);
    const plan = await call(backend, 'plan-get', { id: planId });
    expect(plan.goals[0]!.indicators[0]!.measures[0]!.targets[0]!.text).toBe('16,8');
    expect(plan).toMatchObject({ goalCount: 1, indicatorCount: 1, measureCount: 1, number: '15/KH-UBND' });
    const second = await call(backend, 'measure-save', measureArgs(indicatorId, { name: 'Thể chiều cao theo tuổi', targets: [{ year: 2030, isPhaseEnd: true, text: '2,0-3,0' }], direction: 'range' }));
    expect(second.code).toBe('4.2');
    expect(second.targets[0]).toMatchObject({ value: 2, valueMax: 3, isPhaseEnd: true });
  });

  it('explains what is wrong with a measure, in Vietnamese', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ targets: [{ year: 2026, isPhaseEnd: false, text: '16,8a' }] }, 'chỉ tiêu năm 2026: "16,8a" không phải là số.'],
      [{ targets: [{ year: 2026, isPhaseEnd: false, text: '120' }] }, 'tỷ lệ phần trăm phải từ 0 đến 100'],
      [{ targets: [{ year: 2026, isPhaseEnd: false, text: '2,0-3,0' }] }, 'hãy chọn hướng "Trong khoảng"'],
      [{ direction: 'range' }, 'hướng "trong khoảng" cần một khoảng'],
      [{ rateFactor: null }, 'cần hệ số'],
      [{ valueKind: 'count', rateFactor: null }, 'chỉ dùng cho chỉ số dạng tỷ lệ'],
      [{ rollup: 'lead' }, 'cần chọn đơn vị chủ trì'],
      [{ name: '   ' }, 'cần nhập tên chỉ số'],
      [{ code: '4' }, 'Mã chỉ số "4" đã có'],
    ];
    for (const [overrides, message] of cases) {
      const e = await callError(backend, 'measure-save', measureArgs(indicatorId, overrides));
      expect(e.message, JSON.stringify(overrides)).toContain(message);
    }
    const plan = await call(backend, 'plan-get', { id: planId });
    expect(plan.measureCount).toBe(2);
  });

  it('updates and deletes, refusing bad plan years', async () => {
    const e = await callError(backend, 'plan-update', { id: planId, number: '', title: 'X', issuerName: '', issuedOn: null, yearFrom: 2026, yearTo: 2025, parentPlanId: null });
    expect(e.message).toContain('Năm kết thúc (2025) không được trước năm bắt đầu (2026)');
    const self = await callError(backend, 'plan-update', { id: planId, number: '', title: 'X', issuerName: '', issuedOn: null, yearFrom: 2026, yearTo: 2026, parentPlanId: planId });
    expect(self.message).toContain('chính nó');
    const other = await call(backend, 'plan-create', { number: '', title: 'Kế hoạch phụ', issuerName: '', issuedOn: null, yearFrom: 2026, yearTo: 2026, parentPlanId: planId });
    expect(other.parentPlanNumber).toBe('15/KH-UBND');
    await call(backend, 'plan-delete', { id: other.id });
    expect((await call(backend, 'plan-list', {})).map((p) => p.id)).toEqual([planId]);
    expect((await callError(backend, 'plan-get', { id: other.id })).type).toBe('not_found');
  });

  it('stores values per breakdown option and derives the total, without a schema change', async () => {
    const comboId = await ensureBreakdown(backend.ctx.db, [{ name: 'Giới tính', options: ['Nam', 'Nữ'] }]);
    const breakdowns = await call(backend, 'breakdown-list', {});
    const sex = breakdowns.find((b) => b.id === comboId)!;
    expect(sex.combos.map((o) => o.label)).toEqual(['Nam', 'Nữ']);
    const m = await call(backend, 'measure-save', measureArgs(indicatorId, { name: 'Tỷ lệ theo giới tính', categoryIds: [sex.categories[0]!.id] }));
    expect(m.breakdownName).toBe('Giới tính');
    expect(m.breakdownId).toBe(comboId);
    const raw = backend.database.raw;
    raw.prepare("INSERT INTO reporting_period (plan_id, year, kind, name, data_from, data_to) VALUES (?, 2026, 'half_year', '6 tháng 2026', '2026-01-01', '2026-06-30')").run(planId);
    raw.prepare("INSERT INTO org_unit (code, kind, created_on) VALUES ('H1', 'district', '2020-01-01')").run();
    raw.prepare("INSERT INTO report (period_id, unit_id, revision, is_current, status, source, received_at) VALUES (1, 1, 1, 1, 'valid', 'typed', '2026-06-01')").run();
    const [nam, nu] = sex.combos;
    const part = (optionComboId: number, numerator: number, denominator: number) => ({ measureId: m.id, optionComboId, numerator, denominator, value: (numerator / denominator) * 100, textValue: null, note: null });
    await backend.ctx.db.transaction().execute((trx) => writeValues(trx, 1, [part(nam!.id, 30, 200), part(nu!.id, 10, 300)]));
    // (30 + 10) / (200 + 300) = 8 %, not the mean of 15 % and 3,33 %.
    expect(deriveTotal(await readValues(backend.ctx.db, [1], { measureId: m.id }), 100)).toEqual({ numerator: 40, denominator: 500, value: 8 });
    // A measure with values cannot be deleted.
    const e = await callError(backend, 'measure-delete', { id: m.id });
    expect(e.message).toContain('Đã có 2 số liệu báo cáo');
  });
});
