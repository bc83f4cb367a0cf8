/**
 * Last year's merge beside this year's is kept while last year's period is unchanged, and worked
 * out again after anything it is made of changes: a report of last year typed again (a value
 * added, changed, removed), approved, overridden, the "count approved only" setting, a unit or
 * the plan; the period counters (migration 0019) move for their own period only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import type { MergeView, PeriodDto } from '../../shared/api/types';
import { call, testBackend } from '../helpers/backend';

type Cell = { numerator: number | null; denominator: number | null; value: number | null; textValue: string | null; note: string | null };
const empty: Cell = { numerator: null, denominator: null, value: null, textValue: null, note: null };

describe("last year's merge kept between this year's", () => {
  let backend: Backend;
  const ids: Record<string, number> = {};
  const periods: Record<number, PeriodDto> = {};
  const counter = (p: PeriodDto) => (backend.database.raw.prepare('SELECT n FROM period_change WHERE period_id = ?').get(p.id) as { n: number } | undefined)?.n ?? 0;
  const save = (year: number, unit: string, values: Array<Partial<Cell> & { measureId: number }>) =>
    call(backend, 'report-entry-save', { periodId: periods[year]!.id, unitId: ids[unit]!, values: values.map((v) => ({ ...empty, ...v })) });
  const previous = async (code: string) => {
    const view: MergeView = await call(backend, 'merge-get', { periodId: periods[2025]!.id });
    const row = view.rows.find((r) => r.code === code)!;
    return { total: row.previous?.value ?? null, byUnit: Object.fromEntries(Object.entries(row.previousByUnit).map(([id, c]) => [Number(id), c.value])) };
  };

  beforeAll(async () => {
    backend = await testBackend({ now: new Date('2025-12-10T03:00:00Z') });
    for (const [code, name, kind, parent] of [['P', 'Tỉnh Thử', 'province', null], ['A', 'Xã An', 'commune', 'P'], ['B', 'Xã Bình', 'commune', 'P']] as const) {
      ids[code] = (await call(backend, 'unit-create', { code, name, kind, parentId: parent ? ids[parent]! : null, validFrom: '2020-01-01' })).id;
    }
    const plan = await call(backend, 'plan-create', { number: '', title: 'Kế hoạch thử', issuerName: '', issuedOn: null, yearFrom: 2024, yearTo: 2025, parentPlanId: null });
    const goal = await call(backend, 'goal-save', { planId: plan.id, code: 'I', title: 'Mục tiêu' });
    for (const [code, o] of [['1', { unitLabel: 'Xã', valueKind: 'count', rateFactor: null, rollup: 'sum' }], ['2', { unitLabel: 'Người', valueKind: 'count', rateFactor: null, rollup: 'sum' }]] as const) {
      const ind = await call(backend, 'indicator-save', { goalId: goal.id, code, title: code });
      ids[`m${code}`] = (await call(backend, 'measure-save', { indicatorId: ind.id, code, name: code, leadUnitId: null, cooperatingUnitIds: [], direction: 'at_least', targets: [], ...o } as never)).id;
    }
    for (const year of [2024, 2025]) {
      periods[year] = await call(backend, 'period-create', {
        planId: plan.id, parentUnitId: ids.P!, kind: 'annual', year, name: `Năm ${year}`, dataFrom: `${year - 1}-12-15`, dataTo: `${year}-12-14`, deadlines: [{ level: 'commune', dueOn: `${year}-12-05` }],
      });
    }
    await save(2024, 'A', [{ measureId: ids.m1!, value: 3 }]);
    await save(2024, 'B', [{ measureId: ids.m1!, value: 4 }]);
  });
  afterAll(() => backend.close());

  it('moves only the counter of the period written to', async () => {
    const before = { last: counter(periods[2024]!), now: counter(periods[2025]!) };
    await save(2025, 'A', [{ measureId: ids.m1!, value: 5 }]);
    expect(counter(periods[2024]!)).toBe(before.last);
    expect(counter(periods[2025]!)).toBeGreaterThan(before.now);
    await save(2024, 'A', [{ measureId: ids.m1!, value: 3 }]);
    expect(counter(periods[2024]!)).toBeGreaterThan(before.last);
  });

  it('answers with last year as it stands after each kind of change to it', async () => {
    expect(await previous('1')).toEqual({ total: 7, byUnit: { [ids.A!]: 3, [ids.B!]: 4 } });
    // This year's reports leave last year's figures as they were.
    await save(2025, 'B', [{ measureId: ids.m1!, value: 8 }]);
    expect(await previous('1')).toEqual({ total: 7, byUnit: { [ids.A!]: 3, [ids.B!]: 4 } });

    // Last year typed again: a value changed, a value added to a measure that had none, then removed.
    await save(2024, 'A', [{ measureId: ids.m1!, value: 6 }]);
    expect((await previous('1')).total).toBe(10);
    expect((await previous('2')).total).toBe(null);
    const report = backend.database.raw.prepare('SELECT id FROM report WHERE period_id = ? AND unit_id = ? AND is_current = 1').get(periods[2024]!.id, ids.B!) as { id: number };
    // In place, as replaceMeasureValues adds a value to a revision: the report row is touched.
    await backend.database.db.transaction().execute(async (trx) => {
      const { replaceMeasureValues } = await import('../../electron/backend/db/report-store');
      await replaceMeasureValues(trx, report.id, ids.m2!, [{ measureId: ids.m2!, optionComboId: 1, numerator: null, denominator: null, value: 11, textValue: null, note: null }]);
    });
    expect((await previous('2')).total).toBe(11);
    // A value removed in place (no report row touched: the value's own trigger counts).
    backend.database.raw.prepare('DELETE FROM report_value WHERE report_id = ? AND measure_id = ?').run(report.id, ids.m2!);
    expect((await previous('2')).total).toBe(null);
    backend.database.raw.prepare('UPDATE report_value SET value = 40 WHERE report_id = ? AND measure_id = ?').run(report.id, ids.m1!);
    expect((await previous('1')).total).toBe(46);

    // The compiler's override of last year's total.
    await call(backend, 'merge-override', { periodId: periods[2024]!.id, measureId: ids.m1!, value: 50, reason: 'Số liệu đã rà soát lại' });
    expect((await previous('1')).total).toBe(50);
    await call(backend, 'merge-override', { periodId: periods[2024]!.id, measureId: ids.m1!, value: null, reason: 'Bỏ số điều chỉnh' });
    expect((await previous('1')).total).toBe(46);

    // Counting approved reports only (a setting), then approving one of last year's.
    const settings = await call(backend, 'settings-get', {});
    await call(backend, 'settings-set', { ...settings, countApprovedOnly: true });
    expect((await previous('1')).total).toBe(null);
    const a = backend.database.raw.prepare('SELECT id FROM report WHERE period_id = ? AND unit_id = ? AND is_current = 1').get(periods[2024]!.id, ids.A!) as { id: number };
    await call(backend, 'report-approve', { id: a.id });
    expect((await previous('1')).total).toBe(6);
    await call(backend, 'settings-set', { ...settings, countApprovedOnly: false });
    expect((await previous('1')).total).toBe(46);

    // The plan: the measure's roll-up changed to none (no total), then back.
    const measure = (await call(backend, 'plan-get', { id: periods[2024]!.planId })).goals[0]!.indicators[0]!.measures[0]!;
    const fields = measure as unknown as Record<string, unknown>;
    await call(backend, 'measure-save', { ...fields, id: ids.m1!, rollup: 'none' } as never);
    expect((await previous('1')).total).toBe(null);
    await call(backend, 'measure-save', { ...fields, id: ids.m1!, rollup: 'sum' } as never);
    expect((await previous('1')).total).toBe(46);
    // A unit that ended before last year's cut-off (the units' counter): its figure is no longer counted.
    backend.database.raw.prepare('UPDATE org_unit_version SET valid_to = ? WHERE unit_id = ?').run('2024-06-30', ids.B!);
    expect((await previous('1')).total).toBe(6);
  });
});
