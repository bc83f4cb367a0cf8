import { expect, screenshot, test } from './fixtures';

test('rename a unit from a date and see the old name in its history', async ({ app: { page } }) => {
  await page.getByRole('link', { name: 'Đơn vị' }).click();
  await page.getByRole('button', { name: /Sở Lao động - Thương binh và Xã hội/ }).click();
  await page.getByRole('button', { name: 'Đổi tên…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Đổi tên đơn vị' });
  await dialog.getByLabel('Tên mới').fill('Sở Y tế (nhận nhiệm vụ trẻ em)');
  await dialog.getByLabel('Ngày hiệu lực').fill('01/03/2025');
  await dialog.getByLabel('Căn cứ / ghi chú').fill('Sắp xếp tổ chức bộ máy');
  await dialog.getByRole('button', { name: 'Đổi tên' }).click();
  await expect(dialog).toBeHidden();

  const history = page.getByRole('table', { name: 'Lịch sử đơn vị' });
  await expect(history.locator('tbody tr')).toHaveCount(2);
  await expect(history.locator('tbody tr').nth(0)).toContainText('01/03/2025');
  await expect(history.locator('tbody tr').nth(0)).toContainText('Sở Y tế (nhận nhiệm vụ trẻ em)');
  await expect(history.locator('tbody tr').nth(0)).toContainText('Đổi tên');
  await expect(history.locator('tbody tr').nth(1)).toContainText('Sở Lao động - Thương binh và Xã hội');
  await expect(history.locator('tbody tr').nth(1)).toContainText('28/02/2025');
  await screenshot(page, '10-doi-ten-don-vi');

  // Looking at the tree on a 2024 date shows the name of 2024.
  await page.getByLabel('Xem tại ngày').fill('05/12/2024');
  await expect(page.getByRole('tree', { name: 'Cây đơn vị' })).toContainText('Sở Lao động - Thương binh và Xã hội');
  await expect(page.getByRole('tree', { name: 'Cây đơn vị' })).not.toContainText('nhận nhiệm vụ trẻ em');
});

test('a change dated before the last one is refused with the reason', async ({ app: { page } }) => {
  await page.getByRole('link', { name: 'Đơn vị' }).click();
  await page.getByRole('button', { name: /Huyện Sa Thầy/ }).click();
  await page.getByRole('button', { name: 'Đổi tên…' }).click();
  await page.getByLabel('Tên mới').fill('Huyện X');
  await page.getByLabel('Ngày hiệu lực').fill('01/01/2019');
  await page.getByRole('dialog').getByRole('button', { name: 'Đổi tên' }).click();
  await expect(page.getByRole('alert')).toContainText('ngày hiệu lực phải sau ngày 01/01/2020');
});
