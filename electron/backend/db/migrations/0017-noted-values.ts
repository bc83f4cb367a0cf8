/**
 * 0017: the few values that carry a unit's note ("Ghi chú"), found without reading every value
 * of a period. The merge lists the notes of every report it rolls up; at national size that was
 * a scan of half a million values to find a handful.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX report_value_noted ON report_value(report_id) WHERE note IS NOT NULL`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0017-noted-values cannot be undone');
}
