import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { call, tempDir, testBackend } from '../helpers/backend';
import { fillTemplate } from '../helpers/fill-template';

/** A province with `n` districts, a plan with a rate and a count, and a period. */
async function province(backend: Backend, n: number) {
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

describe('a batch of 50 files', () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await testBackend({ now: new Date('2026-06-01T03:00:00Z') });
  });
  afterAll(() => backend.close());

  it('imports each file on its own: a broken file 23 leaves the other 49 imported and itself absent', async () => {
    const { districts, period } = await province(backend, 50);
    const files = [];
    for (const [i, d] of districts.entries()) {
      const t = await call(backend, 'template-build', { periodId: period.id, unitId: d.id });
      let bytes = fillTemplate(Buffer.from(t.dataBase64, 'base64'), { '1': { E: String(900 + i), F: '1.000' }, '1.2': { G: i } });
      if (i === 22) bytes = bytes.subarray(0, bytes.length - 500); // file 23 is cut short
      files.push({ fileName: t.fileName, dataBase64: bytes.toString('base64') });
    }
    const results = await call(backend, 'report-import', { files, periodId: period.id });
    expect(results.filter((r) => r.outcome === 'imported')).toHaveLength(49);
    expect(results[22]).toMatchObject({ outcome: 'rejected', fileName: 'Huyện Số 23 - 6 tháng đầu năm 2026.xlsx' });
    const status = (await call(backend, 'period-status', { id: period.id }))!;
    expect(status.counts).toMatchObject({ valid: 49, has_errors: 1, missing: 0, late: 0 });
    const reported = backend.database.raw.prepare('SELECT unit_id FROM report').pluck().all() as number[];
    expect(reported).toHaveLength(49);
    expect(reported).not.toContain(districts[22]!.id);
    const sum = backend.database.raw.prepare("SELECT sum(v.numerator) FROM report_value v JOIN measure m ON m.id = v.measure_id WHERE m.code = '1'").pluck().get() as number;
    const expected = Array.from({ length: 50 }, (_, i) => 900 + i).filter((_, i) => i !== 22).reduce((a, b) => a + b, 0);
    expect(sum).toBe(expected);
  }, 120_000);
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
const noOffice = 'LibreOffice (soffice) not installed: apt-get install libreoffice-calc (done by .ci/run)';
if (!soffice) console.log(`[collect-batch] LibreOffice round trip skipped: ${noOffice}`);

describe('LibreOffice Calc as the spreadsheet client', () => {
  it.skipIf(!soffice && process.env.CI !== 'true')('opens a template and what it re-saves (.xlsx and .xls) imports with the same values', async () => {
    if (!soffice) throw new Error(noOffice);
    const backend = await testBackend({ now: new Date('2026-06-01T03:00:00Z') });
    try {
      const { districts, period } = await province(backend, 2);
      const dir = tempDir();
      for (const [i, format] of (['xlsx', 'xls'] as const).entries()) {
        const t = await call(backend, 'template-build', { periodId: period.id, unitId: districts[i]!.id });
        const filled = fillTemplate(Buffer.from(t.dataBase64, 'base64'), { '1': { E: '58,82', F: '100' }, '1.2': { G: 7 } }, { narratives: ['Đã làm tốt.'] });
        const src = path.join(dir, `in-${format}.xlsx`);
        fs.writeFileSync(src, filled);
        const outDir = path.join(dir, format);
        execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', format === 'xls' ? 'xls:MS Excel 97' : 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, src], { stdio: 'ignore', timeout: 120_000 });
        const resaved = fs.readFileSync(path.join(outDir, `in-${format}.${format}`));
        const [r] = await call(backend, 'report-import', { files: [{ fileName: `resaved.${format}`, dataBase64: resaved.toString('base64') }], periodId: period.id });
        expect(r!.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(r!.outcome).toBe('imported');
        const report = await call(backend, 'report-get', { id: r!.reportId! });
        expect(report.values.find((v) => v.measureCode === '1')).toMatchObject({ numerator: 58.82, denominator: 100 });
        expect(report.values.find((v) => v.measureCode === '1.2')).toMatchObject({ value: 7 });
        expect(report.narratives.results).toBe('Đã làm tốt.');
      }
    } finally {
      await backend.close();
    }
  }, 240_000);
});
