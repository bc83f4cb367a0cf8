import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { databaseAt } from '../helpers/migration-kit';

describe('migration 0018-reminders', () => {
  it('keeps a 0017 database as it was and adds the reminders, removed with their period', async () => {
    const old = await databaseAt('0017-noted-values');
    old.raw.exec(`INSERT INTO setting (key, value) VALUES ('userName', 'Lan')`);
    await old.close();
    const opened = await openDatabase(old.file);
    expect(opened.raw.prepare("SELECT value FROM setting WHERE key = 'userName'").get()).toEqual({ value: 'Lan' });
    const columns = (t: string) => (opened.raw.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    expect(columns('reminder')).toEqual(['id', 'period_id', 'channel', 'sent_at', 'sent_by', 'document_number', 'new_due_on']);
    expect(columns('reminder_unit')).toEqual(['reminder_id', 'unit_id', 'owed']);
    opened.raw.exec(`
      INSERT INTO org_unit (id, code, kind, created_on) VALUES (1, 'T', 'province', '2020-01-01'), (2, 'H', 'district', '2020-01-01');
      INSERT INTO plan (id, number, title, issuer_name, year_from, year_to, created_at, updated_at) VALUES (1, '', 'KH', '', 2024, 2024, '2024-01-01', '2024-01-01');
      INSERT INTO reporting_period (id, plan_id, year, kind, name, data_from, data_to, parent_unit_id) VALUES (1, 1, 2024, 'annual', 'Năm 2024', '2023-12-15', '2024-12-14', 1);
      INSERT INTO reminder (id, period_id, channel, sent_at, sent_by) VALUES (1, 1, 'letter', '2024-12-02T02:00:00Z', 'Lan');
      INSERT INTO reminder_unit (reminder_id, unit_id, owed) VALUES (1, 2, '3 chỉ tiêu');`);
    expect(() => opened.raw.exec(`INSERT INTO reminder (period_id, channel, sent_at, sent_by) VALUES (1, 'fax', '2024-12-02', 'Lan')`)).toThrow(/CHECK constraint/);
    opened.raw.exec('DELETE FROM reporting_period WHERE id = 1');
    expect(opened.raw.prepare('SELECT count(*) AS n FROM reminder_unit').get()).toEqual({ n: 0 });
    await opened.close();
  });
});
