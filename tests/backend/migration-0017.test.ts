import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { databaseAt, tablesAddedAfter } from '../helpers/migration-kit';

describe('migration 0017-noted-values', () => {
  it('keeps a 0016 database as it was and finds the values with a note through their own index', async () => {
    const old = await databaseAt('0016-received-pdfs');
    old.raw.exec(`INSERT INTO setting (key, value) VALUES ('userName', 'Lan')`);
    const tables = (db: { raw: typeof old.raw }) => (db.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const before = tables(old);
    await old.close();
    const opened = await openDatabase(old.file);
    expect(tables(opened)).toEqual([...before, ...(await tablesAddedAfter('0017-noted-values'))].sort());
    expect(opened.raw.prepare("SELECT value FROM setting WHERE key = 'userName'").get()).toEqual({ value: 'Lan' });
    const index = opened.raw.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'report_value_noted'").get() as { sql: string } | undefined;
    expect(index?.sql).toMatch(/ON report_value\(report_id\) WHERE note IS NOT NULL/);
    // The notes query of the merge (readNotes) is answered from that index, not a scan of every value.
    const plan = (opened.raw.prepare(
      `EXPLAIN QUERY PLAN SELECT r.unit_id, v.measure_id, v.note FROM report_value v JOIN report r ON r.id = v.report_id
       WHERE v.report_id IN (1, 2, 3) AND v.option_combo_id = 0 AND v.note IS NOT NULL AND v.note != ''`,
    ).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/report_value_noted/);
    await opened.close();
  });
});
