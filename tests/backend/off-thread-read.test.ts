/**
 * The parts' sums read on another core (as the merge does at national size) are the ones read on
 * the main thread, from the last commit; the worker reads only, and is never used where it could
 * not see the same data (inside a transaction, an in-memory database).
 */
import Database from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { canReadOffThread, offThreadQueries, readOffThread } from '../../electron/backend/workers/read-query';
import { mergeView } from '../../electron/backend/services/merge';
import { EMPTY_FIGURE as empty, breakdownProvince, typeDistrictReports } from '../helpers/breakdown-province';
import { call, testBackend } from '../helpers/backend';

describe('reads off the main thread', () => {
  let backend: Backend;
  let env: Awaited<ReturnType<typeof breakdownProvince>>;
  const merged = (offThreadFrom: number) => mergeView(backend.ctx.db, backend.ctx, env.period.id, undefined, { parts: 'totals', offThreadFrom });

  beforeAll(async () => {
    backend = await testBackend({ now: new Date('2026-06-01T03:00:00Z') });
    env = await breakdownProvince(backend, 3);
    await typeDistrictReports(backend, env, (i) => [
      ...env.abused.breakdown!.combos.map((c, k) => ({ ...empty, measureId: env.abused.id, optionComboId: c.id, value: i + k + 1 })),
      ...env.births.breakdown!.combos.map((c, k) => ({ ...empty, measureId: env.births.id, optionComboId: c.id, numerator: 40 + i + k, denominator: 50 })),
      { ...empty, measureId: env.plain.id, value: 7 * (i + 1) },
    ]);
  });
  afterAll(() => backend.close());

  it("gives the merge the same parts' sums as the main thread, from the last commit", async () => {
    const before = offThreadQueries();
    const off = await merged(0);
    expect(offThreadQueries()).toBe(before + 1);
    const on = await merged(Infinity);
    expect(offThreadQueries()).toBe(before + 1);
    const parts = (v: typeof off) => v.rows.flatMap((r) => r.breakdown?.parts.map((p) => [r.code, p.key, p.total]) ?? []);
    expect(parts(off)).toEqual(parts(on));
    expect(off.rows).toEqual(on.rows);
    // A part of district 1 (k = 0, i = 0 → 1) summed over the three districts: 1 + 2 + 3.
    expect(off.rows.find((r) => r.code === '9')!.breakdown!.parts[0]!.total.value).toBe(6);
    // A figure typed just now is in the next off-thread read.
    const combo = env.abused.breakdown!.combos[0]!.id;
    await call(backend, 'report-entry-save', { periodId: env.period.id, unitId: env.districts[0]!.id, values: [{ ...empty, measureId: env.abused.id, optionComboId: combo, value: 101 }] });
    expect((await merged(0)).rows.find((r) => r.code === '9')!.breakdown!.parts[0]!.total.value).toBe(106);
  });

  it('reads only, and only where it would see what the main thread sees', async () => {
    const raw = backend.ctx.raw;
    await expect(readOffThread(raw, CompiledQuery.raw('DELETE FROM report', []))).rejects.toThrow(/only queries that read/);
    expect((await readOffThread<{ n: number }>(raw, CompiledQuery.raw('SELECT count(*) AS n FROM report', [])))[0]!.n).toBeGreaterThan(0);
    expect(canReadOffThread(backend.ctx.db, raw)).toBe(true);
    await backend.ctx.db.transaction().execute(async (trx) => {
      expect(canReadOffThread(trx, raw)).toBe(false);
    });
    const memory = new Database(':memory:');
    expect(canReadOffThread(backend.ctx.db, memory)).toBe(false);
    memory.close();
  });
});
