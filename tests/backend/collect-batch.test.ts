import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { call, testBackend } from '../helpers/backend';
import { noOffice, resaveWithCalc, soffice, withoutOffice } from '../helpers/libreoffice';
import { fillTemplate } from '../helpers/fill-template';
import { province } from '../helpers/test-province';

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

if (!soffice) console.log(`[collect-batch] LibreOffice round trip skipped: ${noOffice}`);

describe('LibreOffice Calc as the spreadsheet client', () => {
  it.skipIf(withoutOffice)('opens a template and what it re-saves (.xlsx and .xls) imports with the same values', async () => {
    const backend = await testBackend({ now: new Date('2026-06-01T03:00:00Z') });
    try {
      const { districts, period } = await province(backend, 2);
      for (const [i, format] of (['xlsx', 'xls'] as const).entries()) {
        const t = await call(backend, 'template-build', { periodId: period.id, unitId: districts[i]!.id });
        const filled = fillTemplate(Buffer.from(t.dataBase64, 'base64'), { '1': { E: '58,82', F: '100' }, '1.2': { G: 7 } }, { narratives: ['Đã làm tốt.'] });
        const resaved = resaveWithCalc(filled, format);
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
