import { expect, screenshot, test } from './fixtures';

test('the plan says who reports each measure and why, and several are changed at once', async ({ app: { page } }) => {
  await page.getByRole('link', { name: 'Kế hoạch' }).click();
  await page.getByRole('link', { name: /tỉnh Kon Tum năm 2024/ }).click();
  const row = (code: string) => page.locator(`tr[data-measure-code="${code}"]`);
  await expect(row('1.1')).toContainText('Các huyện/xã báo cáo (cộng theo địa bàn) (mặc định)');
  await expect(row('3.1')).toContainText('Chỉ đơn vị chủ trì báo cáo (mặc định)');
  await expect(row('3.1').locator('.reporters')).toHaveAttribute('title', /lấy số của đơn vị chủ trì/);
  await row('16').getByLabel('Chọn chỉ số 16').check();
  await row('17.1').getByLabel('Chọn chỉ số 17.1').check();
  const bar = page.getByRole('region', { name: 'Các chỉ số đã chọn' });
  await expect(bar).toContainText('Đã chọn 2 chỉ số.');
  await bar.getByLabel('Ai báo cáo các chỉ số đã chọn').selectOption({ label: 'Đơn vị chủ trì và các đơn vị phối hợp' });
  await screenshot(page, '38-ai-bao-cao');
  await bar.getByRole('button', { name: 'Áp dụng' }).click();
  await expect(page.getByText('Đã đặt đơn vị báo cáo cho 2 chỉ số: đơn vị chủ trì và các đơn vị phối hợp.')).toBeVisible();
  await expect(row('16')).toContainText('Đơn vị chủ trì và các đơn vị phối hợp');
  await expect(row('16')).not.toContainText('(mặc định)');
  await expect(bar).toHaveCount(0);
  // The measure form shows the choice, and the default with its reason.
  await row('16').getByRole('button', { name: 'Sửa chỉ số 16' }).click();
  const form = page.getByRole('dialog', { name: 'Sửa chỉ số 16' });
  await expect(form.getByLabel('Ai báo cáo chỉ số này')).toHaveValue('lead_cooperating');
  await expect(form.getByLabel('Ai báo cáo chỉ số này').locator('option').first()).toHaveText(/^Theo mặc định: các huyện\/xã báo cáo/);
  await form.getByLabel('Tử số là').fill('số trẻ em được học hòa nhập');
  await form.getByLabel('Mẫu số là').fill('số trẻ em khuyết tật');
  await form.getByRole('button', { name: 'Lưu chỉ số' }).click();
  await expect(row('16')).toContainText('Tử số: số trẻ em được học hòa nhập; Mẫu số: số trẻ em khuyết tật');
  await screenshot(page, '39-ke-hoach-ai-bao-cao');
});
