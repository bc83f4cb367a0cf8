import { expect, screenshot, test } from './fixtures';

test('rename a unit from a date and see the old name in its history', async ({ app: { page } }) => {
  await page.getByRole('link', { name: 'Đơn vị' }).click();
  await page.getByRole('button', { name: /Ban Dân tộc/ }).click();
  await page.getByRole('button', { name: 'Đổi tên…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Đổi tên đơn vị' });
  await dialog.getByLabel('Tên mới').fill('Sở Dân tộc và Tôn giáo');
  await dialog.getByLabel('Ngày hiệu lực').fill('01/08/2025');
  await dialog.getByLabel('Căn cứ / ghi chú').fill('Sắp xếp tổ chức bộ máy');
  await dialog.getByRole('button', { name: 'Đổi tên' }).click();
  await expect(dialog).toBeHidden();

  const history = page.getByRole('table', { name: 'Lịch sử đơn vị' });
  // Created in 2020 under Kon Tum, moved under Quảng Ngãi on 01/07/2025, renamed on 01/08/2025.
  await expect(history.locator('tbody tr')).toHaveCount(3);
  await expect(history.locator('tbody tr').nth(0)).toContainText('01/08/2025');
  await expect(history.locator('tbody tr').nth(0)).toContainText('Sở Dân tộc và Tôn giáo');
  await expect(history.locator('tbody tr').nth(0)).toContainText('Đổi tên');
  await expect(history.locator('tbody tr').nth(1)).toContainText('Ban Dân tộc');
  await expect(history.locator('tbody tr').nth(1)).toContainText('31/07/2025');
  await expect(history.locator('tbody tr').nth(1)).toContainText('Tỉnh Quảng Ngãi');
  await screenshot(page, '10-doi-ten-don-vi');

  // Looking at the tree on a 2024 date shows the name of 2024.
  await page.getByLabel('Xem tại ngày').fill('05/12/2024');
  await expect(page.getByRole('tree', { name: 'Cây đơn vị' })).toContainText('Ban Dân tộc');
  await expect(page.getByRole('tree', { name: 'Cây đơn vị' })).not.toContainText('Sở Dân tộc và Tôn giáo');
});

test('a change dated before the last one is refused with the reason', async ({ app: { page } }) => {
  await page.getByRole('link', { name: 'Đơn vị' }).click();
  await page.getByRole('button', { name: /Xã Ia Tơi/ }).click();
  await page.getByRole('button', { name: 'Đổi tên…' }).click();
  await page.getByLabel('Tên mới').fill('Xã X');
  await page.getByLabel('Ngày hiệu lực').fill('01/01/2019');
  await page.getByRole('dialog').getByRole('button', { name: 'Đổi tên' }).click();
  await expect(page.getByRole('alert')).toContainText('ngày hiệu lực phải sau ngày 01/07/2025');
});

