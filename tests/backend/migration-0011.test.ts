import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { databaseAt } from '../helpers/migration-kit';

describe('migration 0011-task-import', () => {
  it('keeps a 0010 plan, its tasks and measures; adds the issuer unit, a task\'s product and a measure\'s agencies as written', async () => {
    const old = await databaseAt('0010-task-status');
    old.raw.exec(`
      INSERT INTO plan (id, title, year_from, year_to, created_at, updated_at) VALUES (1, 'P', 2025, 2025, 'x', 'x');
      INSERT INTO task_group (id, plan_id, position, code, title) VALUES (1, 1, 1, 'I', 'G');
      INSERT INTO task (id, group_id, position, code, content, lead_text) VALUES (1, 1, 1, '1', 'Tuyên truyền', 'Sở Tư pháp');
      INSERT INTO goal (id, plan_id, position, code, title) VALUES (1, 1, 1, 'I', 'G');
      INSERT INTO indicator (id, goal_id, position, code, title) VALUES (1, 1, 1, '1', 'C');
      INSERT INTO measure (id, indicator_id, position, code, name, unit_label, value_kind, rate_factor, direction, rollup) VALUES (1, 1, 1, '1', 'Tỷ lệ', '%', 'rate', 100, 'at_least', 'ratio');
    `);
    await old.close();
    const opened = await openDatabase(old.file);
    expect(opened.raw.prepare('SELECT title, issuer_unit_id FROM plan').get()).toEqual({ title: 'P', issuer_unit_id: null });
    expect(opened.raw.prepare('SELECT content, lead_text, product FROM task').get()).toEqual({ content: 'Tuyên truyền', lead_text: 'Sở Tư pháp', product: '' });
    expect(opened.raw.prepare('SELECT name, lead_text FROM measure').get()).toEqual({ name: 'Tỷ lệ', lead_text: '' });
    expect(() => opened.raw.prepare('UPDATE plan SET issuer_unit_id = 999').run()).toThrow(/FOREIGN KEY/);
    await opened.close();
  });
});
