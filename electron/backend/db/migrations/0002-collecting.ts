/**
 * 0002: collecting reports. A period belongs to the unit that compiles it (its expected
 * reporters are that unit's children on the period's cut-off date); every file received is
 * logged, imported or rejected; reports keep their import warnings and approval.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE reporting_period ADD COLUMN parent_unit_id INTEGER REFERENCES org_unit(id)`,
    `CREATE INDEX reporting_period_plan ON reporting_period(plan_id, year)`,
    `ALTER TABLE report ADD COLUMN warnings_json TEXT`,
    `ALTER TABLE report_value ADD COLUMN note TEXT`,
    `ALTER TABLE report ADD COLUMN approved_at TEXT`,
    `ALTER TABLE report ADD COLUMN approved_by TEXT`,
    `CREATE INDEX report_period_unit ON report(period_id, unit_id)`,
    `CREATE TABLE import_attempt (
      id INTEGER PRIMARY KEY,
      period_id INTEGER REFERENCES reporting_period(id) ON DELETE CASCADE,
      unit_id INTEGER REFERENCES org_unit(id),
      file_name TEXT NOT NULL,
      file_sha256 TEXT NOT NULL,
      attempted_at TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('imported','rejected')),
      report_id INTEGER REFERENCES report(id) ON DELETE SET NULL,
      problems_json TEXT NOT NULL DEFAULT '[]'
    ) STRICT`,
    `CREATE INDEX import_attempt_period_unit ON import_attempt(period_id, unit_id)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0002-collecting cannot be undone');
}
