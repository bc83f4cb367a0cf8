/**
 * The tree as of each period: reorganisations as dated changes (preview, confirm, undo), roll-up
 * through the period's tree, year-on-year through successors, and documents that follow the period.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import type { MergeView, PeriodDto } from '../../shared/api/types';
import { call, callError, testBackend } from '../helpers/backend';

const empty = { numerator: null, denominator: null, value: null, textValue: null, note: null };

/** Creates units from 2020, keeping their ids by code; a parent is named by its code. */
function unitMaker(backend: Backend, ids: Record<string, number>) {
  return async (code: string, name: string, kind: 'province' | 'district' | 'commune' | 'department', parent: string | null) =>
    (ids[code] = (await call(backend, 'unit-create', { code, name, kind, parentId: parent ? ids[parent]! : null, validFrom: '2020-01-01' })).id);
}

/** Raw commune reports: a count and a rate (numerator, denominator), the same in every period. */
const RAW: Record<string, { count: number; rate: [number, number] }> = {
  C1: { count: 2, rate: [30, 40] },
  C2: { count: 1, rate: [12, 25] },
  C3: { count: 4, rate: [7, 20] },
  C4: { count: 3, rate: [45, 50] },
};

describe('a province that goes from three tiers to two', () => {
  let backend: Backend;
  const ids: Record<string, number> = {};
  const periods: Record<string, PeriodDto> = {};

  const saveCommunes = async (period: PeriodDto, units: Record<string, string[]>) => {
    for (const [unit, sources] of Object.entries(units)) {
      const count = sources.reduce((s, c) => s + RAW[c]!.count, 0);
      const [n, d] = sources.reduce(([a, b], c) => [a + RAW[c]!.rate[0], b + RAW[c]!.rate[1]], [0, 0]);
      await call(backend, 'report-entry-save', {
        periodId: period.id,
        unitId: ids[unit]!,
        values: [
          { ...empty, measureId: ids.count!, value: count },
          { ...empty, measureId: ids.rate!, numerator: n, denominator: d },
        ],
      });
    }
  };
  const merge = (period: PeriodDto) => call(backend, 'merge-get', { periodId: period.id });
  const row = (view: MergeView, code: string) => view.rows.find((r) => r.code === code)!;

  beforeAll(async () => {
    backend = await testBackend({ now: new Date('2026-07-10T03:00:00Z') });
    const unit = unitMaker(backend, ids);
    await unit('P', 'Tỉnh Thử', 'province', null);
    await unit('D1', 'Huyện Một', 'district', 'P');
    await unit('D2', 'Huyện Hai', 'district', 'P');
    await unit('C1', 'Xã An', 'commune', 'D1');
    await unit('C2', 'Xã Bình', 'commune', 'D1');
    await unit('C3', 'Xã Cường', 'commune', 'D2');
    await unit('C4', 'Xã Dũng', 'commune', 'D2');
    await unit('SYT', 'Sở Y tế', 'department', 'P');
    const plan = await call(backend, 'plan-create', { number: '', title: 'Kế hoạch thử', issuerName: '', issuedOn: null, yearFrom: 2024, yearTo: 2026, parentPlanId: null });
    const goal = await call(backend, 'goal-save', { planId: plan.id, code: 'I', title: 'Mục tiêu' });
    const measure = async (code: string, o: Record<string, unknown>) => {
      const ind = await call(backend, 'indicator-save', { goalId: goal.id, code, title: code });
      return (await call(backend, 'measure-save', { indicatorId: ind.id, code, name: code, leadUnitId: null, cooperatingUnitIds: [], direction: 'at_least', targets: [], ...o } as never)).id;
    };
    ids.count = await measure('1', { unitLabel: 'Xã', valueKind: 'count', rateFactor: null, rollup: 'sum' });
    ids.rate = await measure('2', { unitLabel: '%', valueKind: 'rate', rateFactor: 100, rollup: 'ratio' });
    for (const year of [2024, 2025, 2026]) {
      periods[year] = await call(backend, 'period-create', {
        planId: plan.id,
        parentUnitId: ids.P!,
        kind: 'half_year',
        year,
        name: `6 tháng đầu năm ${year}`,
        dataFrom: `${year - 1}-12-15`,
        dataTo: `${year}-06-14`,
        deadlines: [{ level: 'district', dueOn: `${year}-06-05` }],
      });
    }
  });
  afterAll(() => backend.close());

  it('previews a reorganisation without keeping anything, then applies it as one change', async () => {
    const request = {
      effectiveOn: '2025-07-01',
      title: 'Chính quyền địa phương 2 cấp',
      steps: [
        { op: 'dissolve' as const, unitId: ids.D1!, childrenTo: ids.P! },
        { op: 'dissolve' as const, unitId: ids.D2!, childrenTo: ids.P! },
        // C3 + C4 become a new commune: the A+B→C of the year-on-year test.
        { op: 'merge' as const, sourceIds: [ids.C3!, ids.C4!], into: { unit: { name: 'Xã Cường Dũng', kind: 'commune' as const, parentId: ids.P! } } },
      ],
    };
    const preview = await call(backend, 'org-reorganise', { ...request, preview: true });
    expect(preview.change).toBeNull();
    expect(preview.summary).toEqual([
      'Giải thể Huyện Một; 2 đơn vị trực thuộc chuyển về Tỉnh Thử.',
      'Giải thể Huyện Hai; 2 đơn vị trực thuộc chuyển về Tỉnh Thử.',
      'Sáp nhập Xã Cường và Xã Dũng vào đơn vị mới Xã Cường Dũng.',
    ]);
    expect(preview.before.filter((u) => u.marks.includes('ended')).map((u) => u.name).sort()).toEqual(['Huyện Hai', 'Huyện Một', 'Xã Cường', 'Xã Dũng']);
    const created = preview.after.find((u) => u.marks.includes('new'))!;
    expect(created).toMatchObject({ name: 'Xã Cường Dũng', parentId: ids.P });
    expect(preview.after.find((u) => u.id === ids.C1)!.marks).toEqual(['moved']);
    // Nothing was kept.
    expect((await call(backend, 'unit-list', { asOf: '2025-07-01' })).map((u) => u.name)).toContain('Huyện Một');
    expect(await call(backend, 'org-changes', {})).toHaveLength(8); // the eight unit creations only

    const applied = await call(backend, 'org-reorganise', request);
    expect(applied.change).toMatchObject({ kind: 'reorganise', title: 'Chính quyền địa phương 2 cấp', undoable: true });
    const after = await call(backend, 'unit-list', { asOf: '2025-07-01' });
    ids.C34 = after.find((u) => u.name === 'Xã Cường Dũng')!.id;
    expect(after.filter((u) => u.parentId === ids.P).map((u) => u.name).sort()).toEqual(['Sở Y tế', 'Xã An', 'Xã Bình', 'Xã Cường Dũng']);
    const before = await call(backend, 'unit-list', { asOf: '2025-06-30' });
    expect(before.find((u) => u.id === ids.C1)!.parentId).toBe(ids.D1);
    const merged = (await call(backend, 'unit-get', { id: ids.C34! }));
    expect(merged.predecessors.map((p) => p.name).sort()).toEqual(['Xã Cường', 'Xã Dũng']);
  });

  it('the same raw values give the same province totals through three tiers (2024) and two (2026)', async () => {
    await saveCommunes(periods[2024]!, { C1: ['C1'], C2: ['C2'], C3: ['C3'], C4: ['C4'] });
    await saveCommunes(periods[2026]!, { C1: ['C1'], C2: ['C2'], C34: ['C3', 'C4'] });
    const old = await merge(periods[2024]!);
    const now = await merge(periods[2026]!);
    expect(old.tiers).toBe(3);
    expect(now.tiers).toBe(2);
    // The department owes nothing here (both measures come from the territory): it is not expected.
    expect(old.units.map((u) => u.name)).toEqual(['Huyện Hai', 'Huyện Một']);
    expect(now.units.map((u) => u.name)).toEqual(['Xã An', 'Xã Bình', 'Xã Cường Dũng']);
    // Districts sent nothing themselves: their figures are their communes' rolled up.
    expect(row(old, '1').cells[ids.D1!]).toMatchObject({ value: 3, derivedFrom: 2 });
    expect(row(old, '2').cells[ids.D2!]).toMatchObject({ numerator: 52, denominator: 70, derivedFrom: 2 });
    const count = 2 + 1 + 4 + 3;
    const rate = ((30 + 12 + 7 + 45) / (40 + 25 + 20 + 50)) * 100;
    for (const view of [old, now]) {
      expect(row(view, '1').total.value).toBe(count);
      expect(row(view, '2').total.value).toBeCloseTo(rate, 10);
      expect(row(view, '2').total).toMatchObject({ numerator: 94, denominator: 135 });
    }
    // A district's own report (its file) wins over its communes' roll-up.
    await call(backend, 'report-entry-save', { periodId: periods[2024]!.id, unitId: ids.D1!, values: [{ ...empty, measureId: ids.count!, value: 9 }] });
    const withDistrict = await merge(periods[2024]!);
    expect(row(withDistrict, '1').cells[ids.D1!]).toEqual({ numerator: null, denominator: null, value: 9 });
    expect(row(withDistrict, '1').total.value).toBe(9 + 4 + 3);
  });

  it('after A+B→C, C is compared with A+B for a count and Σnum/Σden for a rate', async () => {
    await saveCommunes(periods[2025]!, { C1: ['C1'], C2: ['C2'], C3: ['C3'], C4: ['C4'] });
    const view = await merge(periods[2026]!);
    const count = row(view, '1');
    const rate = row(view, '2');
    expect(count.previous).toEqual({ value: 10, periodName: '6 tháng đầu năm 2025' });
    expect(count.previousByUnit[ids.C34!]).toMatchObject({ value: 4 + 3, fromUnits: ['Xã Cường', 'Xã Dũng'], note: null });
    expect(rate.previousByUnit[ids.C34!]).toMatchObject({ numerator: 52, denominator: 70, fromUnits: ['Xã Cường', 'Xã Dũng'] });
    expect(rate.previousByUnit[ids.C34!]!.value).toBeCloseTo((52 / 70) * 100, 10);
    expect(rate.previousByUnit[ids.C34!]!.value).not.toBeCloseTo((7 / 20 + 45 / 50) * 50, 3); // not the mean of the rates
    // A commune that did not change compares with itself.
    expect(count.previousByUnit[ids.C1!]).toMatchObject({ value: 2, fromUnits: null });
  });

  it('undoes only the latest change, exactly, and not once a new unit has reports', async () => {
    const refused = await callError(backend, 'org-undo', { changeId: (await call(backend, 'org-changes', {})).at(-1)!.id });
    expect(refused.message).toContain('Chỉ hoàn tác được thay đổi gần nhất ("Chính quyền địa phương 2 cấp")');
    const latest = (await call(backend, 'org-changes', {}))[0]!;
    const blocked = await callError(backend, 'org-undo', { changeId: latest.id });
    expect(blocked.message).toMatch(/^Không thể hoàn tác "Chính quyền địa phương 2 cấp": đơn vị mới \(mã P\.X-CUONGDUNG\) đã có báo cáo/);

    // A rename on top, then undone: the tree is what it was, and the change stays on record as undone.
    const renamed = await call(backend, 'unit-rename', { id: ids.C1!, name: 'Phường An', effectiveOn: '2026-01-01' });
    expect(renamed.name).toBe('Phường An');
    const change = (await call(backend, 'org-changes', {}))[0]!;
    expect(change).toMatchObject({ kind: 'rename', undoable: true });
    const undone = await call(backend, 'org-undo', { changeId: change.id });
    expect(undone.undoneAt).not.toBeNull();
    const c1 = await call(backend, 'unit-get', { id: ids.C1! });
    expect(c1.name).toBe('Xã An');
    expect(c1.versions.map((v) => v.validTo)).toEqual(['2025-07-01', null]);
    expect((await call(backend, 'org-changes', {}))[1]!.undoable).toBe(true); // the reorganisation is latest again
  });
});

