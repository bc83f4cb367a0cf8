import { expect, screenshot, test } from './fixtures';

test('create a plan, add a measure with target 16,8, reload and see 16,8', async ({ app: { page } }) => {
  await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  await page.getByRole('button', { name: 'Tạo kế hoạch mới' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tạo kế hoạch mới' });
  await dialog.getByLabel('Tên kế hoạch').fill('Kế hoạch thực hiện công tác trẻ em năm 2026');
  await dialog.getByLabel('Số kế hoạch').fill('15/KH-UBND');
  await dialog.getByLabel('Ngày ban hành').fill('31/02/2026');
  await dialog.getByLabel('Từ năm').fill('2026');
  await dialog.getByLabel('Đến năm').fill('2026');
  await dialog.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  await expect(dialog.getByText('"31/02/2026" không phải ngày hợp lệ')).toBeVisible();
  await dialog.getByLabel('Ngày ban hành').fill('10/02/2026');
  await dialog.getByRole('button', { name: 'Tạo kế hoạch' }).click();

  await expect(page.getByRole('heading', { name: 'Kế hoạch thực hiện công tác trẻ em năm 2026' })).toBeVisible();
  await expect(page.getByText('Số 15/KH-UBND ngày 10/02/2026')).toBeVisible();
  await page.getByRole('button', { name: 'Thêm mục tiêu' }).click();
  await page.getByLabel('Nội dung mục tiêu').fill('Mục tiêu về chăm sóc sức khỏe, dinh dưỡng cho trẻ em');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '+ Chỉ tiêu' }).click();
  await page.getByLabel('Số chỉ tiêu').fill('4');
  await page.getByLabel('Nội dung chỉ tiêu').fill('Giảm tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByRole('button', { name: '+ Chỉ số' }).click();

  const form = page.getByRole('dialog', { name: 'Thêm chỉ số cho chỉ tiêu 4' });
  await form.getByLabel('Tên chỉ số').fill('Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể cân nặng theo tuổi');
  await form.getByLabel('Đánh giá đạt khi').selectOption('at_most');
  await form.getByLabel('Mục tiêu năm 2026').fill('16,8a');
  await expect(form.getByText('"16,8a" không phải là số')).toBeVisible();
  await form.getByLabel('Mục tiêu năm 2026').fill('16,8');
  await form.getByLabel('Đơn vị chủ trì').selectOption({ label: 'Sở Y tế' });
  await screenshot(page, '07-them-chi-so');
  await form.getByRole('button', { name: 'Thêm chỉ số' }).click();
  await expect(form).toBeHidden();

  await page.reload();
  const row = page.locator('tr[data-measure-code="4"]');
  await expect(row).toContainText('16,8');
  await expect(row).toContainText('Sở Y tế');
  await expect(row).toContainText('Giảm xuống / dưới (≤)');
  await screenshot(page, '08-ke-hoach-moi');

  // Edit the target, then delete the measure after a confirmation.
  await row.getByRole('button', { name: 'Sửa chỉ số 4' }).click();
  await page.getByLabel('Mục tiêu năm 2026').fill('15,5');
  await page.getByRole('button', { name: 'Lưu chỉ số' }).click();
  await expect(row).toContainText('15,5');
  await row.getByRole('button', { name: 'Xóa' }).click();
  await page.getByRole('dialog', { name: 'Xác nhận xóa' }).getByRole('button', { name: 'Xóa' }).click();
  await expect(page.locator('tr[data-measure-code="4"]')).toHaveCount(0);
  await expect(page.getByText('Chưa có chỉ số. Bấm "+ Chỉ số"')).toBeVisible();
});

test('Esc closes a dialog without saving', async ({ app: { page } }) => {
  await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  await page.getByRole('button', { name: 'Tạo kế hoạch mới' }).click();
  await page.getByLabel('Tên kế hoạch').fill('Không lưu');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText('Không lưu')).toHaveCount(0);
});
