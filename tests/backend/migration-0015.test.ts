import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { databaseAt } from '../helpers/migration-kit';

describe('migration 0015-audit-chain', () => {
  it('keeps 0014 audit rows, chains them in order, and makes the trail append-only', async () => {
    const old = await databaseAt('0014-warning-checks');
    old.raw.exec(`INSERT INTO audit_log (at, user_name, entity, entity_id, action, after_json) VALUES ('2024-01-01T00:00:00Z', 'Lan', 'plan', 1, 'create', '{"title":"KH"}'), ('2024-01-02T00:00:00Z', 'Bình', 'plan', 1, 'update', null)`);
    await old.close();
    const opened = await openDatabase(old.file);
    const rows = opened.raw.prepare('SELECT id, user_name, os_user, computer, after_json, prev_hash, hash FROM audit_log ORDER BY id').all() as { id: number; user_name: string; os_user: string; computer: string; after_json: string | null; prev_hash: string | null; hash: string }[];
    expect(rows.map((r) => [r.id, r.user_name, r.os_user, r.computer, r.after_json])).toEqual([
      [1, 'Lan', '', '', '{"title":"KH"}'],
      [2, 'Bình', '', '', null],
    ]);
    expect(rows[0]!.prev_hash).toBeNull();
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(() => opened.raw.prepare("UPDATE audit_log SET user_name = 'x'").run()).toThrow(/append-only/);
    expect(() => opened.raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    await opened.close();
  });
});
