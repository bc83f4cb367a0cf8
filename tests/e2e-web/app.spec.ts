import { ROOT, expect, screenshot, test } from './fixtures';

test('a first start shows the demo plans; the 2024 plan has its 24 indicators', async ({ app: { page } }) => {
  await expect(page.getByRole('heading', { name: 'Kỳ báo cáo', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Kế hoạch', level: 1 })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Danh sách kế hoạch' }).locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await screenshot(page, '01-ke-hoach');

  await page.getByRole('link', { name: /Chương trình hành động quốc gia vì trẻ em trên địa bàn tỉnh Kon Tum năm 2024/ }).click();
  const table = page.getByRole('table', { name: 'Bảng mục tiêu, chỉ tiêu' });
  await expect(table.locator('tr.row-indicator')).toHaveCount(24);
  await expect(table.locator('tr.row-goal')).toHaveCount(4);
  await expect(table.locator('tr.row-measure')).toHaveCount(39);
  await expect(table.getByRole('columnheader', { name: 'Mục tiêu đến năm 2025' })).toBeVisible();
  const m12 = table.locator('tr[data-measure-code="1.2"]');
  await expect(m12).toContainText('54,9');
  await expect(m12).toContainText('58,82');
  await expect(table.locator('tr[data-measure-code="11.1"]')).toContainText('512/100.000');
  await expect(table.locator('tr[data-measure-code="13"]')).toContainText('2,0-3,0');
  await screenshot(page, '02-ke-hoach-2024');

  await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: 'Kế hoạch' }).click();
  await page.getByRole('link', { name: /Quyết định số 27\/QĐ-TTg/ }).click();
  await expect(page.getByRole('table', { name: 'Bảng nhiệm vụ' })).toContainText('Bộ Chỉ huy Quân sự tỉnh');
  await screenshot(page, '03-nhiem-vu-2025');

  await page.getByRole('link', { name: 'Đơn vị' }).click();
  // Today's tree is two tiers (2025 reorganisation); 2024's had the districts.
  await expect(page.getByRole('tree', { name: 'Cây đơn vị' })).toContainText('Xã Ia Tơi');
  await expect(page.getByRole('tree', { name: 'Cây đơn vị' })).not.toContainText('Huyện Ia H’Drai');
  await page.getByRole('button', { name: /^Sở Y tế/ }).click();
  await expect(page.getByRole('table', { name: 'Lịch sử đơn vị' })).toContainText('Thành lập');
  await expect(page.getByText(/Công tác trẻ em: từ 01\/03\/2025 đến nay/)).toBeVisible();
  await page.getByLabel('Xem tại ngày').fill('31/12/2024');
  await expect(page.getByRole('tree', { name: 'Cây đơn vị' })).toContainText('Huyện Ia H’Drai');
  await screenshot(page, '04-don-vi');

  await page.getByRole('link', { name: 'Cài đặt' }).click();
  await expect(page.getByText('tonghop.sqlite')).toBeVisible();
  await screenshot(page, '05-cai-dat');
  expect(ROOT).toBeTruthy();
});

test('an empty screen says what to do next', async ({ app: { page } }) => {
  await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  await page.getByRole('button', { name: 'Tạo kế hoạch mới' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tạo kế hoạch mới' });
  await dialog.getByLabel('Tên kế hoạch').fill('Kế hoạch trống');
  await dialog.getByRole('button', { name: 'Tạo kế hoạch', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Kế hoạch chưa có mục tiêu nào' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Thêm mục tiêu' })).toBeVisible();
  await screenshot(page, '06-ke-hoach-trong');
});
