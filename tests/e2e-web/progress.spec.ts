import { execFileSync } from 'node:child_process';
import { expect, screenshot, test } from './fixtures';

/**
 * Tổng quan, the trend and the units compared, on the demo's Kon Tum 2024 plan with a 2023
 * period added: figures typed for three districts, checked against sums worked out by hand.
 */
test('the dashboard, a trend over the periods and the units compared show the right figures at 1366×768', async ({ app: { page, url } }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const api = async <T,>(method: string, body: unknown): Promise<T> => {
    const res = await page.request.post(`${url}api/${method}`, { data: body });
    const json = (await res.json()) as { ok: boolean; result: T; error?: { message: string } };
    if (!json.ok) throw new Error(`${method}: ${json.error?.message}`);
    return json.result;
  };
  const annual = await api<{ id: number; planId: number; parentUnitId: number }>('period-get', { id: 2 });
  const y2023 = await api<{ id: number }>('period-create', {
    planId: annual.planId, parentUnitId: annual.parentUnitId, kind: 'annual', year: 2023, name: 'Năm 2023', dataFrom: '2022-12-15', dataTo: '2023-12-14',
    deadlines: [{ level: 'district', dueOn: '2023-12-05' }, { level: 'department', dueOn: '2023-12-05' }],
  });
  const status = await api<{ units: { unitId: number; unitName: string }[] }>('period-status', { id: 2 });
  const unit = (name: string) => status.units.find((u) => u.unitName === name)!.unitId;
  const entry = await api<{ measures: { id: number; code: string }[] }>('report-entry-get', { periodId: 2, unitId: unit('Huyện Sa Thầy') });
  const m12 = entry.measures.find((x) => x.code === '1.2')!.id;
  const empty = { numerator: null, denominator: null, value: null, textValue: null, note: null };
  const rate = (periodId: number, name: string, numerator: number, denominator: number) => api('report-entry-save', { periodId, unitId: unit(name), values: [{ ...empty, measureId: m12, numerator, denominator }] });
  // 2023: (5 + 2) / (10 + 6) = 43,75 %; 2024: (6 + 3 + 1) / (10 + 6 + 10) = 38,46 % against 58,82 %.
  await rate(y2023.id, 'Huyện Sa Thầy', 5, 10);
  await rate(y2023.id, 'Huyện Kon Rẫy', 2, 6);
  await rate(2, 'Huyện Sa Thầy', 6, 10);
  await rate(2, 'Huyện Kon Rẫy', 3, 6);
  await rate(2, 'Huyện Đắk Hà', 1, 10);

  await page.getByRole('link', { name: 'Tổng quan' }).click();
  await page.getByLabel('Chọn kỳ').selectOption({ label: 'Năm 2024 — Tỉnh Kon Tum' });
  await expect(page.getByTestId('dashboard-summary')).toContainText('đã nhận báo cáo của 3/12 đơn vị');
  const goals = page.getByRole('figure', { name: 'Kết quả theo mục tiêu' });
  await expect(goals.locator('svg')).toBeVisible();
  await expect(goals.locator('svg text', { hasText: 'Chưa đạt' })).toHaveCount(1);
  await expect(page.getByRole('figure', { name: 'Tiến độ đến mục tiêu năm 2025' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Báo cáo đã nhận theo ngày' }).locator('svg text', { hasText: 'Phải nhận: 12' })).toHaveCount(1);
  // Short of 58,82 by (58,82 − 38,46) / 58,82 = 34,6 %.
  const furthest = page.getByRole('region', { name: 'Các chỉ tiêu còn xa chỉ tiêu nhất' });
  await expect(furthest).toContainText('kết quả 38,46, chỉ tiêu 58,82: thấp hơn chỉ tiêu 34,6%');
  await screenshot(page, '70-tong-quan');

  await furthest.getByRole('button', { name: /^1\.2\./ }).click();
  const trend = page.getByRole('dialog', { name: 'Xu hướng chỉ tiêu 1.2' });
  await expect(trend).toContainText('Các kỳ báo cáo năm do Tỉnh Kon Tum tổng hợp');
  await expect(trend).toContainText('càng cao càng tốt');
  await trend.getByText('Xem bảng số liệu').click();
  const rows = trend.getByRole('table', { name: 'Số liệu xu hướng' }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Năm 2023');
  await expect(rows.nth(0)).toContainText('43,75');
  await expect(rows.nth(1)).toContainText('Năm 2024');
  await expect(rows.nth(1)).toContainText('38,46');
  await expect(rows.nth(1)).toContainText('Chưa đạt');
  // Two results as points, their labels in Vietnamese notation, the phase end as a line.
  await expect(trend.locator('svg text', { hasText: /^43,75$/ })).toHaveCount(1);
  await expect(trend.locator('svg text', { hasText: /^Mục tiêu 2025: 54,9$/ })).toHaveCount(1);
  await screenshot(page, '71-xu-huong');
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await page.getByLabel('Chọn kỳ tổng hợp').selectOption({ label: 'Năm 2024 — Tỉnh Kon Tum' });
  await page.getByRole('button', { name: 'Chi tiết tổng hợp chỉ tiêu 1.2' }).click();
  const drill = page.getByRole('dialog', { name: 'Chỉ tiêu 1.2: cách tính tổng hợp' });
  await drill.getByRole('button', { name: 'Biểu đồ so sánh các đơn vị' }).click();
  const bars = drill.getByRole('figure', { name: /So sánh các đơn vị: chỉ tiêu 1\.2/ });
  await expect(bars).toContainText('Xếp cao nhất ở trên; tỷ lệ tính từ tử số và mẫu số của từng đơn vị.');
  await expect(bars).toContainText('Chưa có số liệu: ');
  // Three bars, best first: 60,00 · 50,00 · 10,00 (two decimals, as the target 58,82 is written).
  const labels = bars.locator('svg text').filter({ hasText: /^\d+,\d\d$/ });
  await expect(labels).toHaveText(['60,00', '50,00', '10,00']);
  await expect(bars.locator('svg text', { hasText: /^Huyện Sa Thầy$/ })).toHaveCount(1);
  await bars.getByText('Xem bảng số liệu').click();
  await expect(bars.getByRole('table', { name: 'Số liệu so sánh các đơn vị' }).locator('tbody tr').first()).toContainText('Huyện Sa Thầy');
  await screenshot(page, '72-so-sanh-don-vi');
  await page.keyboard.press('Escape');

  // The PDF with the chart annex: the summary and the trend of 1.2, chosen by hand.
  await page.getByRole('button', { name: 'Văn bản PDF…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Văn bản báo cáo (PDF)' });
  await dialog.getByLabel('Kèm phụ lục biểu đồ').check();
  await dialog.getByLabel(/Xu hướng của các chỉ tiêu chọn dưới đây/).check();
  await dialog.getByRole('group', { name: 'Chọn chỉ tiêu vẽ xu hướng' }).getByRole('checkbox', { name: /^1\.2\. / }).check();
  await expect(dialog).toContainText('(1 đã chọn)');
  await dialog.getByLabel('Phụ lục biểu đồ').scrollIntoViewIfNeeded();
  await screenshot(page, '73-pdf-bieu-do');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Tạo và tải PDF' }).click();
  const text = execFileSync('pdftotext', [(await (await download).path())!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('BIỂU ĐỒ KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU VỀ TRẺ EM');
  expect(text).toContain('5. Chỉ tiêu 1.2: Tỷ lệ xã, phường, thị trấn đạt tiêu chuẩn phù hợp với trẻ em');
  expect(text).not.toContain('6. Chỉ tiêu');

  await page.getByRole('link', { name: 'Kế hoạch' }).click();
  await page.getByRole('link', { name: /2024/ }).first().click();
  await page.getByRole('button', { name: 'Xu hướng chỉ số 1.2' }).click();
  await expect(page.getByRole('dialog', { name: 'Xu hướng chỉ số 1.2' })).toContainText('Năm 2024');
});