describe('splits and duties', () => {
  let backend: Backend;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    backend = await testBackend({ now: new Date('2026-07-10T03:00:00Z') });
    const unit = unitMaker(backend, ids);
    await unit('P', 'Tỉnh Thử', 'province', null);
    await unit('D', 'Huyện Lớn', 'district', 'P');
    await unit('C1', 'Xã Một', 'commune', 'D');
    await unit('C2', 'Xã Hai', 'commune', 'D');
    await unit('L', 'Sở Lao động - Thương binh và Xã hội', 'department', 'P');
    await unit('Y', 'Sở Y tế', 'department', 'P');
  });
  afterAll(() => backend.close());

  it('splits a unit: every child must go to one part, and the parts succeed it', async () => {
    const part = (name: string, childIds: number[]) => ({ name, kind: 'district' as const, parentId: ids.P!, childIds });
    const missing = await callError(backend, 'org-reorganise', { effectiveOn: '2025-01-01', title: 'Chia tách', steps: [{ op: 'split', unitId: ids.D!, parts: [part('Huyện Bắc', [ids.C1!]), part('Huyện Nam', [])] }] });
    expect(missing.message).toBe('Còn 1 đơn vị trực thuộc Huyện Lớn chưa được chia về đơn vị mới nào: Xã Hai.');
    const done = await call(backend, 'org-reorganise', { effectiveOn: '2025-01-01', title: 'Chia tách', steps: [{ op: 'split', unitId: ids.D!, parts: [part('Huyện Bắc', [ids.C1!]), part('Huyện Nam', [ids.C2!])] }] });
    expect(done.summary).toEqual(['Chia tách Huyện Lớn thành Huyện Bắc và Huyện Nam.']);
    const d = await call(backend, 'unit-get', { id: ids.D! });
    expect(d.successors.map((s) => s.name)).toEqual(['Huyện Bắc', 'Huyện Nam']);
    expect(d.dissolvedOn).toBe('2025-01-01');

    // Undoing it removes the new units and puts the communes back under the district.
    await call(backend, 'org-undo', { changeId: (await call(backend, 'org-changes', {}))[0]!.id });
    const back = await call(backend, 'unit-list', { asOf: '2025-06-01' });
    expect(back.map((u) => u.name)).not.toContain('Huyện Bắc');
    expect(back.filter((u) => u.parentId === ids.D).map((u) => u.name).sort()).toEqual(['Xã Hai', 'Xã Một']);
    expect((await call(backend, 'unit-get', { id: ids.D! })).successors).toEqual([]);
  });

  it('undoes a merger into a new unit (the merged units pointed at it)', async () => {
    const merged = await call(backend, 'org-reorganise', { effectiveOn: '2025-02-01', title: 'Hợp nhất', steps: [{ op: 'merge', sourceIds: [ids.C1!, ids.C2!], into: { unit: { name: 'Xã Mới', kind: 'commune', parentId: ids.D! } } }] });
    await call(backend, 'org-undo', { changeId: merged.change!.id });
    const c1 = await call(backend, 'unit-get', { id: ids.C1! });
    expect(c1).toMatchObject({ dissolvedOn: null, successorId: null, name: 'Xã Một' });
  });

  it('moves child affairs between departments by date, and refuses to dissolve the unit holding it', async () => {
    // Nobody holds child affairs yet in this database: the transfer says so.
    const none = await callError(backend, 'org-reorganise', { effectiveOn: '2025-03-01', title: 'Chuyển giao', steps: [{ op: 'transfer', duty: 'child_affairs', fromId: ids.L!, toId: ids.Y! }] });
    expect(none.message).toBe('Sở Lao động - Thương binh và Xã hội không phụ trách công tác trẻ em vào ngày 01/03/2025.');
  });
});

