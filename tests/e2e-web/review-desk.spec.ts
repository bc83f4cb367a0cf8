/**
 * The compiler's review desk at 1366×768 (an office laptop): a refused file's errors survive the
 * next import and are copied for the unit; the working period survives navigation and reload;
 * the merge matrix keeps its key columns in view, marks unapproved reports and a stale override;
 * the grid asks before an unsaved wrong cell is dropped, and its header sits on its columns.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { fillTemplate, type Fill } from '../helpers/fill-template';
import { expect, screenshot, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

function apiOf(page: Page, url: string) {
  return async <T>(method: string, body: unknown): Promise<T> => {
    const res = await page.request.post(`${url}api/${method}`, { data: body });
    const json = (await res.json()) as { ok: boolean; result: unknown; error?: { message: string } };
    if (!json.ok) throw new Error(`${method}: ${json.error?.message}`);
    return json.result as T;
  };
}

/** A unit's template for the 2024 annual period (id 2), filled and written where the file picker can take it. */
async function filledFile(api: ReturnType<typeof apiOf>, unitId: number, fills: Record<string, Fill>): Promise<string> {
  const t = await api<{ fileName: string; dataBase64: string }>('template-build', { periodId: 2, unitId });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-review-'));
  const file = path.join(dir, t.fileName);
  fs.writeFileSync(file, fillTemplate(Buffer.from(t.dataBase64, 'base64'), fills));
  return file;
}

test("a refused file's errors stay on the unit's row after the next import, with the cells, and copy for the unit", async ({ app: { page, url } }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const api = apiOf(page, url);
  const status = await api<{ units: { unitId: number; unitName: string }[] }>('period-status', { id: 2 });
  const unit = (name: string) => status.units.find((u) => u.unitName === name)!.unitId;
  await page.getByLabel('Chọn kỳ báo cáo').selectOption({ label: 'Năm 2024 — Báo cáo năm' });
  // Both ways to receive files are buttons the keyboard reaches (after the reminder the banner offers: the 2024 deadline has passed).
  const remind = page.getByRole('status', { name: 'Nhắc đơn vị' }).getByRole('button', { name: 'Nhắc đơn vị…' });
  await expect(remind).toBeVisible();
  await page.getByLabel('Chọn kỳ báo cáo').focus();
  await page.keyboard.press('Tab');
  await expect(remind).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Nhận báo cáo (chọn tệp)…' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Nhận cả thư mục…' })).toBeFocused();

  await page.getByTestId('report-files').setInputFiles(await filledFile(api, unit('Huyện Sa Thầy'), { '1.1': { G: 4 }, '1.2': { E: 'mười', F: 20 } }));
  await expect(page.getByRole('region', { name: 'Kết quả nhận tệp' })).toContainText('Không nhận (có lỗi)');
  await page.getByTestId('report-files').setInputFiles(await filledFile(api, unit('Huyện Kon Rẫy'), { '1.1': { G: 5 }, '1.2': { E: 10, F: 20 } }));
  await expect(page.getByRole('region', { name: 'Kết quả nhận tệp' })).toContainText('Huyện Kon Rẫy - Năm 2024.xlsx — Đã nhận');
  await page.getByRole('button', { name: 'Ẩn' }).click();

  // The next import did not wipe the first file's errors: they are on the row, one click away.
  const row = page.locator('tr[data-unit="Huyện Sa Thầy"]');
  await expect(row).toContainText('Có lỗi');
  await row.getByRole('button', { name: 'Xem 1 lỗi trong tệp gần nhất của Huyện Sa Thầy' }).click();
  const dialog = page.getByRole('dialog', { name: 'Báo cáo của Huyện Sa Thầy' });
  const table = dialog.getByRole('table', { name: 'Lỗi trong tệp Huyện Sa Thầy - Năm 2024.xlsx' });
  await expect(table).toContainText('1.2');
  // The template's cell and the grid's cell of the same figure.
  const cells = table.locator('tbody tr').first().locator('td');
  await expect(cells.nth(2)).toHaveText(/^E\d+$/);
  await expect(cells.nth(3)).toHaveText('E2');
  await screenshot(page, '41-loi-cua-don-vi');
  await dialog.getByRole('button', { name: 'Sao chép gửi đơn vị' }).click();
  await expect(page.getByText('Đã sao chép.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Kính gửi Huyện Sa Thầy,');
  expect(copied).toMatch(/1\. Chỉ tiêu 1\.2 \([^)]+\), ô E\d+: "mười"/);
  await dialog.getByRole('button', { name: 'Đóng', exact: true }).last().click();

  // The unit's grid says its last file was refused, instead of only "Chưa có số liệu".
  await row.getByRole('link', { name: 'Nhập số liệu của Huyện Sa Thầy' }).click();
  await expect(page.getByRole('note')).toContainText('không được nhận vì có 1 lỗi');

  // The working period survives navigation and a reload.
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await expect(page.getByLabel('Chọn kỳ tổng hợp')).toHaveValue('2');
  await page.reload();
  await expect(page.getByLabel('Chọn kỳ tổng hợp')).toHaveValue('2');
  await page.getByRole('link', { name: 'Kỳ báo cáo' }).click();
  await expect(page.getByLabel('Chọn kỳ báo cáo')).toHaveValue('2');

  // A first start (no user name yet, a window that was not told to skip it) asks who is working.
  const fresh = await page.context().newPage();
  await fresh.goto(url);
  const welcome = fresh.getByRole('dialog', { name: 'Chào mừng đến với TongHop' });
  await welcome.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
  await welcome.getByRole('button', { name: 'Lưu' }).click();
  await expect(welcome).toBeHidden();
  expect((await api<{ userName: string }>('settings-get', {})).userName).toBe('Nguyễn Thị Lan');
  await fresh.close();
});