test('reorganisation wizard: preview, confirm, then the 2024 merge has three tiers and 2026 two; undo', async ({ app: { page } }) => {
  await page.getByRole('link', { name: 'Đơn vị' }).click();
  await page.getByRole('button', { name: 'Sắp xếp tổ chức…' }).click();
  await page.getByLabel('Ngày hiệu lực').fill('01/01/2026');
  await page.getByLabel('Tên đợt sắp xếp').fill('Sáp nhập xã Ia Dom và xã Ia Đal');
  await page.getByRole('button', { name: '+ Sáp nhập, hợp nhất' }).click();
  const sources = page.getByRole('group', { name: 'Đơn vị bị sáp nhập' });
  await page.getByLabel('Đơn vị bị sáp nhập: lọc theo tên').fill('Ia');
  await sources.getByLabel('Xã Ia Dom').check();
  await sources.getByLabel('Xã Ia Đal').check();
  await page.getByLabel('Tên đơn vị mới').fill('Xã Ia H’Drai');
  await page.getByRole('button', { name: '+ Đổi tên' }).click();
  await page.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'Xã Ia Tơi (Cấp xã)' });
  await page.getByLabel('Tên mới').fill('Xã Ia Tơi mới');
  // Confirming needs a preview first.
  await expect(page.getByRole('button', { name: 'Xác nhận sắp xếp' })).toBeDisabled();
  await page.getByRole('button', { name: 'Xem trước cây đơn vị' }).click();
  const preview = page.getByLabel('Xem trước');
  await expect(preview).toContainText('Sáp nhập Xã Ia Dom và Xã Ia Đal vào đơn vị mới Xã Ia H’Drai.');
  await expect(preview).toContainText('Đổi tên Xã Ia Tơi thành Xã Ia Tơi mới.');
  await expect(page.getByRole('list', { name: 'Cây đơn vị trước' }).locator('.diff-node.ended')).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Cây đơn vị sau' }).locator('.diff-node.new')).toContainText('Xã Ia H’Drai');
  await expect(page.getByRole('list', { name: 'Cây đơn vị sau' })).toContainText('đổi tên: trước là Xã Ia Tơi');
  await screenshot(page, '17-sap-xep-xem-truoc');
  await page.getByRole('button', { name: 'Xác nhận sắp xếp' }).click();
  await expect(page.getByText(/Đã áp dụng "Sáp nhập xã Ia Dom và xã Ia Đal" từ ngày 01\/01\/2026/)).toBeVisible();
  await expect(page.getByRole('tree', { name: 'Cây đơn vị' })).toContainText('Xã Ia H’Drai');
  await expect(page.getByRole('tree', { name: 'Cây đơn vị' })).not.toContainText('Xã Ia Dom');
  await screenshot(page, '18-don-vi-sau-sap-xep');

  // 2024 rolls up through the districts; 2026 through the communes directly, in the new tree.
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await page.getByLabel('Chọn kỳ tổng hợp').selectOption({ label: 'Năm 2024 — Tỉnh Kon Tum' });
  await expect(page.getByTestId('merge-tiers')).toContainText('Tổng hợp 3 cấp: Tỉnh Kon Tum → 10 đơn vị cấp huyện → 32 đơn vị cấp xã');
  await expect(page.getByRole('table', { name: 'Bảng tổng hợp' }).getByRole('columnheader', { name: 'Huyện Ia H’Drai' })).toBeVisible();
  await screenshot(page, '19-tong-hop-2024-ba-cap');
  await page.getByLabel('Chọn kỳ tổng hợp').selectOption({ label: '6 tháng đầu năm 2026 — Tỉnh Quảng Ngãi' });
  await expect(page.getByTestId('merge-tiers')).toContainText('Tổng hợp 2 cấp: Tỉnh Quảng Ngãi → 27 đơn vị cấp xã');
  const header = page.getByRole('table', { name: 'Bảng tổng hợp' }).locator('thead');
  await expect(header).toContainText('Xã Ia H’Drai');
  await expect(header).toContainText('Xã Ia Tơi mới');
  await expect(header).not.toContainText('Huyện');
  await screenshot(page, '20-tong-hop-2026-hai-cap');

  // A mistake is undone from the list of changes.
  await page.getByRole('link', { name: 'Đơn vị' }).click();
  const changes = page.getByRole('region', { name: 'Các đợt thay đổi' });
  await changes.getByRole('button', { name: 'Hoàn tác…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(page.getByText('Đã hoàn tác "Sáp nhập xã Ia Dom và xã Ia Đal".')).toBeVisible();
  await expect(page.getByRole('tree', { name: 'Cây đơn vị' })).toContainText('Xã Ia Dom');
  await expect(page.getByRole('tree', { name: 'Cây đơn vị' })).not.toContainText('Xã Ia H’Drai');
});

test('the wizard splits a unit: names for the parts, and the preview says what happens', async ({ app: { page } }) => {
  await page.getByRole('link', { name: 'Đơn vị' }).click();
  await page.getByRole('button', { name: 'Sắp xếp tổ chức…' }).click();
  await page.getByLabel('Ngày hiệu lực').fill('01/01/2026');
  await page.getByLabel('Tên đợt sắp xếp').fill('Chia tách xã Ia Tơi');
  await page.getByRole('button', { name: '+ Chia tách' }).click();
  await page.getByLabel('Đơn vị chia tách').selectOption({ label: 'Xã Ia Tơi (Cấp xã)' });
  await page.getByLabel('Tên đơn vị mới thứ 1').fill('Xã Ia Tơi Bắc');
  await page.getByRole('button', { name: 'Xem trước cây đơn vị' }).click();
  await expect(page.getByRole('alert')).toContainText('Thay đổi thứ 1 (Chia tách): nhập tên cho từng đơn vị mới (ít nhất 2).');
  await page.getByLabel('Tên đơn vị mới thứ 2').fill('Xã Ia Tơi Nam');
  await page.getByRole('button', { name: 'Xem trước cây đơn vị' }).click();
  await expect(page.getByLabel('Xem trước')).toContainText('Chia tách Xã Ia Tơi thành Xã Ia Tơi Bắc và Xã Ia Tơi Nam.');
  await expect(page.getByRole('list', { name: 'Cây đơn vị sau' }).locator('.diff-node.new')).toHaveCount(2);
});
