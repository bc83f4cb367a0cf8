import { expect, screenshot, test } from './fixtures';

test('a value history on Alt+L; an approved report and a submitted period are locked until unlocked with a reason', async ({ app: { page } }) => {
  const nav = page.getByRole('navigation', { name: 'Chức năng chính' });
  await nav.getByRole('link', { name: 'Cài đặt' }).click();
  await page.getByLabel('Tên người dùng').fill('Nguyễn Thị Lan');
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/settings-set'));
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await saved;

  // Type a value twice, then look at its history.
  await nav.getByRole('link', { name: 'Kỳ báo cáo' }).click();
  await page.getByLabel('Chọn kỳ báo cáo').selectOption({ label: 'Năm 2024 — Báo cáo năm' });
  await page.getByRole('link', { name: 'Nhập số liệu của Huyện Sa Thầy' }).click();
  const grid = page.getByRole('grid', { name: 'Bảng nhập số liệu' });
  const g1 = grid.locator('[data-cell="G1"]');
  const state = page.getByRole('status', { name: 'Trạng thái lưu' });
  await g1.click();
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await expect(state).toContainText('Đã lưu lúc');
  await g1.click();
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  await expect(state).toContainText('Đã lưu lúc');
  await expect(g1).toHaveText('9');
  await g1.click();
  await page.keyboard.press('Alt+L');
  const history = page.getByRole('dialog', { name: 'Lịch sử số liệu chỉ tiêu 1.1' });
  const rows = history.getByRole('table', { name: 'Lịch sử số liệu' }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Nguyễn Thị Lan');
  await expect(rows.nth(0)).toContainText('Nhập/sửa trong TongHop');
  await expect(rows.nth(0).locator('td').nth(5)).toHaveText('7');
  await expect(rows.nth(1).locator('td').nth(5)).toHaveText('9');
  await screenshot(page, '23-lich-su-so-lieu');
  await page.keyboard.press('Escape');

  // Approve: the report is locked.
  await nav.getByRole('link', { name: 'Kỳ báo cáo' }).click();
  await page.getByLabel('Chọn kỳ báo cáo').selectOption({ label: 'Năm 2024 — Báo cáo năm' });
  await page.getByRole('button', { name: 'Duyệt báo cáo của Huyện Sa Thầy' }).click();
  const row = page.locator('tr[data-unit="Huyện Sa Thầy"]');
  await expect(row).toContainText('Đã duyệt');
  await expect(row.getByRole('button', { name: 'Mở khoá báo cáo của Huyện Sa Thầy' })).toBeVisible();
  await page.getByRole('link', { name: 'Nhập số liệu của Huyện Sa Thầy' }).click();
  const banner = page.getByRole('note');
  await expect(banner).toContainText(/Báo cáo của Huyện Sa Thầy đã được duyệt ngày \d\d\/\d\d\/\d{4} \(Nguyễn Thị Lan\) nên đang khoá\. Chỉ xem, không sửa được\./);
  await g1.click();
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(g1).toHaveText('9');
  await screenshot(page, '24-bao-cao-da-khoa');

  // Unlock: a reason is required, then typing works again.
  await banner.getByRole('button', { name: 'Mở khoá…' }).click();
  const unlock = page.getByRole('dialog', { name: 'Mở khoá báo cáo đã duyệt' });
  await unlock.getByLabel('Lý do mở khoá').fill('sai');
  await unlock.getByRole('button', { name: 'Mở khoá' }).click();
  await expect(unlock.getByRole('alert')).toContainText('Hãy ghi lý do mở khoá (ít nhất 5 ký tự)');
  await unlock.getByLabel('Lý do mở khoá').fill('Huyện gửi lại số liệu khai sinh');
  await unlock.getByRole('button', { name: 'Mở khoá' }).click();
  await expect(page.getByRole('note')).toHaveCount(0);
  await g1.click();
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(g1).toHaveText('5');
  await expect(state).toContainText('Đã lưu lúc');

  // Submit the period from the merge view: everything is locked, the home screen says so.
  await nav.getByRole('link', { name: 'Tổng hợp' }).click();
  await page.getByLabel('Chọn kỳ tổng hợp').selectOption({ label: 'Năm 2024 — Tỉnh Kon Tum' });
  await page.getByRole('button', { name: 'Đánh dấu đã nộp…' }).click();
  await page.getByRole('dialog', { name: 'Đánh dấu đã nộp' }).getByRole('button', { name: 'Đã nộp, khoá số liệu' }).click();
  await expect(page.getByRole('note')).toContainText(/Kỳ này đã nộp lên cấp trên ngày \d\d\/\d\d\/\d{4} \(Nguyễn Thị Lan\)/);
  await expect(page.getByRole('button', { name: 'Lưu báo cáo tổng hợp' })).toBeDisabled();
  await screenshot(page, '25-ky-da-nop');
  await nav.getByRole('link', { name: 'Kỳ báo cáo' }).click();
  await page.getByLabel('Chọn kỳ báo cáo').selectOption({ label: 'Năm 2024 — Báo cáo năm' });
  await expect(page.getByRole('note')).toContainText('Số liệu đang khoá: không nhận tệp mới, không sửa số.');
  await expect(page.getByRole('button', { name: /^Duyệt báo cáo/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Mở khoá kỳ…' }).click();
  const unlockPeriod = page.getByRole('dialog', { name: 'Mở khoá kỳ báo cáo' });
  await unlockPeriod.getByLabel('Lý do mở khoá').fill('Tỉnh yêu cầu bổ sung số liệu');
  await unlockPeriod.getByRole('button', { name: 'Mở khoá' }).click();
  await expect(page.getByRole('note')).toHaveCount(0);
});
