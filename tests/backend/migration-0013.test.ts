import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { databaseAt } from '../helpers/migration-kit';

describe('migration 0013-value-rules', () => {
  it('keeps 0012 measures as they were (no negatives, decimals and range from their unit) and checks the new columns', async () => {
    const old = await databaseAt('0012-period-plans');
    old.raw.exec(`
      INSERT INTO plan (id, title, year_from, year_to, created_at, updated_at) VALUES (1, 'P', 2024, 2024, 'x', 'x');
      INSERT INTO goal (id, plan_id, position, code, title) VALUES (1, 1, 1, 'I', 'G');
      INSERT INTO indicator (id, goal_id, position, code, title) VALUES (1, 1, 1, '13', 'Tảo hôn');
      INSERT INTO measure (id, indicator_id, position, code, name, unit_label, value_kind, direction, rollup) VALUES (1, 1, 1, '13', 'Mức giảm số cuộc tảo hôn', 'Cuộc', 'count', 'at_least', 'sum');
    `);
    await old.close();
    const opened = await openDatabase(old.file);
    expect(opened.raw.prepare('SELECT allows_negative, decimals, min_value, max_value FROM measure').get()).toEqual({ allows_negative: 0, decimals: null, min_value: null, max_value: null });
    expect(() => opened.raw.prepare('UPDATE measure SET decimals = 7').run()).toThrow(/CHECK/);
    expect(() => opened.raw.prepare('UPDATE measure SET min_value = 10, max_value = 5').run()).toThrow(/CHECK/);
    opened.raw.prepare('UPDATE measure SET allows_negative = 1, decimals = 0').run();
    expect(opened.raw.prepare('SELECT allows_negative, decimals FROM measure').get()).toEqual({ allows_negative: 1, decimals: 0 });
    await opened.close();
  });
});
