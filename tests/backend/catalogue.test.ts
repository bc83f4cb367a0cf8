/**
 * The statistical indicator catalogue: the shipped sample file imported (columns found by their
 * Vietnamese headers), rows it cannot read named with their row, edits, a measure linked, and a
 * period's compiled values exported in the catalogue's layout with the breakdowns as columns.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Backend } from '../../electron/backend/index';
import { TT13_SAMPLE, TT13_SAMPLE_INDICATORS } from '../../electron/backend/demo/tt13-sample-catalogue';
import { SAMPLE_CATALOGUE_FILE, sampleCatalogueWorkbook } from '../../electron/tools/make-sample-catalogue';
import { parseAnnex } from '../../shared/domain/catalogue';
import { call, callError, testBackend } from '../helpers/backend';
import { breakdownProvince } from '../helpers/breakdown-province';

const upload = (bytes: Buffer, fileName = 'tt13-2021-mau.xlsx') => ({ fileName, dataBase64: bytes.toString('base64') });

function sheetOf(rows: (string | number | null)[][], name = 'Phụ lục IV'): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('the statistical indicator catalogue', () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await testBackend({ now: new Date('2026-06-01T03:00:00Z') });
  });
  afterAll(() => backend.close());

  it('ships a sample file that is what the demo loads (regenerated, the same rows)', () => {
    expect(fs.existsSync(SAMPLE_CATALOGUE_FILE)).toBe(true);
    const shipped = XLSX.read(fs.readFileSync(SAMPLE_CATALOGUE_FILE), { type: 'buffer' });
    const fresh = XLSX.read(sampleCatalogueWorkbook(), { type: 'buffer' });
    for (const name of fresh.SheetNames) expect(XLSX.utils.sheet_to_csv(shipped.Sheets[name]!)).toBe(XLSX.utils.sheet_to_csv(fresh.Sheets[name]!));
    expect(String(shipped.Sheets['Phụ lục III']!['A2']!.v)).toContain('KHÔNG PHẢI DANH MỤC CHÍNH THỨC');
  });

  it('imports the sample: preview with the columns it found, then the catalogue with every indicator', async () => {
    const file = upload(fs.readFileSync(SAMPLE_CATALOGUE_FILE));
    const preview = await call(backend, 'catalogue-import-preview', file);
    expect(preview.sheets.map((s) => [s.name, s.annex, s.headerRow])).toEqual([['Phụ lục III', 'III', 6], ['Phụ lục IV', 'IV', 6]]);
    expect(preview.sheets[0]!.columns.map((c) => c.field)).toEqual(['code', 'group', 'name', 'unitLabel', 'concept', 'numerator', 'denominator', 'factor', 'breakdowns', 'period', 'source', 'leadBody', 'cooperatingBodies', 'note']);
    expect(preview.guessedDocument).toBe('Thông tư 13/2021/TT-BLĐTBXH');
    expect(preview.guessedTitle).toMatch(/^Bộ chỉ tiêu thống kê về tình hình trẻ em/);
    expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The names without a code are read, and said to have none.
    expect(preview.problems.filter((p) => p.severity === 'warning')).toHaveLength(13);
    expect(preview.problems[0]!.message).toBe('tt13-2021-mau.xlsx › Phụ lục III › A7: chỉ tiêu "Dân số trẻ em" chưa có mã số; được nhập không có mã (có thể bổ sung sau)');
    expect(preview.indicators.map(({ sheet: _s, row: _r, ...f }) => f)).toEqual(TT13_SAMPLE_INDICATORS);

    const cat = await call(backend, 'catalogue-import-commit', { ...file, catalogue: { code: 'TT13', title: TT13_SAMPLE.title, document: TT13_SAMPLE.document, issuedOn: TT13_SAMPLE.issuedOn, note: TT13_SAMPLE.note, isSample: true } });
    expect(cat.indicators).toHaveLength(TT13_SAMPLE_INDICATORS.length);
    expect(cat.indicators.find((i) => i.code === '0101')).toMatchObject({ annex: 'IV', groupCode: 'I', groupName: 'Tình hình xâm hại trẻ em', name: 'Số trẻ em bị xâm hại' });
    expect(cat.indicators.find((i) => i.code === '0605')).toMatchObject({ annex: 'III', groupCode: 'VI', factor: 100, leadBody: 'Bộ Thông tin và Truyền thông', period: 'Năm' });

    // Imported again into the same catalogue: matched by annex and code (or name), nothing doubled.
    const again = await call(backend, 'catalogue-import-commit', { ...file, catalogueId: cat.id, catalogue: { code: 'TT13', title: TT13_SAMPLE.title, document: TT13_SAMPLE.document, issuedOn: TT13_SAMPLE.issuedOn, note: '', isSample: true } });
    expect(again.indicators.map((i) => i.id)).toEqual(cat.indicators.map((i) => i.id));
  });

  it('names each row it cannot read, and imports nothing from a file with errors', async () => {
    const bad = sheetOf([
      ['PHỤ LỤC IV'],
      ['Mã số', 'Tên chỉ tiêu', 'Đơn vị tính', 'Phân tổ chủ yếu', 'Hệ số'],
      ['I. Tình hình xâm hại trẻ em'],
      ['0101', 'Số trẻ em bị xâm hại', 'Người', 'Giới tính; Nhóm tuổi', ''],
      ['01-02', 'Một chỉ tiêu mã sai', '', '', ''],
      ['101', 'Trùng mã (Excel bỏ số 0 đầu)', '', '', ''],
      ['0103', '', '', '', ''],
      ['0104', 'Hệ số lạ', '%', '', '7'],
    ], 'Bang');
    const preview = await call(backend, 'catalogue-import-preview', upload(bad, 'loi.xlsx'));
    expect(preview.sheets[0]!.annex).toBe('IV');
    expect(preview.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      'loi.xlsx › Bang › A5: mã số "01-02" không phải 4 chữ số (nhóm và số thứ tự, ví dụ 0101)',
      'loi.xlsx › Bang › A6: mã số 0101 đã có ở dòng 4 của Phụ lục IV',
      'loi.xlsx › Bang › B7: dòng có mã "0103" nhưng không có tên chỉ tiêu',
      'loi.xlsx › Bang › E8: hệ số "7" phải là 100, 1.000, 10.000 hoặc 100.000',
    ]);
    const before = (await call(backend, 'catalogue-list', {})).length;
    const refused = await callError(backend, 'catalogue-import-commit', { ...upload(bad, 'loi.xlsx'), catalogue: { code: 'LOI', title: 'Lỗi', document: '', issuedOn: null, note: '', isSample: false } });
    expect(refused.message).toMatch(/^loi\.xlsx: còn 4 lỗi, chưa nhập\. loi\.xlsx › Bang › A5: /);
    expect((await call(backend, 'catalogue-list', {})).length).toBe(before);

    const noAnnex = await call(backend, 'catalogue-import-preview', upload(sheetOf([['Mã số', 'Tên chỉ tiêu'], ['0101', 'Số trẻ em bị xâm hại']], 'Sheet1'), 'khong-phu-luc.xlsx'));
    expect(noAnnex.problems[0]!.message).toBe('khong-phu-luc.xlsx › Sheet1: không biết bảng thuộc Phụ lục nào (mã số đánh lại từ đầu ở mỗi phụ lục). Hãy đặt tên trang tính là "Phụ lục III", "Phụ lục IV"…, hoặc thêm cột "Phụ lục".');
    const notOne = await call(backend, 'catalogue-import-preview', upload(sheetOf([['Họ tên', 'Ngày sinh'], ['A', 'B']], 'Sheet1'), 'danh-sach.xlsx'));
    expect(notOne.problems[0]!.message).toMatch(/^danh-sach\.xlsx › không tìm thấy bảng chỉ tiêu/);
  });

  it('reads the annex as the circular and people write it', () => {
    expect(['Phụ lục IV', 'PHỤ LỤC 4', 'PL III', 'IV', 'Phu luc II — Danh mục'].map(parseAnnex)).toEqual(['IV', 'IV', 'III', 'IV', 'II']);
    expect(['Sheet1', 'Vi du', 'Indicators', ''].map(parseAnnex)).toEqual([null, null, null, null]);
  });

  it('edits indicators, links a measure, and exports a period in the catalogue layout with the breakdowns as columns', async () => {
    const cat = (await call(backend, 'catalogue-list', {})).find((c) => c.code === 'TT13')!;
    const dup = await callError(backend, 'catalogue-indicator-save', { ...cat.indicators.find((i) => i.code === '0605')!, id: undefined, catalogueId: cat.id, annex: 'IV', code: '0101', name: 'Trùng' });
    expect(dup.message).toBe('Phụ lục IV đã có chỉ tiêu mã 0101 ("Số trẻ em bị xâm hại"); mỗi mã chỉ dùng một lần trong một phụ lục.');
    const abused = cat.indicators.find((i) => i.code === '0101')!;
    await call(backend, 'catalogue-indicator-save', { ...abused, catalogueId: cat.id, unitLabel: 'Trẻ em' });

    const env = await breakdownProvince(backend, 2);
    const m = env.abused;
    const linked = await call(backend, 'measure-save', {
      id: m.id, indicatorId: m.indicatorId, code: m.code, name: m.name, unitLabel: m.unitLabel, valueKind: m.valueKind, rateFactor: m.rateFactor,
      direction: m.direction, rollup: m.rollup, leadUnitId: null, cooperatingUnitIds: [], targets: [], catalogueIndicatorId: abused.id,
    });
    expect(linked.catalogueIndicator).toEqual({ id: abused.id, catalogueId: cat.id, catalogueCode: 'TT13', annex: 'IV', code: '0101', name: 'Số trẻ em bị xâm hại' });
    expect(linked.breakdown).not.toBeNull();
    const inUse = await callError(backend, 'catalogue-indicator-delete', { id: abused.id });
    expect(inUse.message).toBe('Chỉ tiêu "Số trẻ em bị xâm hại" đang gắn với chỉ số 9 của kế hoạch; hãy bỏ gắn trước khi xóa.');

    const empty = { numerator: null, denominator: null, value: null, textValue: null, note: null };
    const combo = (key: string) => m.breakdown!.combos.find((c) => c.key === key)!.id;
    await call(backend, 'report-entry-save', { periodId: env.period.id, unitId: env.districts[0]!.id, values: [{ ...empty, measureId: m.id, optionComboId: combo('NAM/U6'), value: 3 }, { ...empty, measureId: m.id, optionComboId: combo('NU/U11'), value: 2 }] });
    await call(backend, 'report-entry-save', { periodId: env.period.id, unitId: env.districts[1]!.id, values: [{ ...empty, measureId: m.id, optionComboId: combo('NAM/U6'), value: 4 }] });
    const f = await call(backend, 'catalogue-export', { periodId: env.period.id, catalogueId: cat.id });
    expect(f.count).toBe(1);
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(XLSX.read(Buffer.from(f.dataBase64, 'base64'), { type: 'buffer' }).Sheets['Chỉ tiêu thống kê']!, { header: 1, defval: '' });
    expect(rows[4]).toEqual(['Phụ lục', 'Mã số', 'Tên chỉ tiêu', 'Đơn vị tính', 'Giới tính', 'Nhóm tuổi', 'Tử số', 'Mẫu số', 'Giá trị', 'Chỉ số trong kế hoạch', 'Ghi chú']);
    expect(rows[5]!.slice(0, 9)).toEqual(['IV', '0101', 'Số trẻ em bị xâm hại', 'Trẻ em', 'Tổng số', 'Tổng số', '', '', 9]);
    expect(rows[6]!.slice(4, 9)).toEqual(['Nam', 'Dưới 6 tuổi', '', '', 7]);
    expect(rows.find((r) => r[4] === 'Nữ' && r[5] === 'Từ 6 đến dưới 11 tuổi')![8]).toBe(2);
    expect(rows).toHaveLength(5 + 1 + 6);
    expect(String(rows[1]![0])).toContain('Bộ chỉ tiêu MẪU, không phải danh mục chính thức');

    // The code shows where the measure shows: its template, the submission's appendix.
    const t = await call(backend, 'template-build', { periodId: env.period.id, unitId: env.districts[0]!.id });
    const tRows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(Buffer.from(t.dataBase64, 'base64'), { type: 'buffer' }).Sheets['Chỉ tiêu']!, { header: 1, defval: '' });
    expect(tRows.find((r) => r[0] === '9')![1]).toBe('Số trẻ em bị xâm hại (Tổng số) (mã thống kê TT13 · PL IV · 0101)');
    const sub = await call(backend, 'merge-export', { periodId: env.period.id });
    const aRows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(Buffer.from(sub.dataBase64, 'base64'), { type: 'buffer' }).Sheets['Phụ lục']!, { header: 1, defval: '' });
    expect(aRows.find((r) => r[0] === '9')![1]).toBe('Số trẻ em bị xâm hại (mã thống kê TT13 · PL IV · 0101)');

    const other = await call(backend, 'catalogue-save', { code: 'KHAC', title: 'Bộ khác', document: '', issuedOn: null, note: '', isSample: false });
    const nothing = await callError(backend, 'catalogue-export', { periodId: env.period.id, catalogueId: other.id });
    expect(nothing.message).toContain('chưa có chỉ số nào gắn với bộ chỉ tiêu "Bộ khác"');
  });
});
