/**
 * Kiểm tra chữ ký số at 1366×768: a signed report's signature listed with who, role, time and
 * verdict; the organisation's signature added after it, both valid; a changed file named so.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, screenshot, test } from './fixtures';
import { sealPng, signaturePng } from '../helpers/png';

test.use({ viewport: { width: 1366, height: 768 } });

function p12(dir: string, name: string, subject: string, password: string): string {
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run(['req', '-x509', '-newkey', 'rsa:2048', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '30', '-nodes', '-utf8', '-subj', subject]);
  run(['pkcs12', '-export', '-inkey', `${name}.key`, '-in', `${name}.crt`, '-out', `${name}.p12`, '-passout', `pass:${password}`]);
  return path.join(dir, `${name}.p12`);
}

test('lists a signed report\'s signatures and adds the organisation\'s, keeping the first valid', async ({ app: { page, url } }) => {
  test.skip(!fs.existsSync('/usr/bin/openssl'), 'openssl missing (apt-get install openssl, done by .ci/run)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-ky-'));
  const signer = p12(dir, 'signer', '/CN=Nguyễn Thị Hằng/O=Sở Y tế tỉnh Quảng Ngãi', 'mk1');
  const org = p12(dir, 'org', '/CN=Sở Y tế tỉnh Quảng Ngãi/O=Sở Y tế tỉnh Quảng Ngãi', 'mk2');
  const doc = (await (await page.request.post(`${url}api/document-settings-get`, { data: { periodId: 2 } })).json()).result;
  const made = (await (await page.request.post(`${url}api/merge-pdf`, { data: { periodId: 2, document: { ...doc, signerName: 'Nguyễn Thị Hằng' }, sign: { signer: { p12Base64: fs.readFileSync(signer).toString('base64'), password: 'mk1' } } } })).json()).result;
  const pdf = path.join(dir, 'Bao cao da ky.pdf');
  fs.writeFileSync(pdf, Buffer.from(made.dataBase64, 'base64'));

  await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: 'Chữ ký số' }).click();
  await expect(page.getByRole('heading', { name: 'Kiểm tra chữ ký số', level: 1 })).toBeVisible();
  await page.getByTestId('file-input').setInputFiles(pdf);
  const rows = page.getByTestId('signature-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Người ký');
  await expect(rows.first()).toContainText('Nguyễn Thị Hằng');
  await expect(rows.first()).toContainText('Hợp lệ — bao trùm toàn bộ tệp.');

  await page.getByTestId('sign-role').selectOption('organisation');
  await page.getByTestId('sign-cert').setInputFiles(org);
  await page.getByTestId('sign-password').fill('mk2');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ký và tải về' }).click();
  const saved = path.join(dir, 'hai-chu-ky.pdf');
  await (await download).saveAs(saved);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Hợp lệ — phần thêm sau đó là các chữ ký tiếp theo.');
  await expect(rows.nth(1)).toContainText('Cơ quan');
  await expect(rows.nth(1)).toContainText('Hợp lệ — bao trùm toàn bộ tệp.');
  await expect(page.getByText(/^Đã ký \(cơ quan\) bởi Sở Y tế tỉnh Quảng Ngãi/)).toBeVisible();
  await screenshot(page, '60-kiem-tra-chu-ky');
  if (fs.existsSync('/usr/bin/pdfsig')) expect(execFileSync('pdfsig', [saved], { encoding: 'utf8' }).match(/Signature is Valid\./g)?.length).toBe(2);

  // A USB token: the library is named, read, and a wrong one is said so.
  await page.getByTestId('sign-source').selectOption('token');
  await page.getByTestId('token-library').fill('/khong/co/vnpt-ca_v34.dll');
  await page.getByRole('button', { name: 'Đọc thiết bị' }).click();
  await expect(page.getByText('Không tìm thấy thư viện của thiết bị ký số "/khong/co/vnpt-ca_v34.dll". Hãy chọn tệp .dll do nhà cung cấp chứng thư số cài trên máy.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ký và tải về' })).toBeDisabled();
  await screenshot(page, '61-ky-bang-usb-token');

  // A file changed after signing.
  const changed = path.join(dir, 'Bao cao bi sua.pdf');
  fs.writeFileSync(changed, Buffer.concat([fs.readFileSync(pdf), Buffer.from('\n% sửa\n')]));
  await page.getByRole('button', { name: 'Chọn tệp PDF…' }).waitFor();
  await page.getByTestId('file-input').setInputFiles(changed);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Tệp có phần được thêm hoặc sửa sau chữ ký này');
});

test('signs the report from the PDF dialog as the signer and then the organisation, with the signature and seal images', async ({ app: { page } }) => {
  test.skip(!fs.existsSync('/usr/bin/openssl'), 'openssl missing (apt-get install openssl, done by .ci/run)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-ky2-'));
  const signer = p12(dir, 'signer', '/CN=Nguyễn Văn An/O=Sở Lao động - Thương binh và Xã hội', 'mk1');
  const org = p12(dir, 'org', '/CN=Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum/O=UBND tỉnh Kon Tum', 'mk2');
  fs.writeFileSync(path.join(dir, 'chu-ky.png'), signaturePng());
  fs.writeFileSync(path.join(dir, 'con-dau.png'), sealPng());
  fs.writeFileSync(path.join(dir, 'anh.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));

  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await page.getByLabel('Chọn kỳ tổng hợp').selectOption({ label: 'Năm 2024 — Tỉnh Kon Tum' });
  await page.getByRole('button', { name: 'Văn bản PDF…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Văn bản báo cáo (PDF)' });
  await dialog.getByLabel('Người ký', { exact: true }).fill('Nguyễn Văn An');
  // A picture that is not a PNG is refused where it was chosen.
  await dialog.getByTestId('signature-image').setInputFiles(path.join(dir, 'anh.jpg'));
  await expect(dialog.getByText('anh.jpg: không phải ảnh PNG. Hãy dùng ảnh .png nền trong suốt.')).toBeVisible();
  await dialog.getByTestId('signature-image').setInputFiles(path.join(dir, 'chu-ky.png'));
  await dialog.getByTestId('seal-image').setInputFiles(path.join(dir, 'con-dau.png'));
  await expect(dialog.getByRole('img', { name: 'Ảnh chữ ký của người ký' })).toBeVisible();
  await expect(dialog.getByRole('img', { name: 'Ảnh con dấu của cơ quan' })).toBeVisible();
  await dialog.getByTestId('sign-as').selectOption('both');
  await dialog.getByTestId('signer-sign-cert').setInputFiles(signer);
  await dialog.getByLabel('Mật khẩu chứng thư số của người ký').fill('mk1');
  await dialog.getByTestId('org-sign-cert').setInputFiles(org);
  await dialog.getByLabel('Mật khẩu chứng thư số của cơ quan').fill('mk2');
  await dialog.getByRole('heading', { name: 'Cơ quan ban hành' }).scrollIntoViewIfNeeded();
  await screenshot(page, '62-ky-hai-chu-ky');
  await dialog.getByText('Ảnh chữ ký và con dấu (lưu lại cho các lần sau)').scrollIntoViewIfNeeded();
  await screenshot(page, '63-anh-chu-ky-con-dau');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Ký số và tải PDF' }).click();
  const saved = path.join(dir, 'bao-cao-hai-chu-ky.pdf');
  await (await download).saveAs(saved);
  await expect(page.getByText(/ký số bởi Nguyễn Văn An, Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum/)).toBeVisible();
  if (fs.existsSync('/usr/bin/pdfsig')) {
    const out = execFileSync('pdfsig', [saved], { encoding: 'utf8' });
    expect(out.match(/Signature is Valid\./g)?.length).toBe(2);
    expect(out.indexOf('Common Name: Nguyễn Văn An')).toBeLessThan(out.indexOf('Common Name: Sở Lao động'));
  }
  // The images are kept for the next report.
  await page.getByRole('button', { name: 'Văn bản PDF…' }).click();
  await expect(dialog.getByRole('img', { name: 'Ảnh con dấu của cơ quan' })).toBeVisible();
  await expect(dialog.getByTestId('sign-as')).toHaveValue('none');
});

test("keeps a unit's signed PDF with its received files, its signature checked", async ({ app: { page, url } }) => {
  test.skip(!fs.existsSync('/usr/bin/openssl'), 'openssl missing (apt-get install openssl, done by .ci/run)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-ky3-'));
  const signer = p12(dir, 'huyen', '/CN=Trần Văn Bình/O=UBND huyện Sa Thầy', 'mk');
  const doc = (await (await page.request.post(`${url}api/document-settings-get`, { data: { periodId: 2 } })).json()).result;
  const made = (await (await page.request.post(`${url}api/merge-pdf`, { data: { periodId: 2, document: doc, sign: { signer: { p12Base64: fs.readFileSync(signer).toString('base64'), password: 'mk' } } } })).json()).result;
  const pdf = path.join(dir, 'Bao cao huyen Sa Thay (da ky).pdf');
  fs.writeFileSync(pdf, Buffer.from(made.dataBase64, 'base64'));

  await page.getByLabel('Chọn kỳ báo cáo').selectOption({ label: 'Năm 2024 — Báo cáo năm' });
  const row = page.locator('tr[data-unit="Huyện Sa Thầy"]');
  await row.getByRole('button', { name: 'Tệp đã nhận của Huyện Sa Thầy' }).click();
  const dialog = page.getByRole('dialog', { name: 'Báo cáo của Huyện Sa Thầy' });
  await expect(dialog).toContainText('Chưa có văn bản PDF nào của đơn vị cho kỳ này.');
  await dialog.getByTestId('received-pdf-file').setInputFiles(pdf);
  const table = dialog.getByRole('table', { name: 'Văn bản PDF của Huyện Sa Thầy' });
  await expect(table).toContainText('Bao cao huyen Sa Thay (da ky).pdf');
  await expect(table).toContainText('Người ký: Trần Văn Bình');
  await expect(table).toContainText('Hợp lệ — bao trùm toàn bộ tệp.');
  await screenshot(page, '64-tep-da-nhan-pdf');
});
