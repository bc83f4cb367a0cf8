import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { expect, screenshot, test } from './fixtures';

test('the merge view rolls up the units, shows completeness, drills into a total and exports .xlsx', async ({ app: { page, url } }) => {
  const api = async (method: string, body: unknown) => {
    const res = await page.request.post(`${url}api/${method}`, { data: body });
    const json = (await res.json()) as { ok: boolean; result: unknown; error?: { message: string } };
    if (!json.ok) throw new Error(`${method}: ${json.error?.message}`);
    return json.result as never;
  };
  const status = (await api('period-status', { id: 2 })) as { units: { unitId: number; unitName: string }[] };
  const unit = (name: string) => status.units.find((u) => u.unitName === name)!.unitId;
  const entry = (await api('report-entry-get', { periodId: 2, unitId: unit('Huyện Sa Thầy') })) as { measures: { id: number; code: string }[] };
  const m = (code: string) => entry.measures.find((x) => x.code === code)!.id;
  const empty = { numerator: null, denominator: null, value: null, textValue: null, note: null };
  await api('report-entry-save', { periodId: 2, unitId: unit('Huyện Sa Thầy'), values: [{ ...empty, measureId: m('1.2'), numerator: 6, denominator: 10 }, { ...empty, measureId: m('1.1'), value: 6 }] });
  await api('report-entry-save', { periodId: 2, unitId: unit('Huyện Kon Rẫy'), values: [{ ...empty, measureId: m('1.2'), numerator: 3, denominator: 6 }, { ...empty, measureId: m('1.1'), value: 3 }], narratives: { difficulties: 'Thiếu cán bộ làm công tác trẻ em ở xã.' } });
  // Sở Y tế's form holds its own measures (3.1 is not on a district's).
  const health = (await api('report-entry-get', { periodId: 2, unitId: unit('Sở Y tế') })) as { measures: { id: number; code: string }[] };
  await api('report-entry-save', { periodId: 2, unitId: unit('Sở Y tế'), values: [{ ...empty, measureId: health.measures.find((x) => x.code === '3.1')!.id, numerator: 96, denominator: 10000 }] });

  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await page.getByLabel('Chọn kỳ tổng hợp').selectOption({ label: 'Năm 2024 — Tỉnh Kon Tum' });
  await expect(page.getByRole('status', { name: 'Mức độ đầy đủ' })).toContainText('3/12 đơn vị đã gửi báo cáo');
  await page.getByText('Xem danh sách').click();
  await expect(page.getByRole('status', { name: 'Mức độ đầy đủ' })).toContainText('Chưa có số liệu của: Huyện Đắk Glei');
  const table = page.getByRole('table', { name: 'Bảng tổng hợp' });
  // (6 + 3) / (10 + 6) × 100 = 56,25 %: below the 58,82 % target.
  await expect(table.locator('tr[data-measure-code="1.2"]')).toContainText('56,25');
  await expect(table.locator('tr[data-measure-code="1.2"]')).toContainText('Chưa đạt');
  await expect(table.locator('tr[data-measure-code="1.1"]')).toContainText('9');
  // Shown with the decimals of its target (9,6 ‰).
  await expect(table.locator('tr[data-measure-code="3.1"] td.fz-total')).toContainText('9,6');
  await expect(table.locator('tr[data-measure-code="3.1"]')).toContainText('Đạt');
  await screenshot(page, '14-tong-hop');

  await page.getByRole('button', { name: 'Chi tiết tổng hợp chỉ tiêu 1.2' }).click();
  const drill = page.getByRole('dialog', { name: 'Chỉ tiêu 1.2: cách tính tổng hợp' });
  await expect(drill.getByRole('table', { name: 'Đóng góp của từng đơn vị' })).toContainText('Huyện Sa Thầy');
  await expect(drill).toContainText('= 9 / 16 × 100 = 56,25');
  await drill.getByLabel('Số tổng hợp dùng trong báo cáo').fill('60,5');
  await drill.getByRole('button', { name: 'Lưu số sửa' }).click();
  await expect(drill.getByRole('alert')).toContainText('cần ghi lý do sửa');
  await drill.getByLabel('Lý do sửa').fill('Số liệu chính thức của Sở LĐTBXH');
  await drill.getByRole('button', { name: 'Lưu số sửa' }).click();
  await expect(drill).toContainText('Đang dùng số sửa tay 60,50 thay cho số tính được 56,25');
  await screenshot(page, '15-chi-tiet-tong-hop');
  await page.keyboard.press('Escape');
  await expect(table.locator('tr[data-measure-code="1.2"]')).toContainText('sửa tay');
  await expect(table.locator('tr[data-measure-code="1.2"]')).toContainText('Đạt');

  await page.getByRole('tab', { name: 'Nội dung báo cáo' }).click();
  const difficulties = page.getByLabel('II. Khó khăn, vướng mắc');
  await expect(difficulties).toHaveValue('- Huyện Kon Rẫy: Thiếu cán bộ làm công tác trẻ em ở xã.');
  await difficulties.fill('Một số huyện thiếu cán bộ làm công tác trẻ em ở xã.');
  await page.getByRole('button', { name: 'Lưu báo cáo tổng hợp' }).click();
  await expect(page.getByText('Đã lưu báo cáo tổng hợp lần 1')).toBeVisible();
  await expect(difficulties).toHaveValue('Một số huyện thiếu cán bộ làm công tác trẻ em ở xã.');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất Excel' }).click();
  const file = await download;
  const xlsxPath = await file.path();
  const wb = XLSX.read(fs.readFileSync(xlsxPath!), { type: 'buffer' });
  expect(wb.SheetNames.slice(0, 3)).toEqual(['Phụ lục', 'Nội dung', 'Theo đơn vị']);
  expect(XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Nội dung']!, { header: 1 }).flat()).toContain('Một số huyện thiếu cán bộ làm công tác trẻ em ở xã.');
  expect(wb.SheetNames).toContain('Huyện Sa Thầy');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Phụ lục']!, { header: 1 });
  const r12 = rows.find((r) => r[0] === '1.2')!;
  expect(r12[4]).toBe(60.5);
  expect(r12[5]).toBe('Đạt');

  // The official report as PDF.
  await page.getByRole('button', { name: 'Văn bản PDF…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Văn bản báo cáo (PDF)' });
  await dialog.getByLabel('Số', { exact: true }).fill('5');
  await dialog.getByLabel('Ngày ban hành').fill('05/12/2024');
  await dialog.getByLabel('Người ký', { exact: true }).fill('Nguyễn Văn An');
  await expect(dialog).toContainText('Số: 05/BC-SLĐTBXH');
  await expect(dialog).toContainText('Kon Tum, ngày 05 tháng 12 năm 2024');
  await screenshot(page, '16-van-ban-pdf');
  const pdfDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Tạo và tải PDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe('Bao cao - Tỉnh Kon Tum - Năm 2024.pdf');
  const pdfText = execFileSync('pdftotext', [(await pdf.path())!, '-'], { encoding: 'utf8' });
  expect(pdfText).toContain('Nguyễn Văn An');
  expect(pdfText).toContain('Số: 05/BC-SLĐTBXH');

  // Signed with the user's certificate, and opened in the system's viewer to look at and print.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-p12-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-keyout', 'k.pem', '-out', 'c.pem', '-days', '30', '-nodes', '-utf8', '-subj', '/CN=Nguyễn Văn An'], { cwd: dir, stdio: 'ignore' });
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', 'k.pem', '-in', 'c.pem', '-out', 'ky-so.p12', '-passout', 'pass:123456'], { cwd: dir, stdio: 'ignore' });
  await page.getByRole('button', { name: 'Văn bản PDF…' }).click();
  await dialog.getByTestId('sign-as').selectOption('signer');
  await dialog.getByRole('button', { name: 'Ký số và tải PDF' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Chưa chọn chứng thư số của người ký');
  await dialog.getByTestId('signer-sign-cert').setInputFiles(path.join(dir, 'ky-so.p12'));
  await dialog.getByLabel('Mật khẩu chứng thư số của người ký').fill('sai');
  await dialog.getByRole('button', { name: 'Ký số và tải PDF' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Mật khẩu của tệp chữ ký số không đúng.');
  await dialog.getByLabel('Mật khẩu chứng thư số của người ký').fill('123456');
  // A printed name that is not the certificate's is asked about first.
  await dialog.getByLabel('Người ký', { exact: true }).fill('Nguyễn Văn Anh');
  const signedDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Ký số và tải PDF' }).click();
  const ask = page.getByRole('dialog', { name: 'Tên người ký khác tên trong chứng thư số' });
  await expect(ask).toContainText('Tên in dưới chữ ký là Nguyễn Văn Anh, còn chứng thư số là của Nguyễn Văn An.');
  await ask.getByRole('button', { name: 'Dùng tên Nguyễn Văn An' }).click();
  const signed = await signedDownload;
  expect(execFileSync('pdftotext', [(await signed.path())!, '-'], { encoding: 'utf8' })).not.toContain('Nguyễn Văn Anh');
  expect(execFileSync('pdfsig', [(await signed.path())!], { encoding: 'utf8' })).toContain('Signature Validation: Signature is Valid.');
  await page.getByRole('button', { name: 'Văn bản PDF…' }).click();
  await dialog.getByRole('button', { name: 'Xem và in (mở bằng trình xem PDF)' }).click();
  await expect(page.getByText(/Đã mở Bao cao - Tỉnh Kon Tum - Năm 2024\.pdf để xem và in/)).toBeVisible();
});

test("while another period loads, the merge screen shows that it is loading, not the last period's figures", async ({ app: { page } }) => {
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  const select = page.getByLabel('Chọn kỳ tổng hợp');
  await select.selectOption({ label: 'Năm 2024 — Tỉnh Kon Tum' });
  await expect(page.locator('table[data-period="2"]')).toBeVisible();
  const other = (await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })))).find((o) => o.value && o.value !== '2')!;
  // The next merge answers slowly, as a national one does.
  let release!: () => void;
  const answered = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/merge-get', async (route) => {
    await answered;
    await route.continue();
  });
  await select.selectOption({ value: other.value });
  await expect(page.getByRole('status').filter({ hasText: `Đang tổng hợp số liệu kỳ ${other.label.split(' — ')[0]}` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Bảng tổng hợp' })).toHaveCount(0);
  await screenshot(page, '76-tong-hop-dang-tai');
  release();
  await expect(page.locator(`table[data-period="${other.value}"]`)).toBeVisible();
  await page.unroute('**/api/merge-get');
});