test('the merge matrix fits a laptop: key columns stay, unapproved figures and a stale override are marked', async ({ app: { page, url } }) => {
  const api = apiOf(page, url);
  const status = await api<{ units: { unitId: number; unitName: string }[] }>('period-status', { id: 2 });
  const unit = (name: string) => status.units.find((u) => u.unitName === name)!.unitId;
  const entry = await api<{ measures: { id: number; code: string }[] }>('report-entry-get', { periodId: 2, unitId: unit('Huyện Sa Thầy') });
  const m = (code: string) => entry.measures.find((x) => x.code === code)!.id;
  const empty = { numerator: null, denominator: null, value: null, textValue: null, note: null };
  await api('report-entry-save', { periodId: 2, unitId: unit('Huyện Sa Thầy'), values: [{ ...empty, measureId: m('1.1'), value: 6 }] });
  await api('report-entry-save', { periodId: 2, unitId: unit('Huyện Kon Rẫy'), values: [{ ...empty, measureId: m('1.1'), value: 3 }] });
  await api('working-period-set', { periodId: 2 });

  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  const table = page.getByRole('table', { name: 'Bảng tổng hợp' });
  const r11 = table.locator('tr[data-measure-code="1.1"]');
  await expect(r11).toContainText('2 chưa duyệt');
  await expect(r11.locator('td.cell-unapproved')).toHaveCount(2);

  // Full labels: no assessment badge is cut.
  const clipped = await table.locator('.chip.assess').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > (e.parentElement as HTMLElement).getBoundingClientRect().right + 1).length);
  expect(clipped).toBe(0);
  // Code, name, total, target and assessment stay while the units scroll.
  const total = table.locator('thead th', { hasText: 'Tổng hợp' });
  const before = (await total.boundingBox())!.x;
  await page.locator('.merge-scroll').evaluate((el) => (el.scrollLeft = 600));
  expect(Math.abs((await total.boundingBox())!.x - before)).toBeLessThan(1);
  await page.locator('.merge-scroll').evaluate((el) => (el.scrollLeft = 0));
  // At 1366 px the compiler sees several units beside the frozen columns.
  const visibleUnits = await table.locator('thead th.unit-col').evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().right <= window.innerWidth).length);
  expect(visibleUnits).toBeGreaterThanOrEqual(4);
  await screenshot(page, '42-tong-hop-1366');

  // Only the units with something to look at.
  await page.getByLabel('Cột đơn vị').selectOption({ label: `Chỉ đơn vị cần xem (${status.units.length})` });
  await expect(table.locator('thead th.unit-col').first()).toBeVisible();

  // An override, then a new report moves the roll-up: the override is flagged until kept or dropped.
  await page.getByRole('button', { name: 'Chi tiết tổng hợp chỉ tiêu 1.1' }).click();
  let drill = page.getByRole('dialog', { name: 'Chỉ tiêu 1.1: cách tính tổng hợp' });
  await drill.getByLabel('Số tổng hợp dùng trong báo cáo').fill('30');
  await drill.getByLabel('Lý do sửa').fill('Số chính thức của ngành');
  await drill.getByRole('button', { name: 'Lưu số sửa' }).click();
  await expect(r11).toContainText('sửa tay');
  await page.keyboard.press('Escape');
  await api('report-entry-save', { periodId: 2, unitId: unit('Huyện Đắk Hà'), values: [{ ...empty, measureId: m('1.1'), value: 4 }] });
  await page.reload();
  await expect(r11).toContainText('sửa tay · cần xem');
  await expect(page.getByRole('note').filter({ hasText: 'số sửa tay có thể đã cũ' })).toBeVisible();
  await page.getByRole('button', { name: 'Văn bản PDF…' }).click();
  await expect(page.getByRole('dialog', { name: 'Văn bản báo cáo (PDF)' })).toContainText('1.1: dùng 30, nay tính được 13');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Chi tiết tổng hợp chỉ tiêu 1.1' }).click();
  drill = page.getByRole('dialog', { name: 'Chỉ tiêu 1.1: cách tính tổng hợp' });
  await expect(drill.getByRole('alert')).toContainText('số tính được là 9; nay có báo cáo mới nên số tính được là 13');
  await screenshot(page, '43-so-sua-tay-cu');
  await drill.getByRole('button', { name: 'Bỏ, dùng số tính được 13' }).click();
  await expect(r11.locator('td.fz-total')).toContainText('13');
  await expect(r11).not.toContainText('sửa tay');
});

