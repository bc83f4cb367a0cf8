import { appendixWorkbook } from '../helpers/appendix-workbook';
import { expect, test } from './fixtures';

test('the entry grid renders only what is visible of a 2.000-row report and stays usable', async ({ app: { page, url } }) => {
  // A plan with 2.000 rate measures, imported like any other, and a period for it.
  const rows: (string | number | null)[][] = [['TT', 'Nội dung mục tiêu/chỉ tiêu', 'Đơn vị tính', 'Mục tiêu năm 2026', 'Đơn vị thực hiện'], ['I', 'Mục tiêu lớn', null, null, null]];
  for (let i = 1; i <= 2000; i++) rows.push([`Chỉ tiêu ${i}`, `Tỷ lệ thử số ${i}`, '%', '50', null]);
  const api = async (method: string, body: unknown) => {
    const res = await page.request.post(`${url}api/${method}`, { data: body });
    const json = (await res.json()) as { ok: boolean; result: unknown; error?: { message: string } };
    if (!json.ok) throw new Error(`${method}: ${json.error?.message}`);
    return json.result as Record<string, unknown>;
  };
  const plan = await api('plan-import-commit', {
    fileName: 'lon.xlsx',
    dataBase64: appendixWorkbook(rows).toString('base64'),
    plan: { number: '', title: 'Kế hoạch 2.000 chỉ tiêu', issuerName: '', issuedOn: null, yearFrom: 2026, yearTo: 2026, parentPlanId: null },
  });
  const units = (await api('unit-list', {})) as unknown as { id: number; code: string }[];
  const province = units.find((u) => u.code === 'QNG')!; // the 2026 tree: communes under Quảng Ngãi
  const district = units.find((u) => u.code === 'KT.ST.01')!; // Xã Sa Thầy
  const period = await api('period-create', {
    planId: plan.id, parentUnitId: province.id, kind: 'half_year', year: 2026, name: '6 tháng đầu năm 2026 (lớn)', dataFrom: '2025-12-15', dataTo: '2026-06-14',
    deadlines: [{ level: 'commune', dueOn: '2026-05-31' }],
  });

  await page.goto(`${url}#/entry/${period.id}/${district.id}`);
  const grid = page.getByRole('grid', { name: 'Bảng nhập số liệu' });
  await expect(page.getByRole('tab', { name: 'Số liệu (2000 chỉ tiêu)' })).toBeVisible();
  expect(await grid.locator('[role="row"].grid-row').count()).toBeLessThan(80);

  // Jump to the bottom with the keyboard and type into the last row.
  await grid.locator('[data-cell="E1"]').click();
  for (let i = 0; i < 200; i++) await page.keyboard.press('PageDown');
  await expect(grid.locator('[data-cell="E2000"]')).toBeVisible();
  await page.keyboard.type('3');
  await page.keyboard.press('Tab');
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
  await expect(grid.locator('[data-cell="G2000"]')).toHaveText('75,00');
  expect(await grid.locator('[role="row"].grid-row').count()).toBeLessThan(80);
  await expect(page.getByRole('status', { name: 'Trạng thái lưu' })).toContainText('Đã lưu lúc');
});
