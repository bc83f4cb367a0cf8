/**
 * 0009: who reports a measure (the territory, its lead unit only, or the lead and its
 * cooperating units), and what a rate's numerator and denominator are. No value: the default
 * follows the measure's roll-up rule (shared/domain/who-reports.ts), and the plan screen says so.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE measure ADD COLUMN reporters TEXT CHECK (reporters IS NULL OR reporters IN ('territorial','lead','lead_cooperating'))`,
    `ALTER TABLE measure ADD COLUMN numerator_label TEXT NOT NULL DEFAULT ''`,
    `ALTER TABLE measure ADD COLUMN denominator_label TEXT NOT NULL DEFAULT ''`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0009-who-reports cannot be undone');
}
