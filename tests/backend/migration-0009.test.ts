import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { databaseAt } from '../helpers/migration-kit';

describe('migration 0009-who-reports', () => {
  it('leaves the measures of a 0008 database on their default (no one set) and keeps their fields', async () => {
    const old = await databaseAt('0008-catalogue');
    old.raw.exec(`
      INSERT INTO plan (id, title, year_from, year_to, created_at, updated_at) VALUES (1, 'P', 2024, 2024, 'x', 'x');
      INSERT INTO goal (id, plan_id, position, code, title) VALUES (1, 1, 1, 'I', 'G');
      INSERT INTO indicator (id, goal_id, position, code, title) VALUES (1, 1, 1, '3', 'I');
      INSERT INTO measure (id, indicator_id, position, code, name, unit_label, value_kind, rate_factor, direction, rollup) VALUES (1, 1, 1, '3.1', 'Tỷ suất tử vong trẻ sơ sinh', '‰', 'rate', 1000, 'at_most', 'lead');
    `);
    await old.close();
    const opened = await openDatabase(old.file);
    expect(opened.raw.prepare('SELECT code, rollup, reporters, numerator_label, denominator_label FROM measure').all()).toEqual([
      { code: '3.1', rollup: 'lead', reporters: null, numerator_label: '', denominator_label: '' },
    ]);
    expect(() => opened.raw.prepare("UPDATE measure SET reporters = 'everyone' WHERE id = 1").run()).toThrow(/CHECK/);
    opened.raw.prepare("UPDATE measure SET reporters = 'lead_cooperating', numerator_label = 'số trẻ tử vong' WHERE id = 1").run();
    expect(opened.raw.prepare('SELECT reporters FROM measure').pluck().get()).toBe('lead_cooperating');
    await opened.close();
  });
});
