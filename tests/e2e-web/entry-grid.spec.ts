import { expect, screenshot, test } from './fixtures';

const BLOCK = ['12\t1.250\t9,6', '30\t1.250\t24', '51\t1.250\t40,8', '588\t3.500\t16,8', '1.008\t3.500\t28,8'].join('\r\n') + '\r\n';

test('paste a block copied from Excel into the grid, type a bad value, undo, and see it all saved', async ({ app: { page, url } }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  await page.getByLabel('Chọn kỳ báo cáo').selectOption({ label: 'Năm 2024 — Báo cáo năm' });
  await page.getByRole('link', { name: 'Nhập số liệu của Huyện Sa Thầy' }).click();
  await expect(page.getByRole('heading', { name: 'Nhập báo cáo: Huyện Sa Thầy' })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Bảng nhập số liệu' });
  const cell = (address: string) => grid.locator(`[data-cell="${address}"]`);

  // A district's rows: 1.1, 1.2, 2, 4.1 (row 4), 4.2, 7, 8.1, 8.2 (row 8): the lead departments' 3.x, 5.x, 6 are not on its form. Paste 5 rows × 3 columns at E4.
  await cell('E4').click();
  await page.evaluate((text) => (globalThis as unknown as { navigator: { clipboard: { writeText(t: string): Promise<void> } } }).navigator.clipboard.writeText(text), BLOCK);
  await page.keyboard.press('Control+V');
  await expect(cell('E4')).toHaveText('12');
  await expect(cell('F4')).toHaveText('1.250');
  await expect(cell('G4')).toHaveText('0,96'); // the result is computed: 12 / 1.250 × 100
  await expect(cell('E8')).toHaveText('1.008');
  await expect(cell('G8')).toHaveText('28,80');
  await expect(page.getByRole('status', { name: 'Trạng thái lưu' })).toContainText('Đã lưu lúc');

  // Keyboard entry: a count in G1, then a bad value in E2 with its message.
  await cell('G1').click();
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await expect(cell('G1')).toHaveText('7');
  await cell('E2').click();
  await page.keyboard.type('12,5a');
  await page.keyboard.press('Tab');
  await page.keyboard.type('100');
  await page.keyboard.press('Enter');
  await expect(cell('E2')).toHaveAttribute('aria-invalid', 'true');
  await expect(cell('E2')).toHaveAttribute('title', '"12,5a" không phải là số');
  await cell('E2').click();
  await expect(page.locator('.grid-status')).toContainText('"12,5a" không phải là số');
  await expect(page.getByRole('status', { name: 'Trạng thái lưu' })).toContainText('còn lỗi');
  await screenshot(page, '13-nhap-so-lieu');

  // F2 edits the cell in place; Ctrl+Z takes the last change back.
  await page.keyboard.press('F2');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect(cell('E2')).toHaveText('12,5');
  await expect(cell('E2')).not.toHaveAttribute('aria-invalid', 'true');
  // One text box keeps the focus from cell to cell; text an input method composes (Unikey, or a
  // number pasted by an on-screen keyboard) arrives without a key press and starts the edit too.
  const box = page.locator('.grid-input');
  await cell('F2').click();
  await expect(box).toBeFocused();
  await page.keyboard.insertText('55');
  await expect(page.getByRole('textbox', { name: 'Sửa ô F2' })).toHaveValue('55');
  await page.keyboard.press('Escape');
  await expect(cell('F2')).toHaveText('100');
  await expect(box).toBeFocused();
  await cell('E2').click();
  await cell('G1').click();
  await page.keyboard.press('Delete');
  await expect(cell('G1')).toHaveText('');
  await page.keyboard.press('Control+Z');
  await expect(cell('G1')).toHaveText('7');
  await expect(page.getByRole('status', { name: 'Trạng thái lưu' })).toContainText('Đã lưu lúc');

  // Everything is in the database: reload the page and read it back.
  await page.reload();
  await expect(cell('E4')).toHaveText('12');
  await expect(cell('F8')).toHaveText('3.500');
  await expect(cell('E2')).toHaveText('12,5');
  await expect(cell('G2')).toHaveText('12,50');
  await expect(cell('G1')).toHaveText('7');
  const saved = await page.evaluate(async () => {
    const res = await fetch('./api/period-status', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":2}' });
    const body = (await res.json()) as { result: { units: { unitName: string }[] } };
    return body.result.units.find((u) => u.unitName === 'Huyện Sa Thầy');
  });
  expect(saved).toMatchObject({ status: 'valid', revision: 1 });
});
