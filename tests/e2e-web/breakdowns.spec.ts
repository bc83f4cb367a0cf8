import path from 'node:path';
import { ROOT, expect, screenshot, test } from './fixtures';

test('define a category, break a measure down, type its parts, see them merged, and link it to the ministry catalogue', async ({ app: { page } }) => {
  // Danh mục › Nhóm phân tổ: the demo's categories, and a new one typed with the keyboard.
  await page.getByRole('link', { name: 'Danh mục' }).click();
  await expect(page.getByRole('heading', { name: 'Danh mục dùng chung' })).toBeVisible();
  const categories = page.getByRole('table', { name: 'Các nhóm phân tổ' });
  await expect(categories.locator('tr[data-category="NHOM-TUOI"]')).toContainText('mẫu');
  await expect(categories.locator('tr[data-category="GIOI-TINH"]')).toContainText('Nam');
  await page.getByRole('button', { name: '+ Thêm nhóm phân tổ' }).click();
  const form = page.getByRole('dialog', { name: 'Thêm nhóm phân tổ' });
  await form.getByLabel('Tên nhóm').fill('Môi trường xâm hại');
  await expect(form.getByLabel('Mã nhóm')).toHaveValue('MOI-TRUONG-XAM-HAI');
  await form.getByLabel('Tên giá trị 1').fill('Gia đình');
  await form.getByLabel('Tên giá trị 2').fill('Trường học');
  await form.getByLabel('Tên giá trị 2').press('Enter');
  await form.getByLabel('Tên giá trị 3').fill('Ngoài xã hội');
  await expect(form.getByLabel('Mã giá trị 3')).toHaveValue('NGOAI-XA-HOI');
  await screenshot(page, '30-nhom-phan-to-moi');
  await form.getByRole('button', { name: 'Thêm nhóm phân tổ' }).click();
  await expect(page.getByText('Đã lưu nhóm phân tổ "Môi trường xâm hại" (3 giá trị).')).toBeVisible();
  await expect(categories.locator('tr[data-category="MOI-TRUONG-XAM-HAI"]')).toContainText('Trường học');
  await screenshot(page, '31-danh-muc-phan-to');

  // Bộ chỉ tiêu thống kê: the demo's sample, and the shipped file imported after a preview.
  await page.getByRole('tab', { name: 'Bộ chỉ tiêu thống kê' }).click();
  await expect(page.getByText('MẪU — không phải danh mục chính thức')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Chỉ tiêu của TT13-MAU' })).toContainText('Số trẻ em bị xâm hại');
  await page.getByRole('button', { name: 'Nhập bộ chỉ tiêu từ Excel…' }).click();
  const importer = page.getByRole('dialog', { name: 'Nhập bộ chỉ tiêu thống kê từ Excel' });
  await importer.getByTestId('file-input').setInputFiles(path.join(ROOT, 'resources/catalogues/tt13-2021-mau.xlsx'));
  await expect(importer.getByText('tt13-2021-mau.xlsx: 15 chỉ tiêu.')).toBeVisible();
  await expect(importer.getByText(/Trang Phụ lục IV → Phụ lục IV, dòng tiêu đề 6/)).toBeVisible();
  await expect(importer.getByLabel(/Đây là bộ/)).toBeChecked();
  await importer.getByLabel('Tên viết tắt').fill('TT13');
  await screenshot(page, '32-nhap-bo-chi-tieu');
  await importer.getByRole('button', { name: 'Nhập 15 chỉ tiêu' }).click();
  await expect(page.getByText('Đã nhập 15 chỉ tiêu vào "TT13".')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Chỉ tiêu của TT13' })).toContainText('0605');
  await screenshot(page, '33-bo-chi-tieu-thong-ke');

  // The sample 2026 plan: measure 9 is broken down (sample); link it to 0101 of Phụ lục IV.
  await page.getByRole('link', { name: 'Kế hoạch' }).click();
  await page.getByRole('link', { name: /Quảng Ngãi năm 2026/ }).click();
  const row9 = page.locator('tr[data-measure-code="9"]');
  await expect(row9).toContainText('phân tổ: Giới tính × Nhóm tuổi (6 nhóm)');
  await row9.getByRole('button', { name: 'Sửa chỉ số 9' }).click();
  const measure = page.getByRole('dialog', { name: 'Sửa chỉ số 9' });
  await expect(measure.getByLabel('Nhóm thứ nhất').locator('option:checked')).toHaveText('Giới tính');
  await expect(measure.getByLabel('Nhóm thứ hai').locator('option:checked')).toHaveText('Nhóm tuổi (mẫu)');
  await expect(measure.getByText(/Mỗi đơn vị nhập 6 nhóm/)).toBeVisible();
  await measure.getByLabel('Chỉ tiêu thống kê (bộ chỉ tiêu của Bộ)').selectOption({ label: 'TT13 · PL IV · 0101 — Số trẻ em bị xâm hại' });
  await screenshot(page, '34-chi-so-phan-to');
  await measure.getByRole('button', { name: 'Lưu chỉ số' }).click();
  await expect(row9).toContainText('TT13 · PL IV · 0101');

  // The lead (Công an tỉnh) types its parts: the total adds up and cannot be typed over.
  await page.getByRole('link', { name: 'Kỳ báo cáo' }).click();
  await page.getByLabel('Chọn kỳ báo cáo').selectOption({ label: '6 tháng đầu năm 2026 — Báo cáo 6 tháng' });
  await page.getByRole('link', { name: 'Nhập số liệu của Công an tỉnh' }).click();
  const grid = page.getByRole('grid', { name: 'Bảng nhập số liệu' });
  const row = (name: string) => grid.getByRole('row').filter({ hasText: name });
  const total = grid.getByRole('row').filter({ hasText: 'Giảm tỷ lệ trẻ em bị xâm hại trên tổng số trẻ em (Tổng số)' });
  await expect(total).toContainText('▾ 9');
  const firstPart = row('– Nam · Dưới 6 tuổi');
  await firstPart.getByRole('gridcell').nth(4).click();
  await page.keyboard.type('2');
  await page.keyboard.press('Tab');
  await page.keyboard.type('10.000');
  await page.keyboard.press('Enter');
  await row('– Nữ · Từ 11 đến dưới 16 tuổi').getByRole('gridcell').nth(4).click();
  await page.keyboard.type('3');
  await page.keyboard.press('Tab');
  await page.keyboard.type('9000');
  await page.keyboard.press('Enter');
  // Results show at least two decimals, more when the measure's own are more (this one: three).
  await expect(firstPart.getByRole('gridcell').nth(6)).toHaveText('0,020');
  await expect(total.getByRole('gridcell').nth(4)).toHaveText('5');
  await expect(total.getByRole('gridcell').nth(5)).toHaveText('19.000');
  await expect(total.getByRole('gridcell').nth(6)).toHaveText('0,026');
  await expect(total.getByRole('gridcell').nth(4)).toHaveAttribute('aria-readonly', 'true');
  await expect(page.getByRole('status', { name: 'Trạng thái lưu' })).toContainText('Đã lưu lúc');
  await screenshot(page, '35-nhap-phan-to');
  // Alt+← closes the measure to its total; Alt+→ opens it.
  await total.getByRole('gridcell').nth(1).click();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(row('– Nam · Dưới 6 tuổi')).toHaveCount(0);
  await expect(total).toContainText('▸ 9');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(row('– Nam · Dưới 6 tuổi')).toHaveCount(1);
  // A part's own history.
  await row('– Nam · Dưới 6 tuổi').getByRole('gridcell').nth(4).click();
  await page.keyboard.press('Alt+L');
  const history = page.getByRole('dialog', { name: 'Lịch sử số liệu chỉ tiêu 9 — Nam · Dưới 6 tuổi' });
  await expect(history).toContainText('Nhập/sửa trong TongHop');
  await history.getByRole('button', { name: 'Đóng' }).click();

  // The merge view: the parts under the total, and each unit's parts in the drill-down.
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await page.getByLabel('Chọn kỳ tổng hợp').selectOption({ label: '6 tháng đầu năm 2026 — Tỉnh Quảng Ngãi' });
  const merged = page.locator('tr[data-measure-code="9"]');
  await expect(merged).toContainText('TT13 · PL IV · 0101');
  await merged.getByRole('button', { name: /Phân tổ theo Giới tính × Nhóm tuổi \(6 nhóm\)/ }).click();
  await expect(page.locator('tr[data-part="9/NAM/DUOI-6"]')).toContainText('0,02');
  await expect(page.locator('tr[data-part="9/NU/11-16"]')).toContainText('0,03');
  await screenshot(page, '36-tong-hop-phan-to');
  await merged.getByRole('button', { name: 'Chi tiết tổng hợp chỉ tiêu 9' }).click();
  const drill = page.getByRole('dialog', { name: 'Chỉ tiêu 9: cách tính tổng hợp' });
  await expect(drill.getByRole('heading', { name: 'Phân tổ theo Giới tính × Nhóm tuổi' })).toBeVisible();
  await expect(drill.getByRole('table', { name: 'Phân tổ theo đơn vị' })).toContainText('Công an tỉnh');
  await screenshot(page, '37-chi-tiet-phan-to');
  await drill.getByRole('button', { name: 'Đóng' }).click();

  // Exported in the catalogue's layout.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất theo TT13' }).click();
  expect((await download).suggestedFilename()).toBe('TT13 - Tỉnh Quảng Ngãi - 6 tháng đầu năm 2026.xlsx');
});
