/**
 * 0019: a counter per reporting period that every write to what the period's figures are made of
 * bumps, by triggers (so no write path can forget it): its reports, their values changed or
 * removed in place, the compiler's corrections (merge_override), warning marks, the period itself,
 * its plans and deadlines. A computation over one period (last year's merge beside this year's)
 * is kept until its period's counter moves, whatever is written to other periods.
 *
 * A value added to a report has no trigger: at national size that doubled SQLite's cost of
 * storing a file's values. Every path that adds values to a report already touches the report
 * row in the same transaction (a new revision inserts it; a typed value updates its warnings;
 * report-store's replaceMeasureValues touches it explicitly) and that row's trigger counts.
 */
import { sql, type Kysely } from 'kysely';

const bump = (periodId: string) =>
  `INSERT INTO period_change (period_id, n) SELECT ${periodId}, 1 WHERE ${periodId} IS NOT NULL ON CONFLICT(period_id) DO UPDATE SET n = n + 1;`;
const viaReport = (reportId: string) => bump(`(SELECT period_id FROM report WHERE id = ${reportId})`);

/** Table → per operation, the statement bumping the period the changed row belongs to. */
const TRIGGERS: Record<string, Partial<Record<'INSERT' | 'UPDATE' | 'DELETE', string>>> = {
  report: { INSERT: bump('NEW.period_id'), UPDATE: bump('NEW.period_id') + bump('CASE WHEN OLD.period_id IS NOT NEW.period_id THEN OLD.period_id END'), DELETE: bump('OLD.period_id') },
  report_value: { UPDATE: viaReport('NEW.report_id'), DELETE: viaReport('OLD.report_id') },
  report_narrative: { INSERT: viaReport('NEW.report_id'), UPDATE: viaReport('NEW.report_id'), DELETE: viaReport('OLD.report_id') },
  report_task_progress: { INSERT: viaReport('NEW.report_id'), UPDATE: viaReport('NEW.report_id'), DELETE: viaReport('OLD.report_id') },
  warning_check: { INSERT: viaReport('NEW.report_id'), UPDATE: viaReport('NEW.report_id'), DELETE: viaReport('OLD.report_id') },
  merge_override: { INSERT: bump('NEW.period_id'), UPDATE: bump('NEW.period_id'), DELETE: bump('OLD.period_id') },
  reporting_period: { UPDATE: bump('NEW.id'), DELETE: bump('OLD.id') },
  period_plan: { INSERT: bump('NEW.period_id'), UPDATE: bump('NEW.period_id'), DELETE: bump('OLD.period_id') },
  period_deadline: { INSERT: bump('NEW.period_id'), UPDATE: bump('NEW.period_id'), DELETE: bump('OLD.period_id') },
};

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [`CREATE TABLE period_change (period_id INTEGER PRIMARY KEY, n INTEGER NOT NULL) STRICT`];
  for (const [table, ops] of Object.entries(TRIGGERS)) {
    for (const [op, body] of Object.entries(ops)) statements.push(`CREATE TRIGGER period_change_${table}_${op.toLowerCase()} AFTER ${op} ON ${table} BEGIN ${body} END`);
  }
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0019-period-changes cannot be undone');
}
