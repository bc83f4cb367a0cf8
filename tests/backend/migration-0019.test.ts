import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { databaseAt } from '../helpers/migration-kit';

describe('migration 0019-period-changes', () => {
  it("keeps a 0018 database's reports and counts each period's changes from then on, that period's only", async () => {
    const old = await databaseAt('0018-reminders');
    old.raw.exec(`
      INSERT INTO org_unit (id, code, kind, created_on) VALUES (1, 'T', 'province', '2020-01-01'), (2, 'X', 'commune', '2020-01-01');
      INSERT INTO plan (id, number, title, issuer_name, year_from, year_to, created_at, updated_at) VALUES (1, '', 'KH', '', 2024, 2025, '2024-01-01', '2024-01-01');
      INSERT INTO reporting_period (id, plan_id, year, kind, name, data_from, data_to, parent_unit_id) VALUES
        (1, 1, 2024, 'annual', 'Năm 2024', '2023-12-15', '2024-12-14', 1), (2, 1, 2025, 'annual', 'Năm 2025', '2024-12-15', '2025-12-14', 1);
      INSERT INTO report (id, period_id, unit_id, revision, is_current, status, source, received_at) VALUES (1, 1, 2, 1, 1, 'valid', 'typed', '2024-12-01');`);
    await old.close();
    const db = await openDatabase(old.file);
    const n = (period: number) => (db.raw.prepare('SELECT n FROM period_change WHERE period_id = ?').get(period) as { n: number } | undefined)?.n ?? 0;
    expect(db.raw.prepare('SELECT count(*) AS c FROM report').get()).toEqual({ c: 1 });
    expect([n(1), n(2)]).toEqual([0, 0]);
    db.raw.exec(`INSERT INTO report (id, period_id, unit_id, revision, is_current, status, source, received_at) VALUES (2, 2, 2, 1, 1, 'valid', 'typed', '2025-12-01')`);
    expect([n(1), n(2)]).toEqual([0, 1]);
    // Adding values counts nothing by itself (the report row does); changing or removing one counts.
    db.raw.exec(`
      INSERT INTO goal (id, plan_id, code, title, position) VALUES (1, 1, 'I', 'M', 1);
      INSERT INTO indicator (id, goal_id, code, title, position) VALUES (1, 1, '1', 'C', 1);`);
    const m = db.raw.prepare(`INSERT INTO measure (indicator_id, code, name, unit_label, value_kind, rollup, direction, position) VALUES (1, '1', 'S', 'Xã', 'count', 'sum', 'at_least', 1)`).run().lastInsertRowid;
    db.raw.prepare('INSERT INTO report_value (report_id, measure_id, option_combo_id, value) VALUES (1, ?, 1, 5)').run(m);
    expect([n(1), n(2)]).toEqual([0, 1]);
    db.raw.prepare('UPDATE report_value SET value = 6 WHERE report_id = 1').run();
    expect([n(1), n(2)]).toEqual([1, 1]);
    db.raw.prepare('DELETE FROM report WHERE id = 1').run();
    // The report's removal, and its value's (cascaded, after the report row: no period to count, nothing inserted).
    expect([n(1), n(2)]).toEqual([2, 1]);
    expect(db.raw.prepare('SELECT count(*) AS c FROM period_change').get()).toEqual({ c: 2 });
    db.raw.exec(`INSERT INTO period_deadline (period_id, level, due_on) VALUES (2, 'commune', '2025-12-05')`);
    expect(n(2)).toBe(2);
    await db.close();
  });
});
