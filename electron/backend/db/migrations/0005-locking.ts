/**
 * 0005: a period is submitted (sent to the level above) and then locked until someone unlocks
 * it with a reason. An approved report is locked by its status; unlocking is in the audit trail.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE reporting_period ADD COLUMN submitted_at TEXT`,
    `ALTER TABLE reporting_period ADD COLUMN submitted_by TEXT`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0005-locking cannot be undone');
}
