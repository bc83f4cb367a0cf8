import { expect, screenshot, test } from './fixtures';

test('a department reports on the tasks it leads: status, what was done, figures; the merge shows it under the task', async ({ app: { page } }) => {
  await page.getByLabel('Chọn kỳ báo cáo').selectOption({ label: '6 tháng đầu năm 2025 — Báo cáo 6 tháng' });
  await page.getByRole('link', { name: 'Nhập số liệu của Sở Tư pháp' }).click();
  await expect(page.getByRole('heading', { name: 'Nhập báo cáo: Sở Tư pháp' })).toBeVisible();
  await page.getByRole('tab', { name: /^Nhiệm vụ \(\d+\)$/ }).click();
  await page.getByLabel('Tình trạng nhiệm vụ I.2').selectOption({ label: 'Đã hoàn thành' });
  await page.getByLabel('Số hoạt động của nhiệm vụ I.2').fill('2');
  await page.getByLabel('Số người tham gia của nhiệm vụ I.2').fill('1.2a');
  await expect(page.getByText('Số người tham gia: "1.2a" phải là số nguyên không âm')).toBeVisible();
  await page.getByLabel('Số người tham gia của nhiệm vụ I.2').fill('1.200');
  await page.getByLabel('Kết quả thực hiện nhiệm vụ I.2').fill('Đã góp ý dự thảo sửa đổi Bộ luật Hình sự.');
  await expect(page.getByRole('status', { name: 'Trạng thái lưu' })).toContainText('Đã lưu lúc');
  await screenshot(page, '40-bao-cao-nhiem-vu');

  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await page.getByLabel('Chọn kỳ tổng hợp').selectOption({ label: '6 tháng đầu năm 2025 — Tỉnh Kon Tum' });
  await page.getByRole('tab', { name: 'Nội dung báo cáo' }).click();
  await expect(page.getByLabel('Số nhiệm vụ theo tình trạng')).toContainText('Đã hoàn thành: 1');
  await expect(page.getByLabel('Nhiệm vụ I.2')).toHaveValue('- Sở Tư pháp (chủ trì) [Đã hoàn thành]: Đã góp ý dự thảo sửa đổi Bộ luật Hình sự.');
  await screenshot(page, '41-tong-hop-nhiem-vu');
});