test('the grid asks before dropping a wrong unsaved cell, moves with Ctrl+arrows, and its header sits on its columns', async ({ app: { page, url } }) => {
  const api = apiOf(page, url);
  const status = await api<{ units: { unitId: number; unitName: string }[] }>('period-status', { id: 2 });
  await page.goto(`${url}#/entry/2/${status.units.find((u) => u.unitName === 'Huyện Sa Thầy')!.unitId}`);
  const grid = page.getByRole('grid', { name: 'Bảng nhập số liệu' });
  await expect(grid).toBeVisible();

  // Every header cell starts where its column's cells start (also with the body's scroll bar).
  const offsets = await grid.evaluate((g) => {
    const heads = Array.from(g.querySelectorAll('[role=columnheader]')).map((h) => h.getBoundingClientRect());
    const cells = Array.from(g.querySelectorAll('[role=row][aria-rowindex="2"] [role=gridcell]')).map((c) => c.getBoundingClientRect());
    return heads.map((h, i) => Math.abs(h.left - cells[i]!.left) + Math.abs(h.right - cells[i]!.right));
  });
  expect(Math.max(...offsets)).toBeLessThan(1.5);

  await grid.locator('[data-cell="G1"]').click();
  await page.keyboard.press('Control+End');
  await expect(page.locator('.grid-address')).toHaveText(/^H\d+$/);
  await page.keyboard.press('Control+Home');
  await expect(page.locator('.grid-address')).toHaveText('A1');
  await grid.locator('[data-cell="G1"]').click();
  await page.keyboard.type('abc');
  await page.keyboard.press('Enter');
  await expect(grid.locator('[data-cell="G1"]')).toHaveAttribute('aria-invalid', 'true');

  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  const ask = page.getByRole('dialog', { name: 'Rời trang khi còn ô chưa lưu?' });
  await expect(ask).toContainText('Chỉ tiêu 1.1 có ô nhập sai (ô đỏ) nên chưa lưu được');
  await screenshot(page, '44-hoi-truoc-khi-roi');
  await ask.getByRole('button', { name: 'Ở lại để sửa' }).click();
  await expect(grid).toBeVisible();
  await expect(grid.locator('[data-cell="G1"]')).toHaveText('abc');
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await page.getByRole('dialog', { name: 'Rời trang khi còn ô chưa lưu?' }).getByRole('button', { name: 'Bỏ các ô đó và rời trang' }).click();
  await expect(page.getByRole('heading', { name: 'Tổng hợp', level: 1 })).toBeVisible();
});
