import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Backend } from '../../electron/backend/index';
import { call, testBackend } from '../helpers/backend';

describe('commune → district → province with the same files', () => {
  let backend: Backend;
  const id: Record<string, number> = {};
  const empty = { numerator: null, denominator: null, value: null, textValue: null, note: null };

  beforeAll(async () => {
    backend = await testBackend({ now: new Date('2026-05-30T03:00:00Z') });
    const unit = async (code: string, name: string, kind: 'province' | 'district' | 'commune', parent?: string) =>
      (id[code] = (await call(backend, 'unit-create', { code, name, kind, parentId: parent ? id[parent]! : null, validFrom: '2020-01-01' })).id);
    await unit('P', 'Tỉnh Thử', 'province');
    await unit('D1', 'Huyện Một', 'district', 'P');
    await unit('D2', 'Huyện Hai', 'district', 'P');
    for (const c of ['C1', 'C2', 'C3']) await unit(c, `Xã ${c}`, 'commune', 'D1');
    const plan = await call(backend, 'plan-create', { number: '', title: 'Kế hoạch', issuerName: '', issuedOn: null, yearFrom: 2026, yearTo: 2026, parentPlanId: null });
    const goal = await call(backend, 'goal-save', { planId: plan.id, code: 'I', title: 'Mục tiêu' });
    const ind = await call(backend, 'indicator-save', { goalId: goal.id, code: '1', title: 'Chỉ tiêu' });
    const base = { indicatorId: ind.id, leadUnitId: null, cooperatingUnitIds: [], direction: 'at_least' as const, targets: [{ year: 2026, isPhaseEnd: false, text: '90' }] };
    id.rate = (await call(backend, 'measure-save', { ...base, code: '1.1', name: 'Tỷ lệ khai sinh', unitLabel: '%', valueKind: 'rate', rateFactor: 100, rollup: 'ratio' })).id;
    id.count = (await call(backend, 'measure-save', { ...base, code: '1.2', name: 'Số trẻ em được hỗ trợ', unitLabel: 'Người', valueKind: 'count', rateFactor: null, rollup: 'sum' })).id;
    const period = (parent: string, name: string, level: 'district' | 'commune', due: string) =>
      call(backend, 'period-create', { planId: plan.id, parentUnitId: id[parent]!, kind: 'half_year', year: 2026, name, dataFrom: '2025-12-15', dataTo: '2026-06-14', deadlines: [{ level, dueOn: due }] });
    id.province = (await period('P', '6 tháng 2026 (tỉnh)', 'district', '2026-06-05')).id;
    id.district = (await period('D1', '6 tháng 2026 (huyện Một)', 'commune', '2026-05-31')).id;
  });
  afterAll(() => backend.close());

  it('merges three communes into a district file the province imports, and the numbers add up', async () => {
    const communes = { C1: [90, 100, 4], C2: [45, 50, 1], C3: [180, 200, 7] };
    for (const [code, [n, d, c]] of Object.entries(communes)) {
      await call(backend, 'report-entry-save', {
        periodId: id.district!,
        unitId: id[code]!,
        values: [{ ...empty, measureId: id.rate!, numerator: n!, denominator: d! }, { ...empty, measureId: id.count!, value: c! }],
        narratives: { results: `${code} đã hoàn thành.` },
      });
    }
    const district = await call(backend, 'merge-get', { periodId: id.district! });
    expect(district.rows.find((r) => r.code === '1.1')!.total).toMatchObject({ numerator: 315, denominator: 350 });
    expect(district.narratives[0]!.draft).toBe('- Xã C1: C1 đã hoàn thành.\n- Xã C2: C2 đã hoàn thành.\n- Xã C3: C3 đã hoàn thành.');
    const saved = await call(backend, 'merge-save', { periodId: id.district!, narratives: { results: 'Ba xã đã hoàn thành.' } });
    expect(saved.revision).toBe(1);

    // The district's file goes up like any unit's file.
    const file = await call(backend, 'merge-export-upstream', { periodId: id.district! });
    expect(file).toMatchObject({ fileName: 'Huyện Một - 6 tháng 2026 (tỉnh).xlsx', periodName: '6 tháng 2026 (tỉnh)' });
    const wb = XLSX.read(Buffer.from(file.dataBase64, 'base64'), { type: 'buffer' });
    expect(wb.Sheets['Báo cáo']!['B5'].v).toBe('Ba xã đã hoàn thành.');
    const [imported] = await call(backend, 'report-import', { files: [{ fileName: file.fileName, dataBase64: file.dataBase64 }] });
    expect(imported).toMatchObject({ outcome: 'imported', unitName: 'Huyện Một', periodName: '6 tháng 2026 (tỉnh)' });

    // A second district reports directly; the province merges both.
    await call(backend, 'report-entry-save', { periodId: id.province!, unitId: id.D2!, values: [{ ...empty, measureId: id.rate!, numerator: 50, denominator: 100 }, { ...empty, measureId: id.count!, value: 3 }] });
    const province = await call(backend, 'merge-get', { periodId: id.province! });
    const rate = province.rows.find((r) => r.code === '1.1')!;
    const count = province.rows.find((r) => r.code === '1.2')!;
    // Independent: (90 + 45 + 180 + 50) / (100 + 50 + 200 + 100) × 100, and 4 + 1 + 7 + 3.
    expect(rate.total).toMatchObject({ numerator: 365, denominator: 450 });
    expect(rate.total.value).toBeCloseTo((365 / 450) * 100, 10);
    expect(count.total.value).toBe(15);
    expect(province.completeness).toMatchObject({ expected: 2, reported: 2, missing: [] });
    expect(province.narratives[0]!.parts).toEqual([{ unitName: 'Huyện Một', text: 'Ba xã đã hoàn thành.' }]);
  });
});
