import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { databaseAt, tablesAddedAfter } from '../helpers/migration-kit';

describe('migration 0016-received-pdfs', () => {
  it('keeps a 0015 database as it was and adds the table of received PDFs, tied to period and unit', async () => {
    const old = await databaseAt('0015-audit-chain');
    old.raw.exec(`INSERT INTO setting (key, value) VALUES ('userName', 'Lan')`);
    const before = old.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    await old.close();
    const opened = await openDatabase(old.file);
    const tables = (opened.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual([...before.map((t) => t.name), 'received_pdf', ...(await tablesAddedAfter('0016-received-pdfs'))].sort());
    expect(opened.raw.prepare("SELECT value FROM setting WHERE key = 'userName'").get()).toEqual({ value: 'Lan' });
    const columns = (opened.raw.prepare('PRAGMA table_info(received_pdf)').all() as { name: string; notnull: number }[]).map((c) => [c.name, c.notnull]);
    expect(columns).toEqual([['id', 0], ['period_id', 1], ['unit_id', 1], ['file_name', 1], ['file_sha256', 1], ['file_bytes', 1], ['received_at', 1], ['received_by', 1]]);
    // A PDF of a period that does not exist is refused by the foreign key.
    expect(() => opened.raw.prepare("INSERT INTO received_pdf (period_id, unit_id, file_name, file_sha256, file_bytes, received_at, received_by) VALUES (999, 999, 'a.pdf', 'x', x'25', 't', 'Lan')").run()).toThrow(/FOREIGN KEY/);
    await opened.close();
  });
});
