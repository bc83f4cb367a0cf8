/**
 * 0014: the compiler's marks on a report's warnings. A figure accepted with a warning (outside
 * its range, far from the unit's last period or from the target) is checked once by the
 * compiler, who marks it so; the mark belongs to that revision and that warning's text (a new
 * file, or a changed figure, brings a new warning to check).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE warning_check (
      report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
      message TEXT NOT NULL,
      checked_at TEXT NOT NULL,
      checked_by TEXT NOT NULL,
      PRIMARY KEY (report_id, message)
    ) WITHOUT ROWID`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0014-warning-checks cannot be undone');
}
