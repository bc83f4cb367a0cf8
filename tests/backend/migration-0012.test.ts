import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { databaseAt } from '../helpers/migration-kit';

describe('migration 0012-period-plans', () => {
  it('keeps a 0011 period on its own plan, and lets it collect other plans from position 2', async () => {
    const old = await databaseAt('0011-task-import');
    old.raw.exec(`
      INSERT INTO plan (id, title, year_from, year_to, created_at, updated_at) VALUES (1, 'Chỉ tiêu 2025', 2025, 2025, 'x', 'x'), (2, 'Nhiệm vụ 2025', 2025, 2025, 'x', 'x');
      INSERT INTO reporting_period (id, plan_id, year, kind, name, data_from, data_to) VALUES (1, 1, 2025, 'annual', 'Năm 2025', '2024-12-15', '2025-11-30');
    `);
    await old.close();
    const opened = await openDatabase(old.file);
    expect(opened.raw.prepare('SELECT id, plan_id FROM reporting_period').all()).toEqual([{ id: 1, plan_id: 1 }]);
    expect(opened.raw.prepare('SELECT count(*) FROM period_plan').pluck().get()).toBe(0);
    opened.raw.prepare('INSERT INTO period_plan (period_id, plan_id, position) VALUES (1, 2, 2)').run();
    expect(() => opened.raw.prepare('INSERT INTO period_plan (period_id, plan_id, position) VALUES (1, 1, 1)').run()).toThrow(/CHECK/);
    expect(() => opened.raw.prepare('DELETE FROM plan WHERE id = 2').run()).toThrow(/FOREIGN KEY/);
    opened.raw.prepare('DELETE FROM reporting_period WHERE id = 1').run();
    expect(opened.raw.prepare('SELECT count(*) FROM period_plan').pluck().get()).toBe(0);
    await opened.close();
  });
});
