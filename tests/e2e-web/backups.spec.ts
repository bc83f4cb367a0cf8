import fs from 'node:fs';
import { expect, screenshot, test } from './fixtures';

test('backs up, restores a backup after a confirmation naming its date, exports and refuses a wrong file', async ({ app: { page } }) => {
  const nav = page.getByRole('navigation', { name: 'Chức năng chính' });
  // A change made before the backup…
  await nav.getByRole('link', { name: 'Cài đặt' }).click();
  await page.getByLabel('Tên người dùng').fill('Nguyễn Thị Lan');
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByText('Đã lưu cài đặt.')).toBeVisible();

  await nav.getByRole('link', { name: 'Sao lưu' }).click();
  await expect(page.getByRole('heading', { name: 'Sao lưu và khôi phục', level: 1 })).toBeVisible();
  const rows = page.locator('.backups-table tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Sao lưu đầu ngày');
  await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
  await expect(page.getByText(/^Đã sao lưu lúc \d\d:\d\d/)).toBeVisible();
  await expect(rows).toHaveCount(2);
  const manual = rows.filter({ hasText: 'Sao lưu thủ công' });
  const when = (await manual.locator('td').first().innerText()).trim();
  expect(when).toMatch(/^\d\d\/\d\d\/\d{4} lúc \d\d:\d\d:\d\d$/);

  // …and one after it, which the restore takes away.
  await nav.getByRole('link', { name: 'Cài đặt' }).click();
  await page.getByLabel('Tên người dùng').fill('Trần Văn Bình');
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/settings-set'));
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await saved;

  await nav.getByRole('link', { name: 'Sao lưu' }).click();
  await manual.getByRole('button', { name: 'Khôi phục…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Khôi phục bản sao lưu' });
  await expect(dialog).toContainText(`Dữ liệu sẽ trở về như lúc ${when} (sao lưu thủ công)`);
  await screenshot(page, '21-khoi-phuc');
  await dialog.getByRole('button', { name: `Khôi phục bản ngày ${when.split(' lúc ')[0]}` }).click();
  await expect(page.getByText(`Đã khôi phục dữ liệu về ngày ${when}. Dữ liệu trước đó đã được sao lưu.`)).toBeVisible();
  await expect(rows.filter({ hasText: 'Trước khi khôi phục' })).toHaveCount(1);
  await screenshot(page, '22-sao-luu');
  await nav.getByRole('link', { name: 'Cài đặt' }).click();
  await expect(page.getByLabel('Tên người dùng')).toHaveValue('Nguyễn Thị Lan');

  // The whole database as one file.
  await nav.getByRole('link', { name: 'Sao lưu' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất tệp dữ liệu…' }).click();
  const file = await (await download).path();
  expect(fs.readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');

  // A file that is not a TongHop database: said plainly after the confirmation, nothing changes.
  await page.getByTestId('database-file-input').setInputFiles({ name: 'bao-cao.sqlite', mimeType: 'application/octet-stream', buffer: Buffer.from('không phải dữ liệu') });
  await page.getByRole('dialog', { name: 'Mở tệp dữ liệu khác' }).getByRole('button', { name: 'Mở tệp này' }).click();
  await expect(page.getByRole('alert')).toContainText('"bao-cao.sqlite" không phải tệp dữ liệu TongHop hoặc đã bị hỏng.');
  await nav.getByRole('link', { name: 'Cài đặt' }).click();
  await expect(page.getByLabel('Tên người dùng')).toHaveValue('Nguyễn Thị Lan');
});
