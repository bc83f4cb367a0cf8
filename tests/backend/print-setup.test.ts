/**
 * Templates and the submission print as an office expects: the column headers repeated on every
 * page, the wide "Theo đơn vị" table in landscape pages of ten unit columns with code and name
 * repeated, and the units' notes carried into the submission. Checked in the file and by
 * printing it with LibreOffice Calc.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Backend } from '../../electron/backend/index';
import { call, tempDir, testBackend } from '../helpers/backend';
import { fillTemplate } from '../helpers/fill-template';
import { noOffice, printWithCalc, withoutOffice } from '../helpers/libreoffice';
import { hasPoppler, noPoppler } from '../helpers/merge-pdf';

const sheetXml = (bytes: Buffer, index: number) => Buffer.from(XLSX.CFB.find(XLSX.CFB.read(bytes, { type: 'buffer' }), `/xl/worksheets/sheet${index}.xml`)!.content as Uint8Array).toString('utf8');

describe('print setup of templates and the submission', () => {
  let backend: Backend;
  let periodId: number;
  let submission: Buffer;
  let template: Buffer;

  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2024-12-01T02:00:00Z') });
    periodId = (await call(backend, 'period-list', {})).find((p) => p.name === 'Năm 2024')!.id;
    const st = (await call(backend, 'period-status', { id: periodId }))!;
    const t = await call(backend, 'template-build', { periodId, unitId: st.units.find((u) => u.unitName === 'Huyện Sa Thầy')!.unitId });
    template = Buffer.from(t.dataBase64, 'base64');
    const filled = fillTemplate(template, { '1.1': { G: 4, H: 'Số liệu của Phòng Văn hóa - Xã hội' }, '1.2': { E: 4, F: 7 } });
    expect((await call(backend, 'report-import', { files: [{ fileName: t.fileName, dataBase64: filled.toString('base64') }] }))[0]!.outcome).toBe('imported');
    submission = Buffer.from((await call(backend, 'merge-export', { periodId })).dataBase64, 'base64');
  });
  afterAll(() => backend.close());

  it('repeats the column headers of the template and the submission on every printed page', () => {
    const wb = XLSX.read(template, { type: 'buffer' });
    const titles = (wb.Workbook?.Names ?? []).filter((n) => n.Name === '_xlnm.Print_Titles');
    expect(titles.find((n) => n.Sheet === wb.SheetNames.indexOf('Chỉ tiêu'))?.Ref).toBe("'Chỉ tiêu'!$6:$6");
    expect(titles.find((n) => n.Sheet === wb.SheetNames.indexOf('Nhiệm vụ'))?.Ref).toBe("'Nhiệm vụ'!$5:$5");
    const sub = XLSX.read(submission, { type: 'buffer' });
    const subTitles = (sub.Workbook?.Names ?? []).filter((n) => n.Name === '_xlnm.Print_Titles');
    expect(subTitles.find((n) => n.Sheet === sub.SheetNames.indexOf('Phụ lục'))?.Ref).toBe("'Phụ lục'!$6:$6");
    expect(subTitles.find((n) => n.Sheet === sub.SheetNames.indexOf('Theo đơn vị'))?.Ref).toBe("'Theo đơn vị'!$A:$C,'Theo đơn vị'!$3:$3");
  });

  it('breaks the 12-unit table into two landscape pages of ten columns side by side instead of shrinking it to one', () => {
    const sub = XLSX.read(submission, { type: 'buffer' });
    const xml = sheetXml(submission, sub.SheetNames.indexOf('Theo đơn vị') + 1);
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="2" fitToHeight="0"/>');
    expect(xml).toMatch(/<colBreaks count="1" manualBreakCount="1"><brk id="13" max="1048575" man="1"\/><\/colBreaks>/);
    // The appendix still fits the page width.
    expect(sheetXml(submission, 1)).toContain('fitToWidth="1"');
  });

  it("carries the units' notes into the submission", () => {
    const sub = XLSX.read(submission, { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<string[]>(sub.Sheets['Theo đơn vị']!, { header: 1, defval: '' });
    expect(rows[2]!.at(-1)).toBe('Ghi chú của đơn vị');
    expect(rows.find((r) => r[0] === '1.1')!.at(-1)).toBe('Huyện Sa Thầy: Số liệu của Phòng Văn hóa - Xã hội');
    const own = XLSX.utils.sheet_to_json<string[]>(sub.Sheets['Huyện Sa Thầy']!, { header: 1, defval: '' });
    expect(own.find((r) => r[0] === '1.1')![6]).toBe('Số liệu của Phòng Văn hóa - Xã hội');
  });

  it.skipIf(withoutOffice || !hasPoppler)(`prints with LibreOffice Calc with the headers on every page${withoutOffice ? ` (skipped: ${noOffice})` : !hasPoppler ? ` (skipped: ${noPoppler})` : ''}`, () => {
    const dir = tempDir('tonghop-print-');
    const file = path.join(dir, 'printed.pdf');
    fs.writeFileSync(file, printWithCalc(submission, dir));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    const texts = Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'], { encoding: 'utf8' }));
    // The appendix: its column headers on each of its pages.
    const appendix = texts.filter((t) => t.includes('Nội dung mục tiêu/chỉ tiêu'));
    expect(appendix.length).toBeGreaterThanOrEqual(2);
    expect(texts.filter((t) => /\b1\.1\b|\b8\.2\b|\b14\b|\b22\b/.test(t) && !t.includes('ĐVT') && !t.includes('Nội dung mục tiêu/chỉ tiêu') && !t.includes('Tử số'))).toEqual([]);
    // The unit table: two pages side by side (at most ten unit columns each), code and name on both.
    const first = texts.filter((t) => t.includes('ĐVT') && t.includes('Huyện Đắk Hà') && t.includes('Huyện Đắk Tô'));
    const second = texts.filter((t) => t.includes('ĐVT') && t.includes('Ghi chú của đơn vị') && t.includes('Sở Y tế'));
    expect(first.length).toBeGreaterThanOrEqual(1);
    expect(second.length).toBeGreaterThanOrEqual(1);
    for (const t of [...first, ...second]) expect(t).toMatch(/Mã\s+Chỉ tiêu/);
    expect(texts.some((t) => t.includes('Huyện Đắk Hà') && t.includes('Sở Y tế') && t.includes('ĐVT'))).toBe(false);
    expect(second.some((t) => t.includes('Huyện Sa Thầy: Số liệu của Phòng Văn hóa'))).toBe(true);
  }, 200_000);
});
