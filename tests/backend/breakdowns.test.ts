/**
 * A broken-down measure through the whole chain: template → filled (by SheetJS, and re-saved by
 * LibreOffice Calc as .xlsx, .xls and .ods) → import → merge → submission .xlsx read back → PDF
 * text. Every combination's total is computed here independently of TongHop.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Backend } from '../../electron/backend/index';
import type { MergeView } from '../../shared/api/types';
import { formatVnNumber } from '../../shared/domain/vn-number';
import { call, tempDir, testBackend } from '../helpers/backend';
import { AGES, SEXES, breakdownProvince } from '../helpers/breakdown-province';
import { fillTemplate, type Fill } from '../helpers/fill-template';
import { resaveWithCalc, withoutOffice, type OfficeFormat } from '../helpers/libreoffice';

const hasPoppler = fs.existsSync('/usr/bin/pdftotext');
const COMBOS = SEXES.flatMap((s) => AGES.map((a) => ({ key: `${s.code}/${a.code}`, label: `${s.name} · ${a.name}` })));

/** District i's figures: abused children per combination, births per sex. */
function figures(i: number) {
  const abused = Object.fromEntries(COMBOS.map((c, j) => [c.key, (i * 3 + j * 2) % 7]));
  const births: Record<'NAM' | 'NU', [number, number]> = { NAM: [400 + 10 * i, 410 + 10 * i], NU: [380 + 7 * i, 395 + 9 * i] };
  return { abused, births, plain: i + 2 };
}

/** District 5 gives the abused children as a total only. */
function fills(i: number, totalsOnly: boolean): Record<string, Fill> {
  const f = figures(i);
  return {
    ...(totalsOnly ? { '9': { G: Object.values(f.abused).reduce((a, b) => a + b, 0) } } : Object.fromEntries(COMBOS.map((c) => [`9/${c.key}`, { G: f.abused[c.key]! }]))),
    '9.2': { G: f.plain },
    // Numbers typed the Vietnamese way in one part.
    '10/NAM': { E: formatVnNumber(f.births.NAM[0]), F: f.births.NAM[1] },
    '10/NU': { E: f.births.NU[0], F: f.births.NU[1] },
  };
}

