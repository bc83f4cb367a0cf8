/**
 * The merge reads its figures a row at a time on the connection under kysely (not through it):
 * the same figures as readFigures, and, like any query of the app, never another call's
 * transaction half done (it waits for kysely's lock on the connection).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { eachFigure, readFigures, type FigureRow } from '../../electron/backend/db/report-store';
import { mergeView } from '../../electron/backend/services/merge';
import { EMPTY_FIGURE, breakdownProvince, typeDistrictReports } from '../helpers/breakdown-province';
import { testBackend } from '../helpers/backend';

describe('figures read a row at a time', () => {
  let backend: Backend;
  let env: Awaited<ReturnType<typeof breakdownProvince>>;
  let reportIds: number[];

  beforeAll(async () => {
    backend = await testBackend({ now: new Date('2026-06-01T03:00:00Z') });
    env = await breakdownProvince(backend, 3);
    await typeDistrictReports(backend, env, (i) => [
      ...env.births.breakdown!.combos.map((c, k) => ({ ...EMPTY_FIGURE, measureId: env.births.id, optionComboId: c.id, numerator: 40 + i + k, denominator: 50 })),
      { ...EMPTY_FIGURE, measureId: env.plain.id, value: 7 * (i + 1) },
    ]);
    reportIds = (await backend.ctx.db.selectFrom('report').select('id').where('is_current', '=', 1).execute()).map((r) => r.id);
  });
  afterAll(() => backend.close());

  const streamed = async (db: typeof backend.ctx.db) => {
    const rows: FigureRow[] = [];
    await eachFigure(db, reportIds, {}, (r) => rows.push([...r] as FigureRow));
    return rows;
  };
  const asRows = (fs: Awaited<ReturnType<typeof readFigures>>) => fs.map((f) => [f.unitId, f.measureId, f.optionComboId, f.numerator, f.denominator, f.value]);

  it('hands over the same figures as readFigures, on the connection and inside a transaction', async () => {
    const db = backend.ctx.db;
    const read = asRows(await readFigures(db, reportIds));
    expect(read.length).toBeGreaterThan(9);
    expect(await streamed(db)).toEqual(read);
    expect(await db.transaction().execute((trx) => streamed(trx))).toEqual(read);
  });

  it("waits for another call's transaction, and never sees what it then takes back", async () => {
    const db = backend.ctx.db;
    const plainTotal = async () => (await mergeView(db, backend.ctx, env.period.id, undefined, { withPrevious: false, parts: 'none' })).rows.find((r) => r.measureId === env.plain.id)!.total.value;
    expect(await plainTotal()).toBe(7 + 14 + 21);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let changed!: () => void;
    const written = new Promise<void>((r) => (changed = r));
    const writing = db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('report_value').set({ value: 1000 }).where('measure_id', '=', env.plain.id).execute();
        changed();
        await held;
        throw new Error('taken back');
      })
      .catch((e: Error) => e.message);
    await written;
    let seen: FigureRow[] | undefined;
    const reading = streamed(db).then((rows) => (seen = rows));
    const merging = plainTotal();
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toBeUndefined();
    release();
    expect(await writing).toBe('taken back');
    await reading;
    expect(seen!.filter((r) => r[1] === env.plain.id).map((r) => r[5])).toEqual([7, 14, 21]);
    expect(await merging).toBe(7 + 14 + 21);
  });
});
