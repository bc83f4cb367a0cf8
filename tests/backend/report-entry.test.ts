import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import type { ReportEntry } from '../../shared/api/types';
import { call, callError, testBackend } from '../helpers/backend';
import { fillTemplate } from '../helpers/fill-template';

describe('typed-in reports', () => {
  let backend: Backend;
  let entry: ReportEntry;
  let periodId: number;
  let unitId: number;
  const measure = (code: string) => entry.measures.find((m) => m.code === code)!;
  const empty = { numerator: null, denominator: null, value: null, textValue: null, note: null };

  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2024-12-02T02:00:00Z') });
    periodId = (await call(backend, 'period-list', {})).find((p) => p.name === 'Năm 2024')!.id;
    unitId = (await call(backend, 'period-status', { id: periodId }))!.units.find((u) => u.unitName === 'Huyện Đắk Glei')!.unitId;
    entry = await call(backend, 'report-entry-get', { periodId, unitId });
  });
  afterAll(() => backend.close());

  it('lists the measures the district reports (not the lead departments\' ones), with this year\'s target, and no report yet', () => {
    expect(entry.measures).toHaveLength(32);
    expect(entry.measures.map((m) => m.code)).not.toContain('3.1');
    expect(measure('1.2')).toMatchObject({ unitLabel: '%', valueKind: 'rate', rateFactor: 100, target: '58,82' });
    expect(entry.report).toBeNull();
  });

  it('saves typed values as a report, computing rates, and edits it in place', async () => {
    const first = await call(backend, 'report-entry-save', {
      periodId,
      unitId,
      values: [
        { ...empty, measureId: measure('1.2').id, numerator: 5, denominator: 8 },
        { ...empty, measureId: measure('1.1').id, value: 5, note: 'theo báo cáo giấy' },
      ],
      narratives: { results: 'Đã tổ chức truyền thông.' },
    });
    expect(first.revision).toBe(1);
    const second = await call(backend, 'report-entry-save', { periodId, unitId, values: [{ ...empty, measureId: measure('1.1').id, value: 6 }] });
    expect(second).toMatchObject({ reportId: first.reportId, revision: 1 });
    const after = await call(backend, 'report-entry-get', { periodId, unitId });
    expect(after.report).toMatchObject({ source: 'typed', revision: 1 });
    expect(after.values.find((v) => v.measureId === measure('1.2').id)).toMatchObject({ numerator: 5, denominator: 8, value: 62.5 });
    expect(after.values.find((v) => v.measureId === measure('1.1').id)).toMatchObject({ value: 6, note: null });
    expect(after.narratives.results).toBe('Đã tổ chức truyền thông.');
    const audit = backend.database.raw.prepare("SELECT before_json, after_json FROM audit_log WHERE entity = 'report' AND action = 'value 1.1' ORDER BY id").all() as { before_json: string | null; after_json: string }[];
    expect(audit.map((a) => [a.before_json && JSON.parse(a.before_json).value, JSON.parse(a.after_json).value])).toEqual([[null, 5], [5, 6]]);
  });

  it('refuses a bad value and saves nothing of that call', async () => {
    const e = await callError(backend, 'report-entry-save', {
      periodId,
      unitId,
      values: [
        { ...empty, measureId: measure('1.1').id, value: 9 },
        { ...empty, measureId: measure('1.2').id, numerator: 9, denominator: 8 },
      ],
    });
    expect(e.message).toBe('Chỉ tiêu 1.2: tử số (9) lớn hơn mẫu số (8).');
    const after = await call(backend, 'report-entry-get', { periodId, unitId });
    expect(after.values.find((v) => v.measureId === measure('1.1').id)!.value).toBe(6);
  });

  it('starts a new revision when the report came from a file, keeping the file\'s revision untouched', async () => {
    const other = (await call(backend, 'period-status', { id: periodId }))!.units.find((u) => u.unitName === 'Huyện Ngọc Hồi')!.unitId;
    const t = await call(backend, 'template-build', { periodId, unitId: other });
    const [imported] = await call(backend, 'report-import', { files: [{ fileName: t.fileName, dataBase64: fillTemplate(Buffer.from(t.dataBase64, 'base64'), { '1.1': { G: 2 }, '1.2': { E: '1', F: '2' } }).toString('base64') }] });
    const typed = await call(backend, 'report-entry-save', { periodId, unitId: other, values: [{ ...empty, measureId: measure('1.1').id, value: 3 }] });
    expect(typed.revision).toBe(2);
    const fileRevision = await call(backend, 'report-get', { id: imported!.reportId! });
    expect(fileRevision.values.find((v) => v.measureCode === '1.1')!.value).toBe(2);
    const now = await call(backend, 'report-get', { id: typed.reportId });
    expect(now.values.find((v) => v.measureCode === '1.1')!.value).toBe(3);
    expect(now.values.find((v) => v.measureCode === '1.2')).toMatchObject({ numerator: 1, denominator: 2 }); // carried over
  });
});
