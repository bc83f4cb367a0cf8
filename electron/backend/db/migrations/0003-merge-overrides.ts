/**
 * 0003: a compiler may override a merged value, with a reason. Every override is kept; the
 * current one per (period, compiling unit, measure) is marked.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE merge_override (
      id INTEGER PRIMARY KEY,
      period_id INTEGER NOT NULL REFERENCES reporting_period(id) ON DELETE CASCADE,
      parent_unit_id INTEGER NOT NULL REFERENCES org_unit(id),
      measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
      value REAL,
      computed_value REAL,
      reason TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      is_current INTEGER NOT NULL CHECK (is_current IN (0,1))
    ) STRICT`,
    `CREATE UNIQUE INDEX merge_override_current ON merge_override(period_id, parent_unit_id, measure_id) WHERE is_current = 1`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0003-merge-overrides cannot be undone');
}
