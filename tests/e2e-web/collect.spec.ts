import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fillTemplate } from '../helpers/fill-template';
import { expect, screenshot, test } from './fixtures';

test('the home screen shows late units as late, takes a filled file and asks before replacing it', async ({ app: { page } }) => {
  await expect(page.getByRole('heading', { name: 'Kỳ báo cáo', level: 1 })).toBeVisible();
  await page.getByLabel('Chọn kỳ báo cáo').selectOption({ label: 'Năm 2024 — Báo cáo năm' });
  await expect(page.getByText('05/12/2024').first()).toBeVisible();
  await expect(page.getByText(/đã quá hạn \d+ ngày/)).toBeVisible();
  const row = page.locator('tr[data-unit="Huyện Sa Thầy"]');
  await expect(row).toContainText('Chưa nhận');
  await expect(row).toContainText('Trễ hạn');
  await screenshot(page, '11-ky-bao-cao');

  // Download the unit's template, fill it as a person would, and hand it back.
  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Tải biểu mẫu của Huyện Sa Thầy' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Huyện Sa Thầy - Năm 2024.xlsx');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-collect-'));
  const original = path.join(dir, 'original.xlsx');
  await file.saveAs(original);
  const filled = path.join(dir, 'Huyện Sa Thầy - Năm 2024.xlsx');
  fs.writeFileSync(filled, fillTemplate(fs.readFileSync(original), { '1.1': { G: 4 }, '1.2': { E: '4', F: '7' } }));

  await page.getByTestId('report-files').setInputFiles(filled);
  const results = page.getByRole('region', { name: 'Kết quả nhận tệp' });
  await expect(results).toContainText('Huyện Sa Thầy - Năm 2024.xlsx — Đã nhận (Huyện Sa Thầy, lần 1)');
  await expect(row).toContainText('Hợp lệ');
  await expect(row).toContainText('Trễ hạn'); // received after 05/12/2024

  // The same file again: TongHop asks, then keeps the first as an earlier revision.
  await page.getByTestId('report-files').setInputFiles(filled);
  await expect(results).toContainText('Đơn vị đã có báo cáo — thay thế?');
  await page.getByRole('button', { name: 'Thay thế bằng tệp này' }).click();
  await expect(results).toContainText('lần 2');
  await expect(row).toContainText('lần 2');

  // A file with a bad value is refused with the cell named, and the unit shows "Có lỗi".
  const bad = path.join(dir, 'Huyện Kon Rẫy - Năm 2024.xlsx');
  const konRay = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải biểu mẫu của Huyện Kon Rẫy' }).click();
  await (await konRay).saveAs(path.join(dir, 'kr.xlsx'));
  fs.writeFileSync(bad, fillTemplate(fs.readFileSync(path.join(dir, 'kr.xlsx')), { '1.2': { E: '12,5a', F: '10' } }));
  await page.getByTestId('report-files').setInputFiles(bad);
  await expect(results).toContainText('Không nhận (có lỗi)');
  await expect(results).toContainText(/Huyện Kon Rẫy - Năm 2024\.xlsx › Chỉ tiêu › E\d+: "12,5a" không phải là số/);
  await expect(page.locator('tr[data-unit="Huyện Kon Rẫy"]')).toContainText('Có lỗi');
  await screenshot(page, '12-nhan-bao-cao');

  // The compiler approves a checked report.
  await page.getByRole('button', { name: 'Duyệt báo cáo của Huyện Sa Thầy' }).click();
  await expect(row).toContainText('Đã duyệt');

  // A whole folder at once (other files in it are ignored).
  const folder = path.join(dir, 'thu-muc');
  fs.mkdirSync(folder);
  for (const unit of ['Huyện Đắk Tô', 'Huyện Ngọc Hồi']) {
    const d = page.waitForEvent('download');
    await page.getByRole('button', { name: `Tải biểu mẫu của ${unit}` }).click();
    const tmp = path.join(dir, `${unit}.tmp.xlsx`);
    await (await d).saveAs(tmp);
    fs.writeFileSync(path.join(folder, `${unit}.xlsx`), fillTemplate(fs.readFileSync(tmp), { '1.1': { G: 1 } }));
  }
  fs.writeFileSync(path.join(folder, 'ghi chu.txt'), 'không phải báo cáo');
  await page.getByTestId('report-folder').setInputFiles(folder);
  await expect(results).toContainText('Huyện Đắk Tô.xlsx — Đã nhận');
  await expect(results).toContainText('Huyện Ngọc Hồi.xlsx — Đã nhận');
  await expect(results).not.toContainText('ghi chu.txt');
  await expect(page.locator('tr[data-unit="Huyện Đắk Tô"]')).toContainText('Hợp lệ');
});

test('a new period gets the default deadlines of the plans', async ({ app: { page } }) => {
  await page.getByRole('button', { name: 'Lập kỳ báo cáo' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Lập kỳ báo cáo' });
  await dialog.getByLabel('Năm', { exact: true }).fill('2026');
  await expect(dialog.getByLabel('Huyện, thành phố → tỉnh')).toHaveValue('05/06/2026');
  await dialog.getByLabel('Loại kỳ').selectOption('annual');
  await expect(dialog.getByLabel('Tên kỳ')).toHaveValue('Năm 2026');
  await expect(dialog.getByLabel('Huyện, thành phố → tỉnh')).toHaveValue('05/12/2026');
  await expect(dialog.getByLabel('Xã, phường, thị trấn → huyện')).toHaveValue('30/11/2026');
  // The CRC task plan is reported in the same report: one form per unit covers both.
  await dialog.getByRole('group', { name: 'Kế hoạch gộp cùng báo cáo' }).getByRole('checkbox', { name: /Quyết định số 27\/QĐ-TTg/ }).check();
  await screenshot(page, '05b-lap-ky-gop-ke-hoach');
  await dialog.getByRole('button', { name: 'Lập kỳ báo cáo' }).click();
  // The demo already has this period (same plan, kind, year and compiling unit): TongHop asks once more.
  await expect(dialog.getByRole('alert')).toContainText('Đã có kỳ "Năm 2026" cùng kế hoạch, cùng loại kỳ, cùng năm và cùng đơn vị tổng hợp');
  await dialog.getByRole('button', { name: 'Lập kỳ báo cáo' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Chọn kỳ báo cáo')).toHaveValue(/\d+/);
  // The demo already has an annual 2026 period (Quảng Ngãi's); the new one is shown and listed beside it.
  // Two periods of the same name: each label adds the compiling unit and the plan, so they differ.
  const checked = page.getByLabel('Chọn kỳ báo cáo').locator('option:checked');
  await expect(checked).toContainText('Năm 2026 — Báo cáo năm — ');
  const namesakes = page.getByLabel('Chọn kỳ báo cáo').locator('option', { hasText: 'Năm 2026 — Báo cáo năm' });
  await expect(namesakes).toHaveCount(2);
  const labels = await namesakes.allInnerTexts();
  expect(new Set(labels).size).toBe(2);
  expect(labels.every((l) => l.length <= 110)).toBe(true);
  await expect(page.getByText(/Chương trình hành động quốc gia vì trẻ em .* \+ Kế hoạch triển khai thực hiện Quyết định số 27\/QĐ-TTg/)).toBeVisible();
});
