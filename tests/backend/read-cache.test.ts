/** Costly reads are kept between calls, and any write to their tables, by any path, is seen at once. */
import { describe, expect, it } from 'vitest';
import { listUnits } from '../../electron/backend/services/units';
import { getPlan } from '../../electron/backend/services/plans';
import { call, testBackend } from '../helpers/backend';

describe('kept reads', () => {
  it('see writes made through the API, through plain SQL and inside a transaction', async () => {
    const b = await testBackend({ demo: true });
    const db = b.ctx.db;
    const first = await listUnits(db, '2026-06-30');
    const again = await listUnits(db, '2026-06-30');
    expect(again).not.toBe(first); // a fresh array each time…
    expect(again[0]).toBe(first[0]); // …of the same kept units

    const iaToi = first.find((u) => u.name === 'Xã Ia Tơi')!;
    await call(b, 'unit-rename', { id: iaToi.id, name: 'Xã Ia Tơi Mới', effectiveOn: '2026-01-01' });
    expect((await listUnits(db, '2026-06-30')).find((u) => u.id === iaToi.id)!.name).toBe('Xã Ia Tơi Mới');

    b.database.raw.prepare("UPDATE org_unit_version SET name = 'Đổi bằng SQL' WHERE unit_id = ? AND valid_from = '2026-01-01'").run(iaToi.id);
    expect((await listUnits(db, '2026-06-30')).find((u) => u.id === iaToi.id)!.name).toBe('Đổi bằng SQL');

    const plan = (await call(b, 'plan-list', {})).find((p) => p.title.endsWith('tỉnh Kon Tum năm 2024'))!;
    const before = await getPlan(db, plan.id, '2024-12-14');
    const measure = before.goals[0]!.indicators[0]!.measures[0]!;
    before.goals.length = 0; // a caller shaping its copy changes nothing kept
    expect((await getPlan(db, plan.id, '2024-12-14')).goals.length).toBeGreaterThan(0);
    b.database.raw.prepare("UPDATE target SET text = '61' WHERE measure_id = ? AND year = 2024 AND is_phase_end = 0").run(measure.id);
    const after = await getPlan(db, plan.id, '2024-12-14');
    expect(after.goals[0]!.indicators[0]!.measures[0]!.targets.find((t) => t.year === 2024 && !t.isPhaseEnd)!.text).toBe('61');

    // A transaction reads its own writes, and what it rolls back is never kept.
    await db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('org_unit_version').set({ name: 'Trong giao dịch' }).where('unit_id', '=', iaToi.id).where('valid_from', '=', '2026-01-01').execute();
        expect((await listUnits(trx, '2026-06-30')).find((u) => u.id === iaToi.id)!.name).toBe('Trong giao dịch');
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect((await listUnits(db, '2026-06-30')).find((u) => u.id === iaToi.id)!.name).toBe('Đổi bằng SQL');
    await b.close();
  });
});
