/**
 * The import rules of a broken-down measure, each on a real filled file: parts alone (the total
 * is derived), the total alone, both (they must agree), rates by numerators and denominators;
 * an error leaves nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import type { ImportFileResult } from '../../shared/api/types';
import { call, testBackend } from '../helpers/backend';
import { breakdownProvince } from '../helpers/breakdown-province';
import { fillTemplate, type Fill } from '../helpers/fill-template';

describe('importing a broken-down measure', () => {
  let backend: Backend;
  let env: Awaited<ReturnType<typeof breakdownProvince>>;
  let unit = 0;

  beforeAll(async () => {
    backend = await testBackend({ now: new Date('2026-06-01T03:00:00Z') });
    env = await breakdownProvince(backend, 12);
  });
  afterAll(() => backend.close());

  /** Fills the next district's template and imports it. */
  async function importFilled(fills: Record<string, Fill>): Promise<ImportFileResult & { values: Map<string, unknown> }> {
    const d = env.districts[unit++]!;
    const t = await call(backend, 'template-build', { periodId: env.period.id, unitId: d.id });
    const bytes = fillTemplate(Buffer.from(t.dataBase64, 'base64'), fills);
    const [r] = await call(backend, 'report-import', { files: [{ fileName: t.fileName, dataBase64: bytes.toString('base64') }] });
    const values = new Map<string, unknown>();
    if (r!.reportId) {
      const report = await call(backend, 'report-get', { id: r!.reportId });
      const combos = new Map([...env.abused.breakdown!.combos, ...env.births.breakdown!.combos].map((c) => [c.id, c.key]));
      for (const v of report.values) values.set(v.optionComboId === 1 ? v.measureCode : `${v.measureCode}/${combos.get(v.optionComboId)}`, { numerator: v.numerator, denominator: v.denominator, value: v.value });
    }
    return { ...r!, values };
  }
  const count = (value: number) => ({ numerator: null, denominator: null, value });

  it('derives the total from the parts when the total row is empty', async () => {
    const r = await importFilled({ '9/NAM/U6': { G: 2 }, '9/NAM/U11': { G: 3 }, '9/NAM/U16': { G: 0 }, '9/NU/U6': { G: 1 }, '9/NU/U11': { G: 0 }, '9/NU/U16': { G: 4 } });
    expect(r.outcome).toBe('imported');
    expect(r.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(r.values.get('9')).toEqual(count(10));
    expect(r.values.get('9/NU/U16')).toEqual(count(4));
  });

  it('says so when some parts were left empty, and derives the total from those given', async () => {
    const r = await importFilled({ '9/NAM/U6': { G: 2 }, '9/NU/U6': { G: 5 } });
    expect(r.outcome).toBe('imported');
    expect(r.values.get('9')).toEqual(count(7));
    expect(r.problems.filter((p) => p.severity !== 'info').map((p) => p.message)).toEqual([
      `${r.fileName} › Chỉ tiêu › G9: chỉ tiêu 9: 2/6 nhóm phân tổ có số liệu; Tổng số (7) được tính từ các nhóm đã nhập. Nếu nhóm còn trống là 0, hãy nhập 0.`,
    ]);
  });

  it('takes a total without parts as the total only, and the merge names the unit', async () => {
    const r = await importFilled({ '9': { G: 12 } });
    expect(r.outcome).toBe('imported');
    expect([...r.values.keys()]).toEqual(['9']);
    const view = await call(backend, 'merge-get', { periodId: env.period.id });
    expect(view.rows.find((x) => x.code === '9')!.breakdown!.withoutBreakdown).toEqual([env.districts[unit - 1]!.id]);
  });

  it('accepts a total that its parts add up to', async () => {
    const r = await importFilled({ '9': { G: 5 }, '9/NAM/U6': { G: 2 }, '9/NU/U16': { G: 3 } });
    expect(r.outcome).toBe('imported');
    expect(r.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(r.values.get('9')).toEqual(count(5));
  });

  it('refuses a total its parts do not add up to, naming file, sheet, cell, the measure and both figures, and writes nothing', async () => {
    const before = await call(backend, 'period-status', { id: env.period.id });
    const r = await importFilled({ '9': { G: '1.234' }, '9/NAM/U6': { G: 1000 }, '9/NU/U6': { G: 233 }, '9.2': { G: 3 } });
    expect(r.outcome).toBe('rejected');
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      `${r.fileName} › Chỉ tiêu › G9: chỉ tiêu 9 (Số trẻ em bị xâm hại): dòng Tổng số ghi 1.234 nhưng các nhóm phân tổ (G10:G15) cộng lại là 1.233. Hãy sửa cho khớp, hoặc để trống dòng Tổng số để TongHop tự tính`,
    ]);
    expect(r.reportId).toBeNull();
    // Nothing of the file was written, not even the measure without breakdown.
    const after = await call(backend, 'period-status', { id: env.period.id });
    expect(after!.units.find((u) => u.unitId === r.unitId)).toMatchObject({ status: 'has_errors', reportId: null });
    expect(after!.counts.valid + after!.counts.received).toBe(before!.counts.valid + before!.counts.received);
  });

  it('checks a rate by the numerators and the denominators of its parts', async () => {
    const ok = await importFilled({ '10': { E: 790, F: 800 }, '10/NAM': { E: 400, F: 405 }, '10/NU': { E: 390, F: 395 } });
    expect(ok.outcome).toBe('imported');
    expect(ok.values.get('10')).toMatchObject({ numerator: 790, denominator: 800 });
    expect(ok.values.get('10/NU')).toMatchObject({ numerator: 390, denominator: 395 });

    const derived = await importFilled({ '10/NAM': { E: '400', F: '405' }, '10/NU': { E: 390, F: 395 } });
    expect(derived.values.get('10')).toMatchObject({ numerator: 790, denominator: 800, value: 98.75 });

    const bad = await importFilled({ '10': { E: 790, F: 810 }, '10/NAM': { E: 400, F: 405 }, '10/NU': { E: 390, F: 395 } });
    expect(bad.outcome).toBe('rejected');
    expect(bad.problems.find((p) => p.severity === 'error')!.message).toBe(
      `${bad.fileName} › Chỉ tiêu › F18: chỉ tiêu 10 (Tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh): mẫu số ở dòng Tổng số là 810 nhưng mẫu số các nhóm phân tổ (F19:F20) cộng lại là 800. Hãy sửa cho khớp, hoặc để trống dòng Tổng số để TongHop tự tính`,
    );
  });

  it('checks every part like any value, and refuses a part row the breakdown does not have', async () => {
    const bad = await importFilled({ '9/NAM/U6': { G: 'hai' }, '10/NU': { E: 400, F: 395 } });
    expect(bad.outcome).toBe('rejected');
    const messages = bad.problems.filter((p) => p.severity === 'error').map((p) => p.message);
    expect(messages[0]).toMatch(new RegExp(`^${bad.fileName.replace(/[.()]/g, '\\$&')} › Chỉ tiêu › G10: `));
    expect(messages[1]).toBe(`${bad.fileName} › Chỉ tiêu › E20: tử số (400) lớn hơn mẫu số (395)`);

    // A template made before an option was removed: its row is unknown now.
    const d = env.districts[unit++]!;
    const t = await call(backend, 'template-build', { periodId: env.period.id, unitId: d.id });
    const bytes = fillTemplate(Buffer.from(t.dataBase64, 'base64'), { '9/NAM/U6': { G: 1, A: '9/NAM/U99' } });
    const [r] = await call(backend, 'report-import', { files: [{ fileName: t.fileName, dataBase64: bytes.toString('base64') }] });
    expect(r!.outcome).toBe('rejected');
    expect(r!.problems.find((p) => p.severity === 'error')!.message).toBe(
      `${t.fileName} › Chỉ tiêu › A10: dòng phân tổ "9/NAM/U99" không có trong phân tổ "Giới tính × Nhóm tuổi" của chỉ tiêu 9 (phân tổ có thể đã sửa sau khi gửi biểu mẫu); hãy dùng biểu mẫu mới xuất cho kỳ này`,
    );
  });
});
