import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appendixWorkbook } from '../helpers/appendix-workbook';
import { expect, screenshot, test } from './fixtures';

test('import a plan from an .xlsx built in the test', async ({ app: { page } }) => {
  await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-xlsx-')), 'Phụ lục chỉ tiêu 2026.xlsx');
  fs.writeFileSync(file, appendixWorkbook());

  await page.getByRole('button', { name: 'Nhập từ Excel…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập kế hoạch từ Excel' });
  await dialog.getByTestId('file-input').setInputFiles(file);
  await expect(dialog.getByText('tìm thấy 2 mục tiêu, 6 chỉ tiêu, 8 chỉ số')).toBeVisible();
  await expect(dialog.getByText('Dòng 16: không hiểu dòng này')).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'Xem trước bảng chỉ tiêu' })).toContainText('58,82');
  await dialog.getByLabel('Số kế hoạch').fill('15/KH-UBND');
  await screenshot(page, '09-nhap-excel');
  await dialog.getByRole('button', { name: 'Nhập 8 chỉ số' }).click();

  await expect(page.getByRole('heading', { name: /PHÂN CÔNG THỰC HIỆN/ })).toBeVisible();
  const table = page.getByRole('table', { name: 'Bảng mục tiêu, chỉ tiêu' });
  await expect(table.locator('tr.row-indicator')).toHaveCount(6);
  await expect(table.locator('tr[data-measure-code="1.2"]')).toContainText('58,82');
  await expect(table.locator('tr[data-measure-code="3"]')).toContainText('512/100.000');
  await expect(table.locator('tr[data-measure-code="3"]')).toContainText('Công an tỉnh');
});

test('a broken file gets a clear message and nothing is imported', async ({ app: { page } }) => {
  await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-xlsx-')), 'hong.xlsx');
  fs.writeFileSync(file, appendixWorkbook().subarray(0, 700));
  await page.getByRole('button', { name: 'Nhập từ Excel…' }).click();
  await page.getByTestId('file-input').setInputFiles(file);
  await expect(page.getByRole('alert')).toContainText('hong.xlsx: tệp bị hỏng (thiếu phần cuối');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('table', { name: 'Danh sách kế hoạch' }).locator('tbody tr')).toHaveCount(4); // the demo's plans only
});
