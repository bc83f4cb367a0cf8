import { execFileSync } from 'node:child_process';
import { expect, screenshot, test } from './fixtures';

/** dd/mm/yyyy in Vietnam, `days` from now. */
const vnDate = (days: number) => {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
};

/**
 * Nhắc đơn vị on the demo's Quảng Ngãi 2026 annual report (communes due 30/11, departments
 * 05/12/2026): the banner, a message per unit, the reminder recorded, the công văn as PDF.
 * Today is the machine's date: the words about the deadline change with it, the rest does not.
 */
test('the home screen offers to remind late units: messages, a công văn đôn đốc, and who was reminded when', async ({ app: { page } }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  // The period due next is the one shown first.
  await expect(page.getByLabel('Chọn kỳ báo cáo')).toHaveValue(/\d+/);
  await expect(page.getByText('gửi về Tỉnh Quảng Ngãi')).toBeVisible();
  await expect(page.getByLabel('Chọn kỳ báo cáo').locator('option:checked')).toHaveText('Năm 2026 — Báo cáo năm');
  const banner = page.getByRole('status', { name: 'Nhắc đơn vị' });
  await expect(banner).toContainText('đơn vị chưa gửi báo cáo hoặc gửi tệp có lỗi');
  await screenshot(page, '74-nhac-don-vi-trang-chu');
  await banner.getByRole('button', { name: 'Nhắc đơn vị…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Nhắc đơn vị chậm báo cáo' });
  const rows = dialog.getByRole('table', { name: 'Đơn vị cần nhắc' }).locator('tbody tr');
  const count = await rows.count();
  expect(count).toBeGreaterThan(2);
  const first = rows.nth(0);
  const second = rows.nth(1);
  const firstName = (await first.getAttribute('data-unit'))!;
  const secondName = (await second.getAttribute('data-unit'))!;
  await expect(first).toContainText('Báo cáo gồm');
  await first.getByRole('button', { name: 'Xem nội dung' }).click();
  await expect(first.getByLabel('Nội dung gửi đơn vị')).toHaveValue(new RegExp(`^Kính gửi ${firstName},\\n\\nĐến ngày `));

  // Two units by message, then the same two by letter.
  await dialog.getByLabel('Chọn tất cả').uncheck();
  await dialog.getByLabel(`Chọn ${firstName}`).check();
  await dialog.getByLabel(`Chọn ${secondName}`).check();
  await dialog.getByRole('button', { name: 'Ghi nhận đã nhắc 2 đơn vị bằng tin nhắn' }).click();
  await expect(page.getByText('Đã ghi nhận nhắc 2 đơn vị bằng tin nhắn.')).toBeVisible();
  const history = dialog.getByRole('region', { name: 'Lịch sử nhắc' });
  await expect(history).toContainText(`tin nhắn`);
  await expect(history).toContainText(firstName);
  await expect(history).toContainText(secondName);

  const letter = dialog.getByRole('form', { name: 'Công văn đôn đốc' });
  await letter.getByLabel('Số công văn').fill('12');
  await letter.getByLabel('Hạn mới').fill(vnDate(5));
  await letter.getByLabel('Người ký', { exact: true }).fill('Trần Văn Bình');
  await screenshot(page, '75-nhac-don-vi');
  const download = page.waitForEvent('download');
  await letter.getByRole('button', { name: 'Tạo công văn đôn đốc (PDF)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Cong van don doc - Năm 2026.pdf');
  const text = execFileSync('pdftotext', [(await file.path())!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('V/v đôn đốc báo cáo năm 2026');
  expect(text).toContain(`Kính gửi: - ${firstName}; - ${secondName}.`);
  expect(text).toContain(`gửi báo cáo trước ngày ${vnDate(5)}`);
  expect(text).toContain('Trần Văn Bình');
  await expect(history).toContainText('công văn số 12');
  await page.keyboard.press('Escape');

  // The unit's row says it was reminded twice.
  await expect(page.locator(`tr[data-unit="${firstName}"]`)).toContainText('đã nhắc 2 lần');

  // The message was recorded by mistake: taken back from the history, the row says once.
  await page.getByRole('status', { name: 'Nhắc đơn vị' }).getByRole('button', { name: 'Nhắc đơn vị…' }).click();
  await dialog.getByRole('region', { name: 'Lịch sử nhắc' }).getByRole('button', { name: /^Bỏ ghi nhận/ }).last().click();
  await expect(page.getByText('Đã bỏ ghi nhận lần nhắc đó.')).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Lịch sử nhắc' }).locator('li')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.locator(`tr[data-unit="${firstName}"]`)).not.toContainText('2 lần');
  await expect(page.locator(`tr[data-unit="${firstName}"]`)).toContainText('đã nhắc');
});
