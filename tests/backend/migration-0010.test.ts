import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { databaseAt } from '../helpers/migration-kit';

describe('migration 0010-task-status', () => {
  it('keeps what units wrote of their tasks in a 0009 database, with no status or figures yet', async () => {
    const old = await databaseAt('0009-who-reports');
    old.raw.exec(`
      INSERT INTO plan (id, title, year_from, year_to, created_at, updated_at) VALUES (1, 'P', 2025, 2025, 'x', 'x');
      INSERT INTO task_group (id, plan_id, position, code, title) VALUES (1, 1, 1, 'I', 'G');
      INSERT INTO task (id, group_id, position, code, content) VALUES (1, 1, 1, '1', 'Tuyên truyền');
      INSERT INTO org_unit (id, code, kind, created_on) VALUES (1, 'H', 'district', '2020-01-01');
      INSERT INTO reporting_period (id, plan_id, year, kind, name, data_from, data_to) VALUES (1, 1, 2025, 'half_year', '6 tháng 2025', '2024-12-15', '2025-06-14');
      INSERT INTO report (id, period_id, unit_id, revision, is_current, status, source, received_at) VALUES (1, 1, 1, 1, 1, 'valid', 'typed', '2025-06-01');
      INSERT INTO report_task_progress (report_id, task_id, progress) VALUES (1, 1, 'Đã tổ chức 3 buổi.');
    `);
    await old.close();
    const opened = await openDatabase(old.file);
    expect(opened.raw.prepare('SELECT progress, status, events, participants, funds FROM report_task_progress').all()).toEqual([
      { progress: 'Đã tổ chức 3 buổi.', status: null, events: null, participants: null, funds: null },
    ]);
    expect(() => opened.raw.prepare("UPDATE report_task_progress SET status = 'xong' WHERE report_id = 1").run()).toThrow(/CHECK/);
    expect(() => opened.raw.prepare('UPDATE report_task_progress SET events = -1 WHERE report_id = 1').run()).toThrow(/CHECK/);
    opened.raw.prepare("UPDATE report_task_progress SET status = 'done', participants = 120 WHERE report_id = 1").run();
    expect(opened.raw.prepare('SELECT status, participants FROM report_task_progress').get()).toEqual({ status: 'done', participants: 120 });
    await opened.close();
  });
});
