/**
 * The charts' figures against an independent reckoning: a province of 6 communes and 20
 * departments over 3 years (the bench's territory), each total summed here in plain SQL from the
 * stored values, each assessment judged here; and the drawn SVG holds the labels and marks it should.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Dashboard, TrendChart, UnitsChart } from '../../shared/api/types';
import { COLOURS } from '../../electron/backend/charts/chart-options';
import { buildTerritory, type Territory } from '../bench/territory';
import { call, callError, tempDir } from '../helpers/backend';

describe('charts of a province over three years', () => {
  let t: Territory;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    t = await buildTerritory(dir, 'charts', { provinces: 0, communes: 6, years: 3 });
  }, 60_000);
  afterAll(async () => {
    await t.b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const last = () => t.periods.at(-1)!;
  /** Who a measure's total adds up, as the territory was built: the communes, or the lead and the cooperating departments. */
  const countedUnits = (i: number) => (i <= 40 ? t.communeIds : [t.departmentIds[i - 41]!, ...t.departmentIds.slice(10)]);
  /** The compiling unit's total of measure i (1-based) in a period, summed here from the stored rows. */
  const total = (periodId: number, i: number): number => {
    const m = t.measures[i - 1]!;
    const units = countedUnits(i);
    const row = t.b.database.raw
      .prepare(`SELECT sum(v.numerator) AS n, sum(v.denominator) AS d, sum(v.value) AS v FROM report_value v JOIN report r ON r.id = v.report_id
                 WHERE r.period_id = ? AND r.is_current = 1 AND v.measure_id = ? AND v.option_combo_id = 1 AND r.unit_id IN (${units.map(() => '?').join(',')})`)
      .get(periodId, m.id, ...units) as { n: number; d: number; v: number };
    return m.valueKind === 'rate' ? (row.n / row.d) * 100 : row.v;
  };
  const meets = (i: number, value: number) => value >= (t.measures[i - 1]!.valueKind === 'rate' ? 80 : 10);

  it('draws a trend of the annual periods with each total summed from the units\' rows', async () => {
    const i = 12;
    const trend: TrendChart = await call(t.b, 'chart-trend', { periodId: last().id, measureId: t.measures[i - 1]!.id });
    const annual = t.periods.filter((p) => p.kind === 'annual');
    expect(trend.points.map((p) => p.label)).toEqual(annual.map((p) => `Năm ${p.year}`));
    for (const [k, p] of annual.entries()) {
      expect(trend.points[k]!.value).toBeCloseTo(total(p.id, i), 9);
      expect(trend.points[k]!.assessment).toBe(meets(i, total(p.id, i)) ? 'met' : 'not_met');
    }
    expect(trend.scopeText).toBe(`Các kỳ báo cáo năm do Tỉnh Đo tổng hợp, ${annual[0]!.year}–${annual.at(-1)!.year} (giai đoạn của Kế hoạch đo charts)`);
    // One symbol per result, in its assessment's colour; the period names on the axis; figures the Vietnamese way.
    const symbols = trend.chart.svg.match(new RegExp(`stroke="(${COLOURS.met}|${COLOURS.not_met})"`, 'g')) ?? [];
    expect(symbols).toHaveLength(annual.length);
    for (const p of annual) expect(trend.chart.svg).toContain(`>Năm ${p.year}</text>`);
    const figure = total(annual[0]!.id, i).toFixed(trend.displayDecimals).replace('.', ',');
    expect(trend.chart.svg).toContain(`>${figure}</text>`);
    expect(trend.chart.svg).toContain('>Kết quả</text>');
    expect(trend.chart.svg).toContain('% (càng cao càng tốt)');
  });

  it('compares the communes on one rate, best first, one bar each in its assessment\'s colour', async () => {
    const i = 12;
    const m = t.measures[i - 1]!;
    const units: UnitsChart = await call(t.b, 'chart-units', { periodId: last().id, measureId: m.id });
    const own = t.communeIds.map((id) => {
      const r = t.b.database.raw.prepare('SELECT v.numerator AS n, v.denominator AS d FROM report_value v JOIN report r ON r.id = v.report_id WHERE r.period_id = ? AND r.unit_id = ? AND v.measure_id = ? AND v.option_combo_id = 1').get(last().id, id, m.id) as { n: number; d: number };
      return { id, value: (r.n / r.d) * 100 };
    });
    own.sort((a, b) => b.value - a.value || a.id - b.id);
    expect(units.bars.map((b) => b.value)).toEqual(own.map((o) => o.value));
    expect(units.withoutData).toEqual([]);
    const bars = units.chart.svg.match(new RegExp(`fill="(${COLOURS.met}|${COLOURS.not_met})"`, 'g')) ?? [];
    expect(bars).toHaveLength(6);
    expect(units.chart.svg).toContain('>Chỉ tiêu: 80</text>');
    for (const b of units.bars) expect(units.chart.svg).toContain(`>${b.name}</text>`);
  });

  it('counts the dashboard\'s results and names the measures furthest behind as reckoned here', async () => {
    const d: Dashboard = await call(t.b, 'dashboard-get', { periodId: last().id });
    const values = t.measures.map((_, k) => total(last().id, k + 1));
    const met = values.filter((v, k) => meets(k + 1, v)).length;
    expect(d.goals).toHaveLength(1);
    expect(d.goals[0]!.counts).toEqual({ met, not_met: 50 - met, no_data: 0, other: 0 });
    expect(d.measureCount).toBe(50);
    expect(d.withData).toBe(50);
    const gaps = values
      .map((v, k) => ({ code: t.measures[k]!.code, gap: meets(k + 1, v) ? 0 : ((t.measures[k]!.valueKind === 'rate' ? 80 : 10) - v) / (t.measures[k]!.valueKind === 'rate' ? 80 : 10) }))
      .filter((g) => g.gap > 0)
      .sort((a, b) => b.gap - a.gap || a.code.localeCompare(b.code, 'vi', { numeric: true }))
      .slice(0, 5);
    expect(d.furthest.map((f) => f.code)).toEqual(gaps.map((g) => g.code));
    for (const [k, f] of d.furthest.entries()) expect(f.gap).toBeCloseTo(gaps[k]!.gap, 9);
    // Every unit's report is dated the 1st of June of its year: 26 units on one day, against the deadline.
    expect(d.received).toMatchObject({ expected: 26, days: [{ date: `${last().year}-06-01`, count: 26 }] });
    expect(d.charts.received.svg).toContain('>Phải nhận: 26</text>');
    expect(d.charts.goals!.svg).toContain('>Mục tiêu I</text>');
    expect(d.charts.goals!.svg).toContain(`>${met}</text>`);
  });

  it('puts the figures behind the charts on a sheet of the submission workbook', async () => {
    const f = await call(t.b, 'merge-export', { periodId: last().id });
    const wb = XLSX.read(Buffer.from(f.dataBase64, 'base64'));
    expect(wb.SheetNames.slice(0, 4)).toEqual(['Phụ lục', 'Nội dung', 'Theo đơn vị', 'Số liệu biểu đồ']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Số liệu biểu đồ']!, { header: 1, defval: null });
    const annual = t.periods.filter((p) => p.kind === 'annual');
    const header = rows.find((r) => r[0] === 'Mã' && r[1] === 'Chỉ tiêu' && r[2] === 'ĐVT')!;
    expect(header.slice(3, 3 + 2 * annual.length)).toEqual(annual.flatMap((p) => [`Năm ${p.year}`, `Chỉ tiêu ${p.year}`]));
    const m = t.measures[11]!;
    const line = rows.find((r) => r[0] === m.code && r[2] === '%')!;
    annual.forEach((p, k) => {
      expect(line[3 + 2 * k] as number).toBeCloseTo(total(p.id, 12), 9);
      expect(line[4 + 2 * k]).toBe('80');
    });
    const goal = rows.find((r) => r[0] === 'I')!;
    const values = t.measures.map((_, k) => total(last().id, k + 1));
    expect(goal.slice(2, 6)).toEqual([values.filter((v, k) => meets(k + 1, v)).length, values.filter((v, k) => !meets(k + 1, v)).length, 0, 0]);
    expect(rows.some((r) => r[0] === `01/06/${last().year}` && r[1] === 26)).toBe(true);
  });

  it('draws SVG that the strict CSP and svg-to-pdfkit take: no style attributes or elements, no scripts, names escaped', async () => {
    const id = t.communeIds[0]!;
    t.b.database.raw.prepare('UPDATE org_unit_version SET name = ? WHERE unit_id = ?').run('Xã <script>alert(1)</script> & "Đông"', id);
    const units: UnitsChart = await call(t.b, 'chart-units', { periodId: last().id, measureId: t.measures[11]!.id });
    const svg = units.chart.svg;
    expect(svg).not.toMatch(/ style="|<style|<script|\bclass="|zr\d+-/);
    expect(svg).toContain('Xã &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Đông&quot;');
    expect(svg).toMatch(/font-family="'Segoe UI'/);
    fs.writeFileSync(path.join(dir, 'units.svg'), svg);
  });

  it('says in Vietnamese what is wrong with a measure or a period that is not there', async () => {
    expect((await callError(t.b, 'chart-units', { periodId: last().id, measureId: 999_999 })).message).toContain('chỉ số số 999999');
    expect((await callError(t.b, 'chart-trend', { measureId: 999_999 })).message).toContain('chỉ số số 999999');
  });
});
