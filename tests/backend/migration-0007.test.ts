import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { migrations } from '../../electron/backend/db/migrations';
import { databaseAt } from '../helpers/migration-kit';

describe('migration 0007-breakdowns', () => {
  it('keeps the categories, options and part values of a 0006 database, orders the categories and adds renames and retired options', async () => {
    const old = await databaseAt('0006-change-counters');
    old.raw.exec(`
      INSERT INTO category (id, code, name) VALUES (2, 'gioi-tinh', 'Giới tính');
      INSERT INTO category_option (id, category_id, code, name, position) VALUES (2, 2, 'nam', 'Nam', 0), (3, 2, 'nu', 'Nữ', 1);
      INSERT INTO category_combo (id, code, name) VALUES (2, 'sex', 'Giới tính');
      INSERT INTO category_combo_category (combo_id, category_id, position) VALUES (2, 2, 0);
      INSERT INTO category_option_combo (id, combo_id, name) VALUES (2, 2, 'Nam'), (3, 2, 'Nữ');
      INSERT INTO category_option_combo_option (option_combo_id, option_id) VALUES (2, 2), (3, 3);
      INSERT INTO plan (id, title, year_from, year_to, created_at, updated_at) VALUES (1, 'P', 2026, 2026, 'x', 'x');
      INSERT INTO goal (id, plan_id, position, code, title) VALUES (1, 1, 1, 'I', 'G');
      INSERT INTO indicator (id, goal_id, position, code, title) VALUES (1, 1, 1, '9', 'I');
      INSERT INTO measure (id, indicator_id, position, code, name, unit_label, value_kind, direction, rollup, category_combo_id) VALUES (1, 1, 1, '9', 'Số trẻ em bị xâm hại', 'Trẻ em', 'count', 'none', 'sum', 2);
      INSERT INTO org_unit (id, code, kind, created_on) VALUES (1, 'H', 'district', '2020-01-01');
      INSERT INTO reporting_period (id, plan_id, year, kind, name, data_from, data_to) VALUES (1, 1, 2026, 'annual', 'Năm 2026', '2025-12-15', '2026-12-14');
      INSERT INTO report (id, period_id, unit_id, revision, is_current, status, source, received_at) VALUES (1, 1, 1, 1, 1, 'valid', 'typed', '2026-12-01');
      INSERT INTO report_value (report_id, measure_id, option_combo_id, value) VALUES (1, 1, 2, 3), (1, 1, 3, 4);
    `);
    await old.close();

    const opened = await openDatabase(old.file);
    const raw = opened.raw;
    expect(raw.prepare('SELECT id, code, name, position, note, is_sample FROM category ORDER BY id').all()).toEqual([
      { id: 1, code: 'default', name: 'Không phân tổ', position: 1, note: '', is_sample: 0 },
      { id: 2, code: 'gioi-tinh', name: 'Giới tính', position: 2, note: '', is_sample: 0 },
    ]);
    expect(raw.prepare('SELECT name, retired_on FROM category_option WHERE category_id = 2 ORDER BY position').all()).toEqual([
      { name: 'Nam', retired_on: null },
      { name: 'Nữ', retired_on: null },
    ]);
    expect(raw.prepare('SELECT option_combo_id, value FROM report_value ORDER BY option_combo_id').all()).toEqual([
      { option_combo_id: 2, value: 3 },
      { option_combo_id: 3, value: 4 },
    ]);
    const plansBefore = raw.prepare("SELECT n FROM change_counter WHERE topic = 'plans'").pluck().get() as number;
    // A rename is kept, and counts as a change of the plans (their cached reads are renewed).
    raw.prepare("INSERT INTO category_option_rename (option_id, old_name, new_name, renamed_on, created_at) VALUES (2, 'Nam', 'Trẻ em trai', '2026-07-01', 'x')").run();
    expect(raw.prepare("SELECT n FROM change_counter WHERE topic = 'plans'").pluck().get()).toBe(plansBefore + 1);
    expect(raw.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all()).toEqual(Object.keys(migrations));
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    await opened.close();
  });
});
