/**
 * 0004: reorganisations. A change (one rename, or a whole reorganisation with many steps on one
 * date) is recorded with the state of the unit tables before it, so the last one can be undone
 * exactly. Successions (A+B→C, A→B+C) and duties ("child affairs" moving between departments)
 * are dated rows, like unit versions.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE org_change (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('create','rename','move','merge','split','dissolve','transfer','reorganise')),
      effective_on TEXT NOT NULL,
      title TEXT NOT NULL,
      note TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      snapshot_json TEXT NOT NULL,
      undone_at TEXT,
      undone_by TEXT
    ) STRICT`,
    `ALTER TABLE org_event ADD COLUMN change_id INTEGER REFERENCES org_change(id)`,
    `CREATE TABLE org_succession (
      predecessor_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
      successor_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
      effective_on TEXT NOT NULL,
      change_id INTEGER REFERENCES org_change(id),
      PRIMARY KEY (predecessor_id, successor_id),
      CHECK (predecessor_id <> successor_id)
    ) STRICT`,
    `CREATE INDEX org_succession_successor ON org_succession(successor_id)`,
    `INSERT INTO org_succession (predecessor_id, successor_id, effective_on, change_id)
       SELECT id, successor_id, dissolved_on, NULL FROM org_unit WHERE successor_id IS NOT NULL AND dissolved_on IS NOT NULL`,
    `CREATE TABLE unit_duty (
      id INTEGER PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,
      duty TEXT NOT NULL CHECK (duty IN ('child_affairs')),
      valid_from TEXT NOT NULL,
      valid_to TEXT,
      change_id INTEGER REFERENCES org_change(id),
      CHECK (valid_to IS NULL OR valid_to > valid_from)
    ) STRICT`,
    `CREATE INDEX unit_duty_unit ON unit_duty(unit_id)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0004-reorganisation cannot be undone');
}
