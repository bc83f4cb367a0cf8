import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import type { MeasureDto, PlanDetail } from '../../shared/api/types';
import { REPO_ROOT, call, testBackend } from '../helpers/backend';

/** The reference plan beside the repository, where there is one; a fresh clone elsewhere has only the fixture. */
const PLAN_TEXT = path.resolve(REPO_ROOT, '../shared/reference/plans/kontum-province-2024-action-programme.txt');
/** The appendix of that plan (text extracted from the signed PDF), kept in the repository. */
const APPENDIX_FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/reference/kontum-2024-appendix.txt');
const APPENDIX_START = 'PHÂN CÔNG THỰC HIỆN CÁC MỤC TIÊU';

/** The appendix of the reference plan, whitespace collapsed. */
function appendixText(): string {
  const text = fs.readFileSync(APPENDIX_FIXTURE, 'utf8');
  expect(text.startsWith(APPENDIX_START)).toBe(true);
  return text.replace(/\s+/g, ' ');
}

// [measure code, unit as printed in the appendix, "by 2025" as printed, "2024" as printed]
const SAMPLE: [string, string, string, string][] = [
  ['1.1', 'Xã', '56', '60'],
  ['1.2', '%', '54,9', '58,82'],
  ['2', '%', '90,0', '89,0'],
  ['3.1', '%o', '9,5', '9,6'],
  ['3.2', '%o', '32,5', '24,0'],
  ['3.3', '%o', '51,0', '41,0'],
  ['4.1', '%', '17,0', '16,8'],
  ['4.2', '%', '32,0', '28,8'],
  ['5.1', '%', '97,0', '96,0'],
  ['6', '%', '2,0', '2,0'],
  ['8.1', '%', '3,0', '3,2'],
  ['9', '%', '0,036', '0,038'],
  ['10', 'Người', '0', '0'],
  ['13', '%', '2,0-3,0', '2,0-3,0'],
  ['16', '%', '92,0', '95,0'],
  ['17.2', '%', '0,20', '0,20'],
  ['18.2', '%', '0,50', '0,50'],
  ['20.1', '%', '55,0', '52,0'],
  ['21', '%', '40,0', '38,0'],
  ['24', '%', '30,0', '28,0'],
];

