/**
 * 0010: a unit's report on a task says where it stands (Đã hoàn thành / Đang thực hiện / Chưa thực
 * hiện / Không phát sinh) and may give figures: activities held, participants, funds (million dong).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE report_task_progress ADD COLUMN status TEXT CHECK (status IS NULL OR status IN ('done','in_progress','not_started','not_applicable'))`,
    `ALTER TABLE report_task_progress ADD COLUMN events INTEGER CHECK (events IS NULL OR events >= 0)`,
    `ALTER TABLE report_task_progress ADD COLUMN participants INTEGER CHECK (participants IS NULL OR participants >= 0)`,
    `ALTER TABLE report_task_progress ADD COLUMN funds REAL CHECK (funds IS NULL OR funds >= 0)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0010-task-status cannot be undone');
}