describe('a broken-down measure from template to PDF', () => {
  let backend: Backend;
  let env: Awaited<ReturnType<typeof breakdownProvince>>;
  let view: MergeView;

  beforeAll(async () => {
    backend = await testBackend({ now: new Date('2026-06-01T03:00:00Z') });
    env = await breakdownProvince(backend, 5);
  });
  afterAll(() => backend.close());

  it('writes a template with one input row per combination under the total, labelled', async () => {
    const t = await call(backend, 'template-build', { periodId: env.period.id, unitId: env.districts[0]!.id });
    const wb = XLSX.read(Buffer.from(t.dataBase64, 'base64'), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Chỉ tiêu']!, { header: 1, defval: '' });
    const at = rows.findIndex((r) => r[0] === '9');
    expect(rows[at]![1]).toBe('Số trẻ em bị xâm hại (Tổng số)');
    expect(rows.slice(at + 1, at + 7).map((r) => [r[0], r[1]])).toEqual(COMBOS.map((c) => [`9/${c.key}`, `– ${c.label}`]));
    expect(rows[at + 7]![0]).toBe('9.2');
    const births = rows.findIndex((r) => r[0] === '10');
    expect(rows.slice(births + 1, births + 3).map((r) => r[1])).toEqual(['– Nam', '– Nữ']);
    expect(String(rows[3]![0])).toContain('Chỉ tiêu có phân tổ');
  });

  it.skipIf(withoutOffice)('imports the filled files (SheetJS, and LibreOffice .xlsx, .xls, .ods), merges every combination and exports them', async () => {
    const formats: (OfficeFormat | null)[] = [null, 'xlsx', 'xls', 'ods', null];
    const files = [];
    for (const [i, d] of env.districts.entries()) {
      const t = await call(backend, 'template-build', { periodId: env.period.id, unitId: d.id });
      const filled = fillTemplate(Buffer.from(t.dataBase64, 'base64'), fills(i, i === 4));
      const format = formats[i]!;
      const bytes = format ? resaveWithCalc(filled, format) : filled;
      files.push({ fileName: format ? `huyen-${i + 1}.${format}` : t.fileName, dataBase64: bytes.toString('base64') });
    }
    const results = await call(backend, 'report-import', { files, periodId: env.period.id });
    for (const r of results) {
      expect(r.problems.filter((p) => p.severity === 'error'), r.fileName).toEqual([]);
      expect(r.outcome, r.fileName).toBe('imported');
    }

    view = await call(backend, 'merge-get', { periodId: env.period.id });
    const abused = view.rows.find((r) => r.code === '9')!;
    const births = view.rows.find((r) => r.code === '10')!;
    // Independently: each combination adds up over districts 1–4 (district 5 gave no breakdown);
    // the total adds up over all five.
    for (const [j, c] of COMBOS.entries()) {
      const expected = [0, 1, 2, 3].reduce((s, i) => s + figures(i).abused[c.key]!, 0);
      const part = abused.breakdown!.parts[j]!;
      expect(part.label).toBe(c.label);
      expect(part.total.value, c.label).toBe(expected);
    }
    const allAbused = [0, 1, 2, 3, 4].reduce((s, i) => s + Object.values(figures(i).abused).reduce((a, b) => a + b, 0), 0);
    expect(abused.total.value).toBe(allAbused);
    expect(abused.breakdown!.withoutBreakdown).toEqual([env.districts[4]!.id]);
    for (const sex of ['NAM', 'NU'] as const) {
      const [num, den] = [0, 1, 2, 3, 4].reduce(([n, d], i) => [n + figures(i).births[sex][0], d + figures(i).births[sex][1]], [0, 0]);
      const part = births.breakdown!.parts.find((p) => p.key === sex)!;
      expect(part.total).toMatchObject({ numerator: num, denominator: den });
      expect(part.total.value).toBeCloseTo((num / den) * 100, 10);
    }
    const [bn, bd] = [0, 1, 2, 3, 4].reduce(([n, d], i) => [n + figures(i).births.NAM[0] + figures(i).births.NU[0], d + figures(i).births.NAM[1] + figures(i).births.NU[1]], [0, 0]);
    expect(births.total).toMatchObject({ numerator: bn, denominator: bd });
    // A unit's own parts, for the drill-down: asked for when a measure is opened, the same totals.
    expect(abused.breakdown!.cellsIncluded).toBe(false);
    const opened = await call(backend, 'merge-breakdown', { periodId: env.period.id, measureId: abused.measureId });
    expect(opened.cellsIncluded).toBe(true);
    expect(opened.parts[0]!.cells[env.districts[1]!.id]!.value).toBe(figures(1).abused[COMBOS[0]!.key]);
    expect(opened.parts.map((p) => p.total)).toEqual(abused.breakdown!.parts.map((p) => p.total));
    expect(opened.withoutBreakdown).toEqual(abused.breakdown!.withoutBreakdown);

    // The submission .xlsx: total row, then one row per combination.
    const sub = await call(backend, 'merge-export', { periodId: env.period.id });
    const wb = XLSX.read(Buffer.from(sub.dataBase64, 'base64'), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['Phụ lục']!, { header: 1, defval: '' });
    const at = rows.findIndex((r) => r[0] === '9');
    expect(rows[at]![4]).toBe(allAbused);
    for (const [j, c] of COMBOS.entries()) {
      expect(rows[at + 1 + j]![1]).toBe(`– ${c.label}`);
      expect(rows[at + 1 + j]![4]).toBe(abused.breakdown!.parts[j]!.total.value);
    }
    expect(rows[at + 1 + COMBOS.length]![1]).toBe('Chưa phân tổ (chỉ có Tổng số): Huyện Số 5');
    // The district's own sheet carries its parts too.
    const own = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['Huyện Số 2']!, { header: 1, defval: '' });
    const ownAt = own.findIndex((r) => r[0] === '9');
    expect(own[ownAt + 1]![5]).toBe(figures(1).abused[COMBOS[0]!.key]);

    // The saved compiled report keeps the parts, and the file for the level above carries them.
    const saved = await call(backend, 'merge-save', { periodId: env.period.id });
    const report = await call(backend, 'report-get', { id: saved.reportId });
    expect(report.values.filter((v) => v.measureCode === '9')).toHaveLength(1 + COMBOS.length);
    const national = await call(backend, 'period-create', {
      planId: env.plan.id, parentUnitId: env.ministry.id, kind: 'half_year', year: 2026, name: '6 tháng đầu năm 2026 (toàn quốc)', dataFrom: '2025-12-15', dataTo: '2026-06-14',
      deadlines: [{ level: 'department', dueOn: '2026-06-10' }],
    });
    const up = await call(backend, 'merge-export-upstream', { periodId: env.period.id });
    const upRows = XLSX.utils.sheet_to_json<(string | number)[]>(XLSX.read(Buffer.from(up.dataBase64, 'base64'), { type: 'buffer' }).Sheets['Chỉ tiêu']!, { header: 1, defval: '' });
    // Births' parts add up (every district gave them) and go up; the abused children's do not
    // (district 5 gave a total only), so they go up as the total, with a note saying why.
    for (const sex of ['NAM', 'NU']) expect(upRows.find((r) => r[0] === `10/${sex}`)![4]).toBe(births.breakdown!.parts.find((p) => p.key === sex)!.total.numerator);
    for (const c of COMBOS) expect(upRows.find((r) => r[0] === `9/${c.key}`)![6]).toBe('');
    expect(upRows.find((r) => r[0] === '9')![6]).toBe(allAbused);
    expect(upRows.find((r) => r[0] === '9')![7]).toBe('Chưa phân tổ (chỉ có Tổng số): Huyện Số 5.');
    expect(up.notes).toEqual(['Chỉ tiêu 9 chỉ gửi Tổng số, không gửi phân tổ, vì Huyện Số 5 chưa báo cáo phân tổ.']);
    const [taken] = await call(backend, 'report-import', { files: [{ fileName: up.fileName, dataBase64: up.dataBase64 }] });
    expect(taken!.problems).toEqual([]);
    expect(taken).toMatchObject({ outcome: 'imported', periodId: national.id, unitName: 'Tỉnh Phân Tổ' });
    const above = (await call(backend, 'merge-get', { periodId: national.id })).rows.find((r) => r.code === '9')!;
    expect(above.total.value).toBe(allAbused);
    expect(above.breakdown!.withoutBreakdown).toEqual([env.prov.id]);
    const birthsAbove = (await call(backend, 'merge-get', { periodId: national.id })).rows.find((r) => r.code === '10')!;
    expect(birthsAbove.breakdown!.parts.map((p) => p.total)).toEqual(births.breakdown!.parts.map((p) => ({ numerator: p.total.numerator, denominator: p.total.denominator, value: p.total.value })));
  }, 300_000);

  it.skipIf(!hasPoppler || withoutOffice)('prints the breakdown in the PDF appendix', async () => {
    const doc = await call(backend, 'document-settings-get', { periodId: env.period.id });
    const pdf = await call(backend, 'merge-pdf', { periodId: env.period.id, document: { ...doc, signerName: 'Nguyễn Văn A' } });
    const file = path.join(tempDir(), 'bao-cao.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.dataBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const abused = view.rows.find((r) => r.code === '9')!;
    expect(text).toContain('Phân tổ theo Giới tính × Nhóm tuổi');
    for (const a of AGES) expect(text).toContain(a.name);
    // The row of "Nam": its three age groups and their sum, as printed.
    const nam = abused.breakdown!.parts.slice(0, 3).map((p) => formatVnNumber(p.total.value!));
    const namSum = formatVnNumber(abused.breakdown!.parts.slice(0, 3).reduce((s, p) => s + p.total.value!, 0));
    expect(text).toMatch(new RegExp(`Nam\\s+${nam.join('\\s+')}\\s+${namSum}`));
    expect(text.replace(/\s+/g, ' ')).toContain('Chưa phân tổ (chỉ có Tổng số): Huyện Số 5');
  }, 60_000);
});

describe('the parts of a three-tier tree, summed in SQL and rolled up in JavaScript alike', () => {
  it('agrees on every part: own figures win over the units under them, districts without a report take their communes, departments stay out', async () => {
    const backend = await testBackend({ now: new Date('2026-06-01T03:00:00Z') });
    try {
      const env = await breakdownProvince(backend, 4);
      const commune = async (code: string, parentId: number) => (await call(backend, 'unit-create', { code, name: `Xã ${code}`, kind: 'commune', parentId, validFrom: '2020-01-01' })).id;
      const dept = (await call(backend, 'unit-create', { code: 'SO', name: 'Sở Thử', kind: 'department', parentId: env.prov.id, validFrom: '2020-01-01' })).id;
      const [d1, d2, d3, d4] = env.districts.map((d) => d.id) as [number, number, number, number];
      const c = { a: await commune('A', d1), b: await commune('B', d1), c: await commune('C', d2), d: await commune('D', d3), e: await commune('E', d3), f: await commune('F', d4) };
      const empty = { numerator: null, denominator: null, value: null, textValue: null, note: null };
      const combo = (m: typeof env.abused, key: string) => m.breakdown!.combos.find((x) => x.key === key)!.id;
      const type = (unitId: number, parts: Record<string, number>, total?: number, rate?: Record<string, [number, number]>) =>
        call(backend, 'report-entry-save', {
          periodId: env.period.id,
          unitId,
          values: [
            ...Object.entries(parts).map(([k, value]) => ({ ...empty, measureId: env.abused.id, optionComboId: combo(env.abused, k), value })),
            ...(total !== undefined ? [{ ...empty, measureId: env.abused.id, value: total }] : []),
            ...Object.entries(rate ?? {}).map(([k, [numerator, denominator]]) => ({ ...empty, measureId: env.births.id, optionComboId: combo(env.births, k), numerator, denominator })),
          ],
        });
      // District 1 reports its own parts (its communes' are not counted); district 2 nothing (its commune counts);
      // district 3 its total only (its communes' parts count for the parts); district 4 a part its commune also has.
      await type(d1, { 'NAM/U6': 5, 'NU/U11': 2 }, undefined, { NAM: [40, 50] });
      await type(c.a, { 'NAM/U6': 100 }, undefined, { NAM: [1, 2] });
      await type(c.b, { 'NU/U16': 7 });
      await type(c.c, { 'NAM/U6': 3, 'NU/U6': 1 }, undefined, { NU: [9, 10] });
      await type(d3, {}, 20);
      await type(c.d, { 'NAM/U11': 4 }, undefined, { NAM: [3, 4], NU: [5, 8] });
      await type(c.e, { 'NU/U16': 6 });
      await type(d4, { 'NAM/U16': 2 });
      await type(c.f, { 'NAM/U16': 50, 'NU/U6': 9 });
      // The department does not report these measures (typing them is refused); a value it has
      // all the same (a report from before who reports what was set) stays out of the sums.
      expect((await backend.dispatch('report-entry-save', { periodId: env.period.id, unitId: dept, values: [{ ...empty, measureId: env.abused.id, value: 1 }] })).ok).toBe(false);
      const raw = backend.database.raw;
      const deptReport = Number(raw.prepare("INSERT INTO report (period_id, unit_id, revision, is_current, status, source, received_at) VALUES (?, ?, 1, 1, 'valid', 'typed', '2026-06-01')").run(env.period.id, dept).lastInsertRowid);
      raw.prepare('INSERT INTO report_value (report_id, measure_id, option_combo_id, value) VALUES (?, ?, ?, 1000)').run(deptReport, env.abused.id, combo(env.abused, 'NAM/U6'));
      raw.prepare('INSERT INTO report_value (report_id, measure_id, option_combo_id, numerator, denominator, value) VALUES (?, ?, ?, 999, 1000, 99.9)').run(deptReport, env.births.id, combo(env.births, 'NAM'));

      const screen = await call(backend, 'merge-get', { periodId: env.period.id });
      for (const measureId of [env.abused.id, env.births.id]) {
        const summed = screen.rows.find((r) => r.measureId === measureId)!.breakdown!;
        const rolled = await call(backend, 'merge-breakdown', { periodId: env.period.id, measureId });
        expect(summed.parts.map((p) => [p.key, p.total])).toEqual(rolled.parts.map((p) => [p.key, p.total]));
        expect([...summed.withoutBreakdown].sort()).toEqual([...rolled.withoutBreakdown].sort());
      }
      // And by hand: Nam · Dưới 6 tuổi = district 1 (5) + commune C (3); the department and commune A stay out.
      const abused = screen.rows.find((r) => r.measureId === env.abused.id)!.breakdown!;
      expect(abused.parts.find((p) => p.key === 'NAM/U6')!.total.value).toBe(8);
      expect(abused.parts.find((p) => p.key === 'NU/U16')!.total.value).toBe(13);
      expect(abused.parts.find((p) => p.key === 'NAM/U16')!.total.value).toBe(2);
      expect(abused.parts.find((p) => p.key === 'NU/U6')!.total.value).toBe(10);
      expect(abused.withoutBreakdown).toEqual([d3]);
      const births = screen.rows.find((r) => r.measureId === env.births.id)!.breakdown!;
      expect(births.parts.find((p) => p.key === 'NAM')!.total).toMatchObject({ numerator: 43, denominator: 54 });
      expect(births.parts.find((p) => p.key === 'NU')!.total).toMatchObject({ numerator: 14, denominator: 18 });
    } finally {
      await backend.close();
    }
  });
});
