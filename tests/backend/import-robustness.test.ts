/**
 * Files from outside, read defensively: an .ods with DDE and external links does not crash the
 * import and does not abort its batch; a sheet that declares a million rows but holds 73 is read;
 * a file whose header names another unit than its hidden information asks which unit it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Backend } from '../../electron/backend/index';
import type { PeriodStatus } from '../../shared/api/types';
import { call, testBackend } from '../helpers/backend';
import { fillTemplate } from '../helpers/fill-template';
import { odsWithLinks } from '../helpers/ods-links';

describe('reading files defensively', () => {
  let backend: Backend;
  let periodId: number;
  let status: PeriodStatus;
  const unit = (name: string) => status.units.find((u) => u.unitName === name)!;
  const template = async (name: string) => {
    const t = await call(backend, 'template-build', { periodId, unitId: unit(name).unitId });
    return { fileName: t.fileName, bytes: Buffer.from(t.dataBase64, 'base64') };
  };
  const upload = (fileName: string, bytes: Buffer) => ({ fileName, dataBase64: bytes.toString('base64') });

  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2024-12-01T02:00:00Z') });
    periodId = (await call(backend, 'period-list', {})).find((p) => p.name === 'Năm 2024')!.id;
    status = (await call(backend, 'period-status', { id: periodId }))!;
  });
  afterAll(() => backend.close());

  it('ends every file of a batch with its own result, whatever a file with DDE links does', async () => {
    const a = await template('Huyện Sa Thầy');
    const b = await template('Huyện Kon Rẫy');
    const results = await call(backend, 'report-import', {
      periodId,
      files: [upload(a.fileName, fillTemplate(a.bytes, { '1.1': { G: 2 } })), upload('Huyện Đắk Tô - lien ket.ods', odsWithLinks()), upload(b.fileName, fillTemplate(b.bytes, { '1.1': { G: 3 } }))],
    });
    expect(results.map((r) => r.outcome)).toEqual(['imported', 'rejected', 'imported']);
    expect(results[1]!.problems[0]!.message).toMatch(/^Huyện Đắk Tô - lien ket\.ods( › Chỉ tiêu)?: /);
    expect(results[1]!.problems[0]!.message).not.toMatch(/TypeError|undefined|stack/);
    // The refused file has its line in the import log, so the home screen shows "có lỗi".
    const logged = backend.database.raw.prepare("SELECT outcome FROM import_attempt WHERE file_name = 'Huyện Đắk Tô - lien ket.ods'").all();
    expect(logged).toEqual([{ outcome: 'rejected' }]);
  });

  it('reads a sheet that declares a million rows (whole columns formatted) but holds 73', async () => {
    const t = await template('Huyện Ngọc Hồi');
    const wb = XLSX.read(fillTemplate(t.bytes, { '1.1': { G: 4 } }), { type: 'buffer', cellFormula: true, cellStyles: true });
    wb.Sheets['Chỉ tiêu']!['!ref'] = 'A1:H1048576';
    const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const [r] = await call(backend, 'report-import', { periodId, files: [upload(t.fileName, bytes)] });
    expect(r!.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r!.outcome).toBe('imported');
  });

  it("asks which unit a file is when its header names another unit than its hidden information", async () => {
    const t = await template('Huyện Đắk Glei');
    const wb = XLSX.read(fillTemplate(t.bytes, { '1.1': { G: 5 } }), { type: 'buffer', cellFormula: true, cellStyles: true });
    const a3 = wb.Sheets['Chỉ tiêu']!['A3']!;
    a3.v = String(a3.v).replace('Huyện Đắk Glei', 'Huyện Đắk Hà');
    const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const [asked] = await call(backend, 'report-import', { periodId, files: [upload('bao cao.xlsx', bytes)] });
    expect(asked).toMatchObject({ outcome: 'needs_confirmation', unitName: 'Huyện Đắk Hà' });
    expect(asked!.problems[0]!.message).toBe('bao cao.xlsx: đầu trang ghi "Đơn vị báo cáo: Huyện Đắk Hà" nhưng thông tin ẩn của biểu mẫu là của Huyện Đắk Glei (có thể đơn vị đã dùng lại tệp của đơn vị khác). Hãy chọn đúng đơn vị gửi báo cáo.');
    const [done] = await call(backend, 'report-import', { periodId, unitId: unit('Huyện Đắk Hà').unitId, confirmMatch: true, files: [upload('bao cao.xlsx', bytes)] });
    expect(done).toMatchObject({ outcome: 'imported', unitName: 'Huyện Đắk Hà' });
    // An unchanged file is not asked about.
    const [plain] = await call(backend, 'report-import', { periodId, files: [upload(t.fileName, fillTemplate(t.bytes, { '1.1': { G: 5 } }))] });
    expect(plain!.outcome).toBe('imported');
  });
});

describe('messages that say what a file really is', () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2024-12-01T02:00:00Z') });
  });
  afterAll(() => backend.close());
  const importOne = async (fileName: string, bytes: Buffer) => (await call(backend, 'report-import', { files: [{ fileName, dataBase64: bytes.toString('base64') }] }))[0]!.problems[0]!.message;

  it('names HTML saved as .xlsx, a password-protected .ods, and the extensions it takes', async () => {
    expect(await importOne('trang web.xlsx', Buffer.from('<!doctype html><html><body><table><tr><td>1</td></tr></table></body></html>'))).toBe(
      'trang web.xlsx: tệp là trang web (HTML) hoặc tệp XML mang đuôi .xlsx, không phải bảng tính Excel. Hãy mở bằng Excel rồi lưu thành Excel Workbook (.xlsx).',
    );
    const locked = odsWithLinks();
    const zip = XLSX.CFB.read(locked, { type: 'buffer' });
    const manifest = XLSX.CFB.find(zip, '/META-INF/manifest.xml')!;
    manifest.content = Buffer.from('<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1" manifest:checksum="x"/></manifest:file-entry></manifest:manifest>');
    // The encrypted content itself is not XML.
    XLSX.CFB.find(zip, '/content.xml')!.content = Buffer.from([0x8f, 0x11, 0x02, 0xfe, 0x00, 0x41]);
    expect(await importOne('co mat khau.ods', XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer' }) as Buffer)).toBe('co mat khau.ods: tệp được đặt mật khẩu. Hãy mở bằng Excel hoặc LibreOffice, bỏ mật khẩu rồi lưu lại.');
    expect(await importOne('bao cao.pdf', Buffer.from('%PDF-1.7'))).toBe('bao cao.pdf: chỉ nhận bảng tính Excel (.xlsx, .xlsm, .xls) hoặc LibreOffice (.ods), không nhận tệp .pdf. Văn bản PDF đã ký của đơn vị được lưu ở "Tệp đã nhận, văn bản PDF…" trên dòng của đơn vị.');
  });

  it('says a report template offered as a plan is a report template', async () => {
    const periodId = (await call(backend, 'period-list', {})).find((p) => p.name === 'Năm 2024')!.id;
    const st = (await call(backend, 'period-status', { id: periodId }))!;
    const t = await call(backend, 'template-build', { periodId, unitId: st.units[0]!.unitId });
    const r = await backend.dispatch('plan-import-preview', { fileName: t.fileName, dataBase64: t.dataBase64 });
    expect(r).toMatchObject({ ok: false, error: { message: `${t.fileName}: đây là biểu mẫu báo cáo của đơn vị (do TongHop xuất), không phải bảng chỉ tiêu của kế hoạch. Biểu mẫu đã điền thì nhận ở màn hình Kỳ báo cáo › Nhận báo cáo.` } });
  });
});