describe('the demo: Kon Tum in 2024, Quảng Ngãi in 2026', () => {
  let backend: Backend;
  let p2024: PeriodDto;
  let p2026: PeriodDto;
  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2026-07-10T03:00:00Z') });
    const periods = await call(backend, 'period-list', {});
    p2024 = periods.find((p) => p.kind === 'annual' && p.year === 2024)!;
    p2026 = periods.find((p) => p.kind === 'half_year' && p.year === 2026)!;
  });
  afterAll(() => backend.close());

  it('rolls up three tiers in 2024 and two in 2026, in the tree of each period', async () => {
    const [old, now] = [await call(backend, 'merge-get', { periodId: p2024.id }), await call(backend, 'merge-get', { periodId: p2026.id })];
    expect(old.parentUnitName).toBe('Tỉnh Kon Tum');
    expect(now.parentUnitName).toBe('Tỉnh Quảng Ngãi');
    expect([old.tiers, now.tiers]).toEqual([3, 2]);
    expect(old.units.filter((u) => u.kind === 'district')).toHaveLength(10);
    expect(old.tree.filter((u) => u.kind === 'commune' && u.depth === 2)).toHaveLength(32);
    expect(now.units.some((u) => u.kind === 'district')).toBe(false);
    expect(now.units.filter((u) => u.kind === 'commune').map((u) => u.name)).toEqual(expect.arrayContaining(['Phường Kon Tum', 'Xã Ia Tơi', 'Xã Đăk Glei']));
    expect(now.units.map((u) => u.name)).not.toContain('Sở Lao động - Thương binh và Xã hội');
  });

  it('issues the 2024 report from the labour department of Kon Tum and the 2026 one from the health department of Quảng Ngãi', async () => {
    const old = await call(backend, 'document-settings-get', { periodId: p2024.id });
    const now = await call(backend, 'document-settings-get', { periodId: p2026.id });
    expect(old).toMatchObject({ parentBody: 'UBND TỈNH KON TUM', issuingBody: 'Sở Lao động - Thương binh và Xã hội', symbol: 'BC-SLĐTBXH', place: 'Kon Tum' });
    expect(old.recipients[0]).toBe('Bộ Lao động - Thương binh và Xã hội (b/c);');
    expect(now).toMatchObject({ parentBody: 'UBND TỈNH QUẢNG NGÃI', issuingBody: 'Sở Y tế', symbol: 'BC-SYT', place: 'Quảng Ngãi' });
    expect(now.recipients[0]).toBe('Bộ Y tế (b/c);');
    // What the user keeps for one issuing body does not leak into the other's documents.
    await call(backend, 'document-settings-set', { periodId: p2026.id, document: { ...now, signerName: 'Lê Thị Hoa' } });
    expect((await call(backend, 'document-settings-get', { periodId: p2026.id })).signerName).toBe('Lê Thị Hoa');
    expect((await call(backend, 'document-settings-get', { periodId: p2024.id })).signerName).toBe('');
  });

  it('a unit renamed in 2025 keeps its old name on the 2024 template and PDF, and has its new name on 2026 ones', async () => {
    const units = await call(backend, 'unit-list', { asOf: '2025-06-30' });
    const ban = units.find((u) => u.name === 'Ban Dân tộc')!;
    // Its measures are reported by the lead and cooperating units, so it has a template in both years.
    const led = [];
    for (const plan of await call(backend, 'plan-list', {})) {
      led.push(...(await call(backend, 'plan-get', { id: plan.id })).goals.flatMap((g) => g.indicators.flatMap((i) => i.measures)).filter((m) => m.leadUnitId === ban.id).map((m) => m.id));
    }
    expect(led.length).toBeGreaterThanOrEqual(2);
    await call(backend, 'measure-reporters-set', { measureIds: led, reporters: 'lead_cooperating' });
    await call(backend, 'unit-rename', { id: ban.id, name: 'Sở Dân tộc và Tôn giáo', effectiveOn: '2025-08-01' });

    const sheetText = async (periodId: number) => {
      const t = await call(backend, 'template-build', { periodId, unitId: ban.id });
      const wb = XLSX.read(Buffer.from(t.dataBase64, 'base64'), { type: 'buffer' });
      return { fileName: t.fileName, text: wb.SheetNames.map((n) => XLSX.utils.sheet_to_csv(wb.Sheets[n]!)).join('\n') };
    };
    const old = await sheetText(p2024.id);
    const now = await sheetText(p2026.id);
    expect(old.fileName).toContain('Ban Dân tộc');
    expect(old.text).toContain('Ban Dân tộc');
    expect(old.text).not.toContain('Sở Dân tộc và Tôn giáo');
    expect(now.fileName).toContain('Sở Dân tộc và Tôn giáo');
    expect(now.text).toContain('Sở Dân tộc và Tôn giáo');
    expect(now.text).not.toContain('Ban Dân tộc');

    const pdfText = async (period: PeriodDto) => {
      const document = { ...(await call(backend, 'document-settings-get', { periodId: period.id })), number: '7' };
      const pdf = await call(backend, 'merge-pdf', { periodId: period.id, document });
      const file = path.join((backend as unknown as { dir: string }).dir, `${period.id}.pdf`);
      fs.writeFileSync(file, Buffer.from(pdf.dataBase64, 'base64'));
      return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    };
    const oldPdf = await pdfText(p2024);
    const newPdf = await pdfText(p2026);
    expect(oldPdf).toMatch(/SỞ LAO ĐỘNG - THƯƠNG BINH (VÀ XÃ HỘI)?/);
    expect(oldPdf).toContain('của Sở Lao động - Thương binh và Xã hội)');
    expect(oldPdf).toContain('Số: 07/BC-SLĐTBXH');
    expect(oldPdf).toContain('Ban Dân tộc');
    expect(oldPdf).not.toContain('Sở Dân tộc và Tôn giáo');
    expect(newPdf).toContain('UBND TỈNH QUẢNG NGÃI');
    expect(newPdf).toContain('SỞ Y TẾ');
    expect(newPdf).toContain('Số: 07/BC-SYT');
    expect(newPdf).toContain('Sở Dân tộc và Tôn giáo');
    expect(newPdf).not.toContain('Ban Dân tộc');
  });
});
