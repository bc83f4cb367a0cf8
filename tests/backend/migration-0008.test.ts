import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { migrations } from '../../electron/backend/db/migrations';
import { databaseAt } from '../helpers/migration-kit';

describe('migration 0008-catalogue', () => {
  it('keeps the measures of a 0007 database unlinked, adds catalogues whose codes restart per annex, and links that follow a deleted indicator', async () => {
    const old = await databaseAt('0007-breakdowns');
    old.raw.exec(`
      INSERT INTO plan (id, title, year_from, year_to, created_at, updated_at) VALUES (1, 'P', 2026, 2026, 'x', 'x');
      INSERT INTO goal (id, plan_id, position, code, title) VALUES (1, 1, 1, 'I', 'G');
      INSERT INTO indicator (id, goal_id, position, code, title) VALUES (1, 1, 1, '9', 'I');
      INSERT INTO measure (id, indicator_id, position, code, name, unit_label, value_kind, direction, rollup) VALUES (1, 1, 1, '9', 'Số trẻ em bị xâm hại', 'Trẻ em', 'count', 'none', 'sum');
    `);
    await old.close();

    const opened = await openDatabase(old.file);
    const raw = opened.raw;
    expect(raw.prepare('SELECT code, catalogue_indicator_id FROM measure').all()).toEqual([{ code: '9', catalogue_indicator_id: null }]);
    raw.exec(`
      INSERT INTO catalogue (id, code, title, created_at, updated_at) VALUES (1, 'TT13', 'Bộ chỉ tiêu', 'x', 'x');
      INSERT INTO catalogue_indicator (id, catalogue_id, position, annex, code, name) VALUES (1, 1, 1, 'III', '0101', 'Một chỉ tiêu của Phụ lục III'), (2, 1, 2, 'IV', '0101', 'Số trẻ em bị xâm hại'), (3, 1, 3, 'III', NULL, 'Dân số trẻ em');
      UPDATE measure SET catalogue_indicator_id = 2 WHERE id = 1;
    `);
    // The same code twice in one annex, or a code that is not 4 digits, is refused by the database itself.
    expect(() => raw.prepare("INSERT INTO catalogue_indicator (catalogue_id, position, annex, code, name) VALUES (1, 4, 'IV', '0101', 'Trùng')").run()).toThrow(/UNIQUE/);
    expect(() => raw.prepare("INSERT INTO catalogue_indicator (catalogue_id, position, annex, code, name) VALUES (1, 4, 'IV', '101', 'Ngắn')").run()).toThrow(/CHECK/);
    expect(() => raw.prepare("INSERT INTO catalogue_indicator (catalogue_id, position, annex, code, name) VALUES (1, 4, 'IV', '01a1', 'Chữ')").run()).toThrow(/CHECK/);
    raw.prepare('DELETE FROM catalogue_indicator WHERE id = 2').run();
    expect(raw.prepare('SELECT catalogue_indicator_id FROM measure WHERE id = 1').pluck().get()).toBeNull();
    expect(raw.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all()).toEqual(Object.keys(migrations));
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    await opened.close();
  });
});
