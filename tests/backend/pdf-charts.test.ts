/**
 * The submission PDF's chart annex: the dashboard's summary and a measure's trend, vector, in the
 * document's font, on landscape pages within the NĐ 30 margins; its text exact in pdftotext.
 * Kon Tum's 2024 report with a 2023 period added, figures typed for three districts.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { ARTIFACTS } from '../e2e-web/fixtures';
import { call, tempDir, testBackend } from '../helpers/backend';
import { hasPoppler, noPoppler } from '../helpers/merge-pdf';

if (!hasPoppler) console.log(`[pdf-charts] ${noPoppler}`);

describe.skipIf(!hasPoppler && process.env.CI !== 'true')('the chart annex of the submission PDF', () => {
  let backend: Backend;
  let m12: number;
  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2024-12-04T03:00:00Z') });
    const annual = await call(backend, 'period-get', { id: 2 });
    const y2023 = await call(backend, 'period-create', {
      planId: annual.planId, parentUnitId: annual.parentUnitId!, kind: 'annual', year: 2023, name: 'Năm 2023', dataFrom: '2022-12-15', dataTo: '2023-12-14',
      deadlines: [{ level: 'district', dueOn: '2023-12-05' }, { level: 'department', dueOn: '2023-12-05' }],
    });
    const status = (await call(backend, 'period-status', { id: 2 }))!;
    const unit = (name: string) => status.units.find((u) => u.unitName === name)!.unitId;
    const entry = await call(backend, 'report-entry-get', { periodId: 2, unitId: unit('Huyện Sa Thầy') });
    m12 = entry.measures.find((x) => x.code === '1.2')!.id;
    const empty = { numerator: null, denominator: null, value: null, textValue: null, note: null };
    const rate = (periodId: number, name: string, numerator: number, denominator: number) => call(backend, 'report-entry-save', { periodId, unitId: unit(name), values: [{ ...empty, measureId: m12, numerator, denominator }] });
    await rate(y2023.id, 'Huyện Sa Thầy', 5, 10);
    await rate(y2023.id, 'Huyện Kon Rẫy', 2, 6);
    await rate(2, 'Huyện Sa Thầy', 6, 10);
    await rate(2, 'Huyện Kon Rẫy', 3, 6);
    await rate(2, 'Huyện Đắk Hà', 1, 10);
  }, 60_000);
  afterAll(() => backend.close());

  it('adds an annex of charts in landscape whose text and fonts are right, and says so in the body', async () => {
    const doc = await call(backend, 'document-settings-get', { periodId: 2 });
    const plain = await call(backend, 'merge-pdf', { periodId: 2, document: { ...doc, signerName: 'Nguyễn Văn A' } });
    const withCharts = await call(backend, 'merge-pdf', { periodId: 2, document: { ...doc, signerName: 'Nguyễn Văn A' }, charts: { summary: true, trendMeasureIds: [m12] } });
    const dir = tempDir();
    const file = path.join(dir, 'bao-cao-bieu-do.pdf');
    fs.writeFileSync(file, Buffer.from(withCharts.dataBase64, 'base64'));
    fs.writeFileSync(path.join(dir, 'plain.pdf'), Buffer.from(plain.dataBase64, 'base64'));
    const pages = (f: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f], { encoding: 'utf8' }))![1]);
    const total = pages(file);
    const added = total - pages(path.join(dir, 'plain.pdf'));
    expect(added).toBeGreaterThanOrEqual(1);
    expect(added).toBeLessThanOrEqual(3);

    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    // Kon Tum 2024's plan has indicators and no tasks: the charts are the second annex.
    expect(text).toContain('biểu đồ kết quả tại Phụ lục II kèm theo.');
    const annex = text.slice(text.lastIndexOf('Phụ lục II'));
    for (const s of [
      'BIỂU ĐỒ KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU VỀ TRẺ EM',
      '1. Kết quả theo mục tiêu',
      '1/39 chỉ tiêu có số liệu',
      'Mục tiêu I',
      '2. Tiến độ đến mục tiêu năm 2025',
      '3. Báo cáo đã nhận theo ngày',
      '3/12 đơn vị đã gửi báo cáo',
      'Phải nhận: 12',
      '4. Các chỉ tiêu còn xa chỉ tiêu nhất',
      '34,6%',
      '5. Chỉ tiêu 1.2: Tỷ lệ xã, phường, thị trấn đạt tiêu chuẩn phù hợp với trẻ em',
      'Các kỳ báo cáo năm do Tỉnh Kon Tum tổng hợp',
      'Năm 2023',
      '43,75',
      '38,46',
      'Mục tiêu 2025: 54,9',
      'Chỉ tiêu của năm',
    ]) expect(annex).toContain(s);

    // Every font embedded (the document's serif, also in the charts: no fallback face).
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/(Tinos|TimesNewRoman|Times New Roman).*\s+yes\s+yes\s+yes/);

    // The annex's pages are landscape A4; a look at them is kept with the screenshots.
    const info = execFileSync('pdfinfo', ['-f', String(total), '-l', String(total), file], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`Page\\s+${total} size:\\s+841\\.8\\d* x 595\\.\\d+ pts`));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(total - added + 1), '-l', String(total), file, path.join(ARTIFACTS, 'pdf-bieu-do')]);
  });
});
