/** Settings › "Kiểm tra nhật ký" says whether the audit trail is whole (1366×768). */
import { expect, screenshot, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

test('the audit trail is checked from Settings after a change of the user name, and is whole', async ({ app: { page } }) => {
  await page.getByRole('link', { name: 'Cài đặt' }).click();
  await page.getByLabel('Tên người dùng').fill('Nguyễn Thị Lan');
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByText('Đã lưu cài đặt.')).toBeVisible();
  await page.getByRole('button', { name: 'Kiểm tra nhật ký' }).click();
  const verdict = page.getByRole('status').filter({ hasText: 'Nhật ký thay đổi' });
  await expect(verdict).toHaveText(/^Nhật ký thay đổi nguyên vẹn: [\d.]+ dòng, chuỗi mã kiểm tra khớp từ đầu đến cuối\.$/);
  await verdict.scrollIntoViewIfNeeded();
  await screenshot(page, '45-kiem-tra-nhat-ky');
});
