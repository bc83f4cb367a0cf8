/**
 * The merge screen at national size gets the children's figures only, and the rest on request:
 * what it is sent must be exactly the full view's figures, split, and never a stale copy.
 * The demo province (113 units) stands in for the ministry's tree with a limit of 10 units.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { mergeView } from '../../electron/backend/services/merge';
import { mergeCells, mergeForScreen } from '../../electron/backend/services/merge-screen';
import type { MergeView } from '../../shared/api/types';
import { call, testBackend } from '../helpers/backend';

describe('the merge screen of a large tree', () => {
  let backend: Backend;
  let periodId: number;
  let full: MergeView;
  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2024-12-01T02:00:00Z') });
    periodId = (await call(backend, 'period-list', {})).find((p) => p.name === 'Năm 2024')!.id;
    const status = (await call(backend, 'period-status', { id: periodId }))!;
    const saThay = status.units.find((u) => u.unitName === 'Huyện Sa Thầy')!.unitId;
    const entry = await call(backend, 'report-entry-get', { periodId, unitId: saThay });
    const m = (code: string) => entry.measures.find((x) => x.code === code)!.id;
    const empty = { numerator: null, denominator: null, value: null, textValue: null, note: null };
    await call(backend, 'report-entry-save', { periodId, unitId: saThay, values: [{ ...empty, measureId: m('1.1'), value: 6 }, { ...empty, measureId: m('1.2'), numerator: 6, denominator: 10 }] });
    // Two communes of Kon Rẫy report; the district does not (its figures are theirs).
    const tree = (await mergeView(backend.ctx.db, backend.ctx, periodId)).tree;
    const konRay = tree.find((u) => u.name === 'Huyện Kon Rẫy')!;
    for (const [k, commune] of tree.filter((u) => u.parentId === konRay.id).slice(0, 2).entries()) {
      const form = await call(backend, 'report-entry-get', { periodId, unitId: commune.id });
      const code = (c: string) => form.measures.find((x) => x.code === c)!.id;
      await call(backend, 'report-entry-save', { periodId, unitId: commune.id, values: [{ ...empty, measureId: code('1.1'), value: 2 + k }, { ...empty, measureId: code('1.2'), numerator: 1 + k, denominator: 5 }] });
    }
    full = await mergeView(backend.ctx.db, backend.ctx, periodId, undefined, { parts: 'totals' });
  });
  afterAll(() => backend.close());

  it('sends a small tree whole, as before', async () => {
    const view = await mergeForScreen(backend.ctx.db, backend.ctx, periodId);
    expect(view.cellsOf).toBe('all');
    expect(view.rows).toEqual(full.rows);
  });

  it('sends a large tree with the children\'s figures, and the others under a unit or of a measure on request', async () => {
    const view = await mergeForScreen(backend.ctx.db, backend.ctx, periodId, undefined, 10);
    expect(view.cellsOf).toBe('children');
    const shown = new Set([view.parentUnitId, ...view.units.map((u) => u.id)]);
    for (const [i, r] of view.rows.entries()) {
      const whole = full.rows[i]!;
      expect(Object.keys(r.cells).map(Number).every((id) => shown.has(id))).toBe(true);
      // The children's figures are all there, unchanged; everything else of the row too.
      for (const id of shown) expect(r.cells[id]).toEqual(whole.cells[id]);
      expect({ ...r, cells: null, previousByUnit: null }).toEqual({ ...whole, cells: null, previousByUnit: null });
    }
    expect(JSON.stringify(view).length).toBeLessThan(JSON.stringify(full).length);

    // A district's communes: exactly the full view's figures of the units under it (two of them reported).
    const district = full.tree.find((u) => u.name === 'Huyện Kon Rẫy')!;
    const under = new Set(full.tree.filter((u) => u.parentId === district.id).map((u) => u.id));
    expect(under.size).toBeGreaterThan(2);
    expect(Object.keys(full.rows.find((r) => r.code === '1.1')!.cells).filter((id) => under.has(Number(id)))).toHaveLength(2);
    const cells = await call(backend, 'merge-cells', { periodId, underUnitId: district.id });
    expect(Object.values(cells.find((c) => c.measureId === full.rows.find((r) => r.code === '1.1')!.measureId)!.cells).map((c) => c.value).sort()).toEqual([2, 3]);
    expect(cells.map((c) => c.measureId)).toEqual(full.rows.map((r) => r.measureId));
    for (const [i, c] of cells.entries()) {
      const whole = full.rows[i]!;
      expect(c.cells).toEqual(Object.fromEntries(Object.entries(whole.cells).filter(([id]) => under.has(Number(id)))));
    }
    // One measure's figures for every unit (its detail).
    const m = full.rows.find((r) => r.code === '1.1')!;
    const [one] = await call(backend, 'merge-cells', { periodId, measureId: m.measureId });
    expect(one!.cells).toEqual(m.cells);
    expect(one!.previousByUnit).toEqual(m.previousByUnit);
  });

  it('never answers from a view computed before a write', async () => {
    const district = full.tree.find((u) => u.name === 'Huyện Sa Thầy')!;
    const m = full.rows.find((r) => r.code === '1.1')!;
    await mergeForScreen(backend.ctx.db, backend.ctx, periodId, undefined, 10);
    const before = (await call(backend, 'merge-cells', { periodId, measureId: m.measureId }))[0]!.cells[district.id]!.value;
    expect(before).toBe(6);
    const entry = await call(backend, 'report-entry-get', { periodId, unitId: district.id });
    const empty = { numerator: null, denominator: null, value: null, textValue: null, note: null };
    await call(backend, 'report-entry-save', { periodId, unitId: district.id, values: [{ ...empty, measureId: m.measureId, value: 9 }, ...entry.values.filter((v) => v.measureId !== m.measureId).map((v) => ({ ...empty, ...v }))] });
    const after = await mergeCells(backend.ctx.db, backend.ctx, { periodId, measureId: m.measureId });
    expect(after[0]!.cells[district.id]!.value).toBe(9);
  });

  it('answers from the restored database after a backup is restored, not from what was kept', async () => {
    const district = full.tree.find((u) => u.name === 'Huyện Sa Thầy')!;
    const m = full.rows.find((r) => r.code === '1.1')!;
    const backup = await call(backend, 'backup-create', {});
    const entry = await call(backend, 'report-entry-get', { periodId, unitId: district.id });
    const empty = { numerator: null, denominator: null, value: null, textValue: null, note: null };
    const before = (await call(backend, 'merge-cells', { periodId, measureId: m.measureId }))[0]!.cells[district.id]!.value;
    await call(backend, 'report-entry-save', { periodId, unitId: district.id, values: [{ ...empty, measureId: m.measureId, value: 40 }, ...entry.values.filter((v) => v.measureId !== m.measureId).map((v) => ({ ...empty, ...v }))] });
    expect((await call(backend, 'merge-cells', { periodId, measureId: m.measureId }))[0]!.cells[district.id]!.value).toBe(40);
    await call(backend, 'backup-restore', { fileName: backup.fileName });
    expect((await call(backend, 'merge-cells', { periodId, measureId: m.measureId }))[0]!.cells[district.id]!.value).toBe(before);
  });

  it('says which unit or measure it does not know', async () => {
    await expect(call(backend, 'merge-cells', { periodId, underUnitId: 999_999 })).rejects.toThrow(/đơn vị số 999999/);
    await expect(call(backend, 'merge-cells', { periodId, measureId: 999_999 })).rejects.toThrow(/chỉ tiêu số 999999/);
  });
});
