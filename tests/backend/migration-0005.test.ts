import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { databaseAt } from '../helpers/migration-kit';

describe('migration 0005-locking', () => {
  it('keeps the periods of a 0004 database open (not submitted) and lets a period be marked submitted', async () => {
    const old = await databaseAt('0004-reorganisation');
    old.raw.exec(`
      INSERT INTO plan (id, title, year_from, year_to, created_at, updated_at) VALUES (1, 'P', 2024, 2024, 'x', 'x');
      INSERT INTO reporting_period (id, plan_id, year, kind, name, data_from, data_to) VALUES (1, 1, 2024, 'annual', 'Năm 2024', '2023-12-15', '2024-12-14');
    `);
    await old.close();
    const opened = await openDatabase(old.file);
    expect(opened.raw.prepare('SELECT name, submitted_at, submitted_by FROM reporting_period').all()).toEqual([{ name: 'Năm 2024', submitted_at: null, submitted_by: null }]);
    opened.raw.prepare("UPDATE reporting_period SET submitted_at = '2024-12-06T02:00:00Z', submitted_by = 'Lan' WHERE id = 1").run();
    expect(opened.raw.prepare('SELECT submitted_by FROM reporting_period WHERE id = 1').pluck().get()).toBe('Lan');
    await opened.close();
  });
});
