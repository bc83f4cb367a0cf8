import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appendixWorkbook } from '../helpers/appendix-workbook';
import { crcTaskRows, workbookOf } from '../helpers/task-workbook';
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
  const preview = dialog.getByRole('table', { name: 'Xem trước bảng chỉ tiêu' });
  await expect(preview).toContainText('58,82');
  // What it inferred, and why; a guess it is not sure of is marked and can be corrected.
  await expect(preview).toContainText('dòng chỉ số bắt đầu bằng "Giảm" → càng thấp càng tốt');
  await expect(dialog.getByText(/\d+ chỉ số cần kiểm tra/)).toBeVisible();
  await expect(dialog.getByText('⚠ Máy đoán (hãy kiểm tra): năm 2026 vì tên kế hoạch không ghi năm; lấy theo các cột chỉ tiêu năm 2026.')).toBeVisible();
  await dialog.getByLabel('Hướng đánh giá của dòng 13').selectOption('at_least');
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
  await expect(page.getByRole('table', { name: 'Danh sách kế hoạch' }).locator('tbody tr')).toHaveCount(5); // the demo's plans only
});

test('import a task table, decide the agencies no unit matches, then edit the tasks', async ({ app: { page } }) => {
  await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-xlsx-')), 'Phụ lục nhiệm vụ 2025.xlsx');
  fs.writeFileSync(file, workbookOf(crcTaskRows([[2, 'Vận động phụ nữ tham gia phòng, chống bạo lực gia đình đối với trẻ em.', 'Hội Liên hiệp Phụ nữ tỉnh', 'Trạm Y tế; Công an tỉnh', 'Năm 2025', 'Báo cáo']])));
  await page.getByRole('button', { name: 'Nhập từ Excel…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập kế hoạch từ Excel' });
  await dialog.getByTestId('file-input').setInputFiles(file);
  await expect(dialog.getByText('tìm thấy 26 nhiệm vụ')).toBeVisible();
  const agencies = dialog.getByRole('table', { name: 'Các cơ quan trong tệp' });
  await expect(agencies).toContainText('"Bộ CHQS tỉnh" là viết tắt của Bộ Chỉ huy Quân sự tỉnh');
  await expect(dialog.getByText('Còn 2 cơ quan chưa khớp với đơn vị nào')).toBeVisible();
  const submit = dialog.getByRole('button', { name: 'Nhập 26 nhiệm vụ' });
  await expect(submit).toBeDisabled();
  await dialog.getByLabel('Đơn vị của "Hội Liên hiệp Phụ nữ tỉnh"').selectOption('create');
  await dialog.getByLabel('Đơn vị của "Trạm Y tế"').selectOption('keep');
  await expect(dialog.getByText('Còn 2 cơ quan chưa khớp với đơn vị nào')).toHaveCount(0);
  await screenshot(page, '09b-nhap-bang-nhiem-vu');
  await submit.click();

  const table = page.getByRole('table', { name: 'Bảng nhiệm vụ' });
  await expect(table.locator('tr[data-task-key="VII.2"]')).toContainText('Hội Liên hiệp Phụ nữ tỉnh');
  await expect(table.locator('tr[data-task-key="I.3"]')).toContainText('Bộ Chỉ huy Quân sự tỉnh');
  // Move the new task up, then edit it.
  await page.getByRole('button', { name: 'Chuyển nhiệm vụ VII.2 lên' }).click();
  await expect(table.locator('tr[data-task-key="VII.1"]')).toContainText('Vận động phụ nữ');
  await page.getByRole('button', { name: 'Sửa nhiệm vụ VII.1' }).click();
  const form = page.getByRole('dialog', { name: 'Sửa nhiệm vụ VII.1' });
  await form.getByLabel('Thời gian thực hiện').fill('Quý III/2025');
  await form.getByRole('button', { name: /Chọn mọi huyện/ }).click();
  await screenshot(page, '09c-sua-nhiem-vu');
  await form.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
  await expect(table.locator('tr[data-task-key="VII.1"]')).toContainText('Quý III/2025');
  await expect(table.locator('tr[data-task-key="VII.1"]')).toContainText('11 đơn vị phối hợp báo cáo');
  await screenshot(page, '09d-bang-nhiem-vu');
});