describe('demo data: the real Kon Tum 2024 plan', () => {
  let backend: Backend;
  let plan: PlanDetail;
  let measures: Map<string, MeasureDto>;

  beforeAll(async () => {
    backend = await testBackend({ demo: true });
    const demo = await call(backend, 'demo-load', {});
    expect(demo.created).toBe(false); // loaded on first start already
    plan = await call(backend, 'plan-get', { id: demo.planId });
    measures = new Map(plan.goals.flatMap((g) => g.indicators.flatMap((i) => i.measures)).map((m) => [m.code, m]));
  });
  afterAll(() => backend.close());

  it('reads the appendix from a copy that is the reference plan\'s own text', (ctx) => {
    if (!fs.existsSync(PLAN_TEXT)) {
      console.log(`SKIP comparing the fixture with the reference plan: ${PLAN_TEXT} is not beside this checkout (the fixture is used as it is)`);
      ctx.skip();
      return;
    }
    const text = fs.readFileSync(PLAN_TEXT, 'utf8');
    expect(fs.readFileSync(APPENDIX_FIXTURE, 'utf8')).toBe(text.slice(text.indexOf(APPENDIX_START)));
  });

  it('has 4 goals, 24 indicators and every measure', () => {
    expect(plan.goals.map((g) => g.code)).toEqual(['I', 'II', 'III', 'IV']);
    expect(plan.goals.flatMap((g) => g.indicators).map((i) => i.code)).toEqual(Array.from({ length: 24 }, (_, i) => String(i + 1)));
    expect(measures.size).toBe(39);
    expect(plan.targetColumns).toEqual([{ year: 2025, isPhaseEnd: true }, { year: 2024, isPhaseEnd: false }]);
  });

  it.each(SAMPLE)('measure %s matches the appendix (%s %s %s)', (code, docUnit, t2025, t2024) => {
    const m = measures.get(code);
    expect(m, `measure ${code}`).toBeDefined();
    const phaseEnd = m!.targets.find((t) => t.isPhaseEnd && t.year === 2025)!;
    const year = m!.targets.find((t) => !t.isPhaseEnd && t.year === 2024)!;
    expect(phaseEnd.text).toBe(t2025);
    expect(year.text).toBe(t2024);
    // The same three cells stand side by side in the plan's appendix.
    expect(appendixText()).toContain(`${docUnit} ${t2025} ${t2024}`);
    expect(m!.unitLabel).toBe(docUnit === '%o' ? '‰' : docUnit);
  });

  it('parses the numbers, ranges and per-100.000 rates', () => {
    expect(measures.get('1.2')!.targets.find((t) => t.year === 2024)!.value).toBe(58.82);
    expect(measures.get('13')!.targets[0]).toMatchObject({ value: 2, valueMax: 3 });
    expect(measures.get('13')!.direction).toBe('range');
    expect(measures.get('11.1')!).toMatchObject({ unitLabel: '/100.000', rateFactor: 100000 });
    expect(measures.get('11.1')!.targets.map((t) => t.text)).toEqual(['510/100.000', '512/100.000']);
    expect(measures.get('11.2')!.targets.find((t) => t.year === 2024)!.value).toBe(16.4);
    expect(measures.get('10')!).toMatchObject({ valueKind: 'count', direction: 'equal', rollup: 'sum' });
  });

  it('names the lead agencies of the appendix', () => {
    expect(measures.get('3.1')!.leadUnitName).toBe('Sở Y tế');
    expect(measures.get('3.1')!.rollup).toBe('lead');
    expect(measures.get('9')!.leadUnitName).toBe('Công an tỉnh');
    expect(measures.get('13')!.leadUnitName).toBe('Ban Dân tộc');
    expect(measures.get('14')!.leadUnitName).toBe('Sở Tư pháp');
    expect(measures.get('21')!.leadUnitName).toBe('Sở Văn hóa, Thể thao và Du lịch');
    expect(measures.get('22')!.leadUnitName).toBe('Tỉnh đoàn');
    expect(measures.get('1.1')!.cooperatingUnitIds).toHaveLength(10);
  });

  it('has the 2025 task table and Kon Tum\'s 10 district-level units', async () => {
    const plans = await call(backend, 'plan-list', {});
    const crc = plans.find((p) => p.title.includes('27/QĐ-TTg'))!;
    const detail = await call(backend, 'plan-get', { id: crc.id });
    expect(detail.tasks).toHaveLength(25);
    expect(detail.tasks.map((t) => t.groupCode).filter((c, i, a) => a.indexOf(c) === i)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
    expect(detail.tasks[2]).toMatchObject({ leadName: 'Bộ Chỉ huy Quân sự tỉnh', timeframe: 'Theo đề nghị, hướng dẫn của các Bộ, ngành liên quan.' });
    const units = await call(backend, 'unit-list', { asOf: '2024-06-30' });
    const districts = units.filter((u) => u.kind === 'district').map((u) => u.name).sort();
    expect(districts).toHaveLength(10);
    expect(districts).toContain('Huyện Ia H’Drai');
    expect(districts).toContain('Thành phố Kon Tum');
    expect(plans.find((p) => p.id === plan.id)!.parentPlanNumber).toBe('2026/KH-UBND');
  });

  it('loads only once', async () => {
    const before = await call(backend, 'app-info', {});
    const again = await call(backend, 'demo-load', {});
    expect(again.created).toBe(false);
    const after = await call(backend, 'app-info', {});
    expect(after.planCount).toBe(before.planCount);
    expect(after.unitCount).toBe(before.unitCount);
  });
});
