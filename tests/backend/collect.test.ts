import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import type { PeriodStatus } from '../../shared/api/types';
import { call, testBackend } from '../helpers/backend';
import { fillTemplate } from '../helpers/fill-template';

describe('collecting: templates out, filled files in', () => {
  let backend: Backend;
  let status: PeriodStatus;
  let periodId: number;
  const unitNamed = (name: string) => status.units.find((u) => u.unitName === name)!;
  const template = async (unitName: string) => {
    const t = await call(backend, 'template-build', { periodId, unitId: unitNamed(unitName).unitId });
    return { fileName: t.fileName, bytes: Buffer.from(t.dataBase64, 'base64') };
  };
  const importFiles = (files: { fileName: string; bytes: Buffer }[], extra: Record<string, unknown> = {}) =>
    call(backend, 'report-import', { files: files.map((f) => ({ fileName: f.fileName, dataBase64: f.bytes.toString('base64') })), ...extra });
  const counts = () => backend.database.raw.prepare('SELECT (SELECT count(*) FROM report) AS reports, (SELECT count(*) FROM report_value) AS vals').get() as { reports: number; vals: number };

  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2024-12-01T02:00:00Z') });
    const periods = await call(backend, 'period-list', {});
    periodId = periods.find((p) => p.name === 'Năm 2024')!.id;
    status = (await call(backend, 'period-status', { id: periodId }))!;
  });
  afterAll(() => backend.close());

  it('lists the 10 districts and the departments as expected units, none received yet', () => {
    expect(status.units.filter((u) => u.unitKind === 'district')).toHaveLength(10);
    expect(status.counts.missing).toBe(status.units.length);
    expect(status.nextDue).toBe('2024-12-05');
    expect(status.counts.late).toBe(0);
  });

  it('writes a template that reads back with its sheets, metadata and input cells', async () => {
    const t = await template('Huyện Sa Thầy');
    expect(t.fileName).toBe('Huyện Sa Thầy - Năm 2024.xlsx');
    const wb = XLSX.read(t.bytes, { type: 'buffer', cellFormula: true });
    expect(wb.SheetNames).toEqual(['Chỉ tiêu', 'Nhiệm vụ', 'Báo cáo', 'TongHop']);
    expect(wb.Workbook?.Sheets?.[3]?.Hidden).toBe(2);
    const ws = wb.Sheets['Chỉ tiêu']!;
    expect(ws['A3'].v).toContain('Đơn vị báo cáo: Huyện Sa Thầy');
    expect(ws['A3'].v).toContain('Hạn gửi: 05/12/2024');
    expect(ws['D6'].v).toBe('Chỉ tiêu năm 2024 (của tỉnh)');
    const codes = Object.keys(ws).filter((k) => /^A\d+$/.test(k)).map((k) => ws[k].v).filter((v) => typeof v === 'string' && /^\d/.test(v));
    // A district reports what is added up from the territory: not the 7 measures only a lead department has (mortality, vaccination, HIV, abuse).
    expect(codes).toHaveLength(32);
    for (const leadOnly of ['3.1', '3.2', '3.3', '5.1', '5.2', '6', '9']) expect(codes).not.toContain(leadOnly);
    const zip = XLSX.CFB.read(t.bytes, { type: 'buffer' });
    const sheetXml = Buffer.from(XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml')!.content as Uint8Array).toString('utf8');
    expect(sheetXml).toContain('<sheetProtection');
    const stylesXml = Buffer.from(XLSX.CFB.find(zip, '/xl/styles.xml')!.content as Uint8Array).toString('utf8');
    expect(stylesXml).toContain('<protection locked="0"/>');
    expect(stylesXml).toContain('Times New Roman');
  });

  it('round-trips values typed the way people type them', async () => {
    const t = await template('Huyện Sa Thầy');
    const filled = fillTemplate(
      t.bytes,
      {
        '1.1': { G: 5 },
        '1.2': { E: '5', F: '9' },
        '2': { E: '1.234', F: '1.500' },
        '4.1': { E: 58.82 * 10, F: 10000 },
        '7': { E: '990', F: '1.000', H: 'Số liệu của Phòng Giáo dục huyện' },
        '10': { G: 0 },
        '17.2': { E: '58,82', F: '29.410' },
      },
      { narratives: ['Kết quả: đã tổ chức 12 lớp tập huấn.', 'Thiếu cán bộ chuyên trách.', 'Tiếp tục rà soát.', 'Đề nghị bổ sung kinh phí.'] },
    );
    const [r] = await importFiles([{ fileName: t.fileName, bytes: filled }]);
    expect(r!.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r).toMatchObject({ outcome: 'imported', unitName: 'Huyện Sa Thầy', revision: 1, periodName: 'Năm 2024' });
    const report = await call(backend, 'report-get', { id: r!.reportId! });
    const v = new Map(report.values.map((x) => [x.measureCode, x]));
    expect(v.get('1.1')).toMatchObject({ value: 5, numerator: null });
    expect(v.get('1.2')!.value).toBeCloseTo((5 / 9) * 100, 10);
    expect(v.get('2')).toMatchObject({ numerator: 1234, denominator: 1500 });
    expect(v.get('4.1')).toMatchObject({ numerator: 588.2, denominator: 10000 });
    expect(v.get('7')).toMatchObject({ numerator: 990, denominator: 1000, value: 99 });
    expect(v.get('10')).toMatchObject({ value: 0 });
    expect(v.get('17.2')).toMatchObject({ numerator: 58.82, denominator: 29410 });
    expect(v.has('8.1')).toBe(false); // left empty: no value, not zero
    expect(report.narratives).toMatchObject({ results: 'Kết quả: đã tổ chức 12 lớp tập huấn.', proposals: 'Đề nghị bổ sung kinh phí.' });
    expect(report.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = backend.database.raw.prepare('SELECT file_bytes FROM report WHERE id = ?').get(r!.reportId) as { file_bytes: Buffer };
    expect(Buffer.compare(stored.file_bytes, filled)).toBe(0);
    const after = (await call(backend, 'period-status', { id: periodId }))!;
    expect(after.units.find((u) => u.unitName === 'Huyện Sa Thầy')).toMatchObject({ status: 'valid', late: false, revision: 1 });
  });

  it('asks before replacing a report, then keeps the earlier revision', async () => {
    const t = await template('Huyện Sa Thầy');
    const filled = fillTemplate(t.bytes, { '1.1': { G: 6 } });
    const [wait] = await importFiles([{ fileName: t.fileName, bytes: filled }]);
    expect(wait).toMatchObject({ outcome: 'needs_replace', current: { revision: 1 } });
    const [done] = await importFiles([{ fileName: t.fileName, bytes: filled }], { replace: true });
    expect(done).toMatchObject({ outcome: 'imported', revision: 2 });
    const report = await call(backend, 'report-get', { id: done!.reportId! });
    expect(report.revisions.map((x) => [x.revision, x.isCurrent])).toEqual([[2, true], [1, false]]);
    expect(report.values.find((x) => x.measureCode === '1.1')!.value).toBe(6);
  });

  it('stores the files of one call with one commit, each on its own: a second file of the same unit asks, a file that cannot be stored leaves the others', async () => {
    const [a, b, c] = await Promise.all(['Huyện Ngọc Hồi', 'Huyện Đắk Tô', 'Huyện Đắk Glei'].map(template));
    const before = counts();
    // The database refuses to store Đắk Tô's report (as a full index or a broken page would).
    backend.database.raw.exec(`CREATE TEMP TRIGGER refuse_dak_to BEFORE INSERT ON report WHEN NEW.file_name = '${b!.fileName}' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    try {
      const results = await importFiles([
        { fileName: a!.fileName, bytes: fillTemplate(a!.bytes, { '1.1': { G: 3 } }) },
        { fileName: b!.fileName, bytes: fillTemplate(b!.bytes, { '1.1': { G: 4 } }) },
        { fileName: c!.fileName, bytes: fillTemplate(c!.bytes, { '1.1': { G: 5 } }) },
        { fileName: `ban sao ${a!.fileName}`, bytes: fillTemplate(a!.bytes, { '1.1': { G: 30 } }) },
      ]);
      expect(results.map((r) => [r.unitName, r.outcome])).toEqual([
        ['Huyện Ngọc Hồi', 'imported'],
        ['Huyện Đắk Tô', 'rejected'],
        ['Huyện Đắk Glei', 'imported'],
        ['Huyện Ngọc Hồi', 'needs_replace'],
      ]);
      expect(results[1]!.problems[0]!.message).toContain(b!.fileName);
      expect(results[3]!.current).toMatchObject({ revision: 1, fileName: a!.fileName });
    } finally {
      backend.database.raw.exec('DROP TRIGGER refuse_dak_to');
    }
    // Đắk Tô's refused insert left nothing behind: two reports more, each whole, and the refusal logged.
    const after = counts();
    expect(after.reports).toBe(before.reports + 2);
    const orphans = backend.database.raw.prepare('SELECT count(*) AS n FROM report_value v LEFT JOIN report r ON r.id = v.report_id WHERE r.id IS NULL').get() as { n: number };
    expect(orphans.n).toBe(0);
    const logged = backend.database.raw.prepare("SELECT outcome FROM import_attempt WHERE file_name = ? ORDER BY id DESC LIMIT 1").get(b!.fileName) as { outcome: string };
    expect(logged.outcome).toBe('rejected');
    const status = (await call(backend, 'period-status', { id: periodId }))!;
    expect(status.units.find((u) => u.unitName === 'Huyện Đắk Tô')!.status).not.toBe('valid');
  });

  it.each([
    ['text in a number cell', { '1.2': { E: '12,5a', F: '100' } }, 'Huyện Ia H’Drai - Năm 2024.xlsx › Chỉ tiêu › E'],
    ['numerator greater than denominator', { '1.2': { E: '120', F: '100' } }, 'tử số (120) lớn hơn mẫu số (100)'],
    ['a rate above 100 %', { '1.2': { E: '10', F: '0' } }, 'mẫu số bằng 0'],
    ['a missing denominator', { '2': { E: '10' } }, 'thiếu mẫu số (đã có tử số)'],
    ['a typed rate above 100 %', { '1.2': { G: '120%' } }, 'tỷ lệ 120% nằm ngoài khoảng 0–100%'],
  ])('refuses %s with the file, sheet and cell, and writes nothing', async (_label, fills, message) => {
    const t = await template('Huyện Ia H’Drai');
    const before = counts();
    const [r] = await importFiles([{ fileName: t.fileName, bytes: fillTemplate(t.bytes, fills) }]);
    expect(r!.outcome).toBe('rejected');
    expect(r!.problems.map((p) => p.message).join('\n')).toContain(message);
    expect(counts()).toEqual(before);
  });

  it('accepts a fraction of a whole count, a 0/0 rate and a percent-formatted result, saying what to check', async () => {
    const t = await template('Huyện Tu Mơ Rông');
    const wb = XLSX.read(fillTemplate(t.bytes, { '1.1': { G: '2,5' }, '1.2': { E: 0, F: 0 } }), { type: 'buffer', cellStyles: true });
    const ws = wb.Sheets['Chỉ tiêu']!;
    const row = (code: string) => Object.keys(ws).find((k) => /^A\d+$/.test(k) && ws[k].v === code)!.slice(1);
    // Measure 2 typed as a result in a cell formatted as a percentage: Excel keeps 0,0096 for "0,96%".
    ws[`G${row('2')}`] = { t: 'n', v: 0.0096, z: '0.00%', w: '0.96%' };
    const [r] = await importFiles([{ fileName: t.fileName, bytes: XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', cellStyles: true }) as Buffer }]);
    expect(r!.outcome).toBe('imported');
    const warnings = r!.problems.filter((p) => p.severity === 'warning').map((p) => p.message);
    expect(warnings).toContain(`Huyện Tu Mơ Rông - Năm 2024.xlsx › Chỉ tiêu › G${row('1.1')}: chỉ tiêu 1.1: 2,5 xã có phần lẻ — hãy kiểm tra lại.`);
    const report = await call(backend, 'report-get', { id: r!.reportId! });
    const v = new Map(report.values.map((x) => [x.measureCode, x]));
    expect(v.get('1.1')!.value).toBe(2.5);
    // 0/0: nothing happened that the rate measures; accepted, no result.
    expect(v.get('1.2')).toMatchObject({ numerator: 0, denominator: 0, value: null });
    expect(v.get('2')!.value).toBeCloseTo(0.96, 10);
  });

  it('refuses a file sent back empty, and lists what a partly filled file left empty', async () => {
    const t = await template('Huyện Kon Rẫy');
    const before = counts();
    const [empty] = await importFiles([{ fileName: t.fileName, bytes: t.bytes }]);
    expect(empty!.outcome).toBe('rejected');
    expect(empty!.problems[0]!.message).toBe('Huyện Kon Rẫy - Năm 2024.xlsx: tệp trống — chưa có số liệu nào ở trang "Chỉ tiêu", chưa có nội dung nào ở trang "Báo cáo". Đơn vị chưa điền biểu mẫu nên báo cáo chưa được nhận.');
    expect(counts()).toEqual(before);
    const [partly] = await importFiles([{ fileName: t.fileName, bytes: fillTemplate(t.bytes, { '1.1': { G: 3 } }) }]);
    expect(partly!.outcome).toBe('imported');
    expect(partly!.problems).toEqual([
      { severity: 'info', row: null, cell: null, message: expect.stringMatching(/^Huyện Kon Rẫy - Năm 2024\.xlsx › Chỉ tiêu: còn để trống 31\/32 chỉ tiêu: 1\.2, 2, 4\.1, .*, 16, …$/) },
    ]);
    expect((await call(backend, 'period-status', { id: periodId }))!.units.find((u) => u.unitName === 'Huyện Kon Rẫy')).toMatchObject({ status: 'valid' });
  });

  it('names the exact cell of a bad value', async () => {
    const t = await template('Huyện Ia H’Drai');
    const wb = XLSX.read(t.bytes, { type: 'buffer' });
    const ws = wb.Sheets['Chỉ tiêu']!;
    const row = Object.keys(ws).find((k) => /^A\d+$/.test(k) && ws[k].v === '1.2')!.slice(1);
    const [r] = await importFiles([{ fileName: t.fileName, bytes: fillTemplate(t.bytes, { '1.2': { E: '12,5a', F: '100' } }) }]);
    expect(r!.problems[0]!.message).toBe(`Huyện Ia H’Drai - Năm 2024.xlsx › Chỉ tiêu › E${row}: "12,5a" không phải là số`);
    const s = (await call(backend, 'period-status', { id: periodId }))!;
    expect(s.units.find((u) => u.unitName === 'Huyện Ia H’Drai')).toMatchObject({ status: 'has_errors', problemCount: 1 });
  });

  it('approves a checked report, once', async () => {
    const s = (await call(backend, 'period-status', { id: periodId }))!;
    const u = s.units.find((x) => x.unitName === 'Huyện Sa Thầy')!;
    await call(backend, 'report-approve', { id: u.reportId! });
    const after = (await call(backend, 'period-status', { id: periodId }))!;
    expect(after.units.find((x) => x.unitName === 'Huyện Sa Thầy')!.status).toBe('approved');
    const again = await backend.dispatch('report-approve', { id: u.reportId! });
    expect(again).toMatchObject({ ok: false, error: { message: 'Báo cáo này đã được duyệt.' } });
  });

  it('refuses a file for another period', async () => {
    const other = (await call(backend, 'period-list', {})).find((p) => p.name === '6 tháng đầu năm 2024')!;
    const t = await template('Huyện Kon Rẫy');
    const before = counts();
    const [r] = await importFiles([{ fileName: t.fileName, bytes: fillTemplate(t.bytes, { '1.1': { G: 1 } }) }], { periodId: other.id });
    expect(r!.outcome).toBe('rejected');
    expect(r!.problems[0]!.message).toBe('Huyện Kon Rẫy - Năm 2024.xlsx: tệp dành cho kỳ "Năm 2024", không phải kỳ "6 tháng đầu năm 2024" đang nhận.');
    expect(counts()).toEqual(before);
  });

  it('reads a legacy .xls', async () => {
    const t = await template('Huyện Kon Plông');
    const xls = fillTemplate(t.bytes, { '1.1': { G: 3 }, '1.2': { E: '3', F: '4' } }, { bookType: 'biff8' });
    const [r] = await importFiles([{ fileName: 'Huyen Kon Plong.xls', bytes: xls }]);
    expect(r).toMatchObject({ outcome: 'imported', unitName: 'Huyện Kon Plông' });
    const report = await call(backend, 'report-get', { id: r!.reportId! });
    expect(report.values.find((v) => v.measureCode === '1.2')).toMatchObject({ numerator: 3, denominator: 4, value: 75 });
  });

  it('matches a file whose metadata sheet was deleted by the unit name, after the user confirms', async () => {
    const t = await template('Huyện Đắk Hà');
    const bytes = fillTemplate(t.bytes, { '1.1': { G: 4 } }, { dropMeta: true });
    const before = counts();
    const [ask] = await importFiles([{ fileName: t.fileName, bytes }], { periodId });
    expect(ask).toMatchObject({ outcome: 'needs_confirmation', unitName: 'Huyện Đắk Hà' });
    expect(counts()).toEqual(before);
    const [noPeriod] = await importFiles([{ fileName: t.fileName, bytes }]);
    expect(noPeriod!.outcome).toBe('rejected');
    expect(noPeriod!.problems[0]!.message).toContain('không có trang thông tin "TongHop"');
    const [done] = await importFiles([{ fileName: t.fileName, bytes }], { periodId, unitId: ask!.unitId!, confirmMatch: true });
    expect(done).toMatchObject({ outcome: 'imported', unitName: 'Huyện Đắk Hà' });
  });

  it('refuses a truncated file with a clear message', async () => {
    const t = await template('Huyện Tu Mơ Rông');
    const before = counts();
    const [r] = await importFiles([{ fileName: t.fileName, bytes: t.bytes.subarray(0, 2000) }]);
    expect(r!.outcome).toBe('rejected');
    expect(r!.problems[0]!.message).toBe('Huyện Tu Mơ Rông - Năm 2024.xlsx: tệp bị hỏng (thiếu phần cuối, có thể do tải về hoặc chép chưa xong). Hãy mở lại bằng Excel và lưu lại, hoặc xin đơn vị gửi lại.');
    expect(counts()).toEqual(before);
  });
});
