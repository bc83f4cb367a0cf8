/**
 * 0012: a period may collect more plans than its own (reporting_period.plan_id): e.g. the
 * programme's indicator plan and the task plan whose results are reported "vào báo cáo thực hiện
 * Chương trình hành động vì trẻ em". One template per unit, one status, one merged report.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE TABLE period_plan (
        period_id INTEGER NOT NULL REFERENCES reporting_period(id) ON DELETE CASCADE,
        plan_id INTEGER NOT NULL REFERENCES plan(id),
        position INTEGER NOT NULL CHECK (position >= 2),
        PRIMARY KEY (period_id, plan_id)
      ) STRICT`,
    )
    .execute(db);
  await sql.raw(`CREATE INDEX period_plan_plan ON period_plan(plan_id)`).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0012-period-plans cannot be undone');
}
