import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import type { MergeView } from '../../shared/api/types';
import { call, testBackend } from '../helpers/backend';

/** Raw inputs of three districts (one never reports) and the health department. */
const RAW = {
  pct: { A: [45, 50], B: [27, 40] }, // numerator, denominator — rate ‰ 100
  perMille: { A: [12, 1250], B: [7, 980] },
  per100k: { A: [51, 10000], B: [130, 24000] },
  count: { A: 3, B: 5 },
  lead: { SYT: [88, 1000] },
  range: { A: [2, 100], B: [3, 100] },
};

describe('merging district and department reports into the province', () => {
  let backend: Backend;
  let view: MergeView;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    backend = await testBackend({ now: new Date('2026-06-04T03:00:00Z') });
    const unit = async (code: string, name: string, kind: 'province' | 'district' | 'department', parentId: number | null) =>
      (ids[code] = (await call(backend, 'unit-create', { code, name, kind, parentId, validFrom: '2020-01-01' })).id);
    await unit('P', 'Tỉnh Thử', 'province', null);
    await unit('A', 'Huyện An', 'district', ids.P!);
    await unit('B', 'Huyện Bình', 'district', ids.P!);
    await unit('C', 'Huyện Chư', 'district', ids.P!);
    await unit('SYT', 'Sở Y tế', 'department', ids.P!);
    const plan = await call(backend, 'plan-create', { number: '', title: 'Kế hoạch thử', issuerName: '', issuedOn: null, yearFrom: 2026, yearTo: 2026, parentPlanId: null });
    const goal = await call(backend, 'goal-save', { planId: plan.id, code: 'I', title: 'Mục tiêu' });
    const measure = async (code: string, name: string, o: Record<string, unknown>) => {
      const ind = await call(backend, 'indicator-save', { goalId: goal.id, code, title: name });
      return (ids[code] = (await call(backend, 'measure-save', { indicatorId: ind.id, code, name, leadUnitId: null, cooperatingUnitIds: [], direction: 'at_least', ...o } as never)).id);
    };
    await measure('1', 'Tỷ lệ phần trăm', { unitLabel: '%', valueKind: 'rate', rateFactor: 100, rollup: 'ratio', targets: [{ year: 2026, isPhaseEnd: false, text: '80' }] });
    await measure('2', 'Tỷ suất trên 1.000', { unitLabel: '‰', valueKind: 'rate', rateFactor: 1000, rollup: 'ratio', direction: 'at_most', targets: [{ year: 2026, isPhaseEnd: false, text: '9,6' }] });
    await measure('3', 'Tỷ suất trên 100.000', { unitLabel: '/100.000', valueKind: 'rate', rateFactor: 100000, rollup: 'ratio', direction: 'at_most', targets: [{ year: 2026, isPhaseEnd: false, text: '512/100.000' }] });
    await measure('4', 'Số xã đạt chuẩn', { unitLabel: 'Xã', valueKind: 'count', rateFactor: null, rollup: 'sum', targets: [{ year: 2026, isPhaseEnd: false, text: '10' }] });
    await measure('5', 'Tỷ lệ tiêm chủng (Sở Y tế)', { unitLabel: '%', valueKind: 'rate', rateFactor: 100, rollup: 'lead', leadUnitId: ids.SYT, targets: [{ year: 2026, isPhaseEnd: false, text: '96' }] });
    await measure('6', 'Mức giảm tảo hôn', { unitLabel: '%', valueKind: 'rate', rateFactor: 100, rollup: 'ratio', direction: 'range', targets: [{ year: 2026, isPhaseEnd: false, text: '2,0-3,0' }] });
    const period = await call(backend, 'period-create', { planId: plan.id, parentUnitId: ids.P!, kind: 'half_year', year: 2026, name: '6 tháng đầu năm 2026', dataFrom: '2025-12-15', dataTo: '2026-06-14', deadlines: [{ level: 'district', dueOn: '2026-06-05' }, { level: 'department', dueOn: '2026-06-05' }] });
    ids.period = period.id;
    const empty = { numerator: null, denominator: null, value: null, textValue: null, note: null };
    const rate = (code: string, [n, d]: number[]) => ({ ...empty, measureId: ids[code]!, numerator: n!, denominator: d! });
    for (const u of ['A', 'B'] as const) {
      await call(backend, 'report-entry-save', {
        periodId: period.id,
        unitId: ids[u]!,
        values: [rate('1', RAW.pct[u]), rate('2', RAW.perMille[u]), rate('3', RAW.per100k[u]), { ...empty, measureId: ids['4']!, value: RAW.count[u] }, rate('6', RAW.range[u])],
      });
    }
    // A district does not report the department's measure: typing it is refused, naming who reports it.
    const refused = await backend.dispatch('report-entry-save', { periodId: period.id, unitId: ids.A!, values: [rate('5', [1, 2])] });
    expect(refused).toMatchObject({ ok: false, error: { message: 'Chỉ tiêu 5 không do Huyện An báo cáo (chỉ đơn vị chủ trì báo cáo).' } });
    await call(backend, 'report-entry-save', { periodId: period.id, unitId: ids.SYT!, values: [rate('5', RAW.lead.SYT)] });
    view = await call(backend, 'merge-get', { periodId: period.id });
  });
  afterAll(() => backend.close());
  const row = (code: string) => view.rows.find((r) => r.code === code)!;

  it('a percentage rate is Σ numerators / Σ denominators × 100', () => {
    const expected = ((45 + 27) / (50 + 40)) * 100;
    expect(row('1').total.value).toBeCloseTo(expected, 10);
    expect(row('1').total).toMatchObject({ numerator: 72, denominator: 90 });
    expect(row('1').assessment).toBe('met'); // 80 % ≥ 80
  });

  it('a per-1.000 rate uses the factor 1.000', () => {
    expect(row('2').total.value).toBeCloseTo(((12 + 7) / (1250 + 980)) * 1000, 10);
    expect(row('2').assessment).toBe('met'); // 8,52 ≤ 9,6
  });

  it('a per-100.000 rate uses the factor 100.000', () => {
    const expected = ((51 + 130) / (10000 + 24000)) * 100000;
    expect(row('3').total.value).toBeCloseTo(expected, 8);
    expect(row('3').assessment).toBe(expected <= 512 ? 'met' : 'not_met');
  });

  it('a count sums', () => {
    expect(row('4').total.value).toBe(3 + 5);
    expect(row('4').assessment).toBe('not_met'); // 8 < 10
  });

  it('a lead-department measure takes the department\'s figure, not the districts\'', () => {
    expect(row('5').total.value).toBeCloseTo((88 / 1000) * 100, 10);
    expect(row('5').contributing).toEqual([ids.SYT]);
    expect(row('5').missing).toEqual([]);
    expect(row('5').assessment).toBe('not_met'); // 8,8 % < 96 %
  });

  it('a measure with a missing unit names it, and the view says whose numbers are missing', () => {
    expect(row('1').missing).toEqual([ids.C]);
    expect(row('1').contributing.sort()).toEqual([ids.A, ids.B].sort());
    expect(view.completeness).toMatchObject({ expected: 4, reported: 3, missing: ['Huyện Chư'] });
    expect(view.missingText).toBe('Chưa có số liệu của: Huyện Chư (tính đến ngày 04/06/2026).');
    expect(view.completeness.late).toEqual([]); // before the due date, nobody is late yet
  });

  it('a range target is met inside the range', () => {
    expect(row('6').total.value).toBeCloseTo(((2 + 3) / (100 + 100)) * 100, 10); // 2,5 %
    expect(row('6').assessment).toBe('met');
  });

  it('shows each unit\'s contribution for a drill-down', () => {
    expect(row('1').cells[ids.A!]).toEqual({ numerator: 45, denominator: 50, value: 90 });
    expect(row('1').cells[ids.B!]!.value).toBeCloseTo(67.5, 10);
    expect(row('1').cells[ids.C!]).toBeUndefined();
  });

  it('lets the compiler override a merged value with a reason, keeps the history, and can undo it', async () => {
    await call(backend, 'settings-set', { userName: 'Trần Văn Minh', organisationName: '', place: '' });
    const short = await backend.dispatch('merge-override', { periodId: ids.period, measureId: ids['4'], value: 12, reason: 'x' });
    expect(short).toMatchObject({ ok: false, error: { type: 'validation' } });
    await call(backend, 'merge-override', { periodId: ids.period!, measureId: ids['4']!, value: 12, reason: 'Số chính thức của Sở LĐTBXH' });
    let r = (await call(backend, 'merge-get', { periodId: ids.period! })).rows.find((x) => x.code === '4')!;
    expect(r.total.value).toBe(12);
    expect(r.computed.value).toBe(8);
    expect(r.assessment).toBe('met');
    expect(r.override).toMatchObject({ value: 12, reason: 'Số chính thức của Sở LĐTBXH', by: 'Trần Văn Minh' });
    await call(backend, 'merge-override', { periodId: ids.period!, measureId: ids['4']!, value: null, reason: 'Trả lại số cộng dồn' });
    r = (await call(backend, 'merge-get', { periodId: ids.period! })).rows.find((x) => x.code === '4')!;
    expect(r.total.value).toBe(8);
    expect(r.override).toBeNull();
    expect(r.overrideHistory.map((h) => [h.value, h.computedValue, h.current])).toEqual([[null, 8, false], [12, 8, false]]);
  });
});
