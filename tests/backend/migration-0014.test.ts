import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { databaseAt } from '../helpers/migration-kit';

describe('migration 0014-warning-checks', () => {
  it("keeps 0013 reports and their warnings, and a check goes with its report's revision", async () => {
    const old = await databaseAt('0013-value-rules');
    old.raw.exec(`
      INSERT INTO plan (id, title, year_from, year_to, created_at, updated_at) VALUES (1, 'P', 2024, 2024, 'x', 'x');
      INSERT INTO org_unit (id, code, kind, created_on) VALUES (1, 'T', 'province', '2020-01-01'), (2, 'H', 'district', '2020-01-01');
      INSERT INTO reporting_period (id, plan_id, parent_unit_id, kind, year, name, data_from, data_to) VALUES (1, 1, 1, 'annual', 2024, 'Năm 2024', '2023-12-15', '2024-11-30');
      INSERT INTO report (id, period_id, unit_id, revision, is_current, status, source, received_at, warnings_json) VALUES (1, 1, 2, 1, 1, 'received', 'file', '2024-12-01', '[{"severity":"warning","message":"m"}]');
    `);
    await old.close();
    const opened = await openDatabase(old.file);
    expect(opened.raw.prepare('SELECT warnings_json FROM report').get()).toEqual({ warnings_json: '[{"severity":"warning","message":"m"}]' });
    opened.raw.prepare("INSERT INTO warning_check (report_id, message, checked_at, checked_by) VALUES (1, 'm', '2024-12-02', 'Lan')").run();
    expect(() => opened.raw.prepare("INSERT INTO warning_check (report_id, message, checked_at, checked_by) VALUES (1, 'm', '2024-12-03', 'Lan')").run()).toThrow(/UNIQUE|PRIMARY/);
    expect(() => opened.raw.prepare("INSERT INTO warning_check (report_id, message, checked_at, checked_by) VALUES (9, 'm', '2024-12-03', 'Lan')").run()).toThrow(/FOREIGN KEY/);
    opened.raw.prepare('DELETE FROM report WHERE id = 1').run();
    expect(opened.raw.prepare('SELECT count(*) AS n FROM warning_check').get()).toEqual({ n: 0 });
    await opened.close();
  });
});
