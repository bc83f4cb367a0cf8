/**
 * 0018: reminders sent to units that have not reported (a message pasted into e-mail or Zalo, or
 * a công văn đôn đốc), with who sent them, when, and what each unit still owed then.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE reminder (
      id INTEGER PRIMARY KEY,
      period_id INTEGER NOT NULL REFERENCES reporting_period(id) ON DELETE CASCADE,
      channel TEXT NOT NULL CHECK (channel IN ('message', 'letter')),
      sent_at TEXT NOT NULL,
      sent_by TEXT NOT NULL,
      document_number TEXT,
      new_due_on TEXT
    )`.execute(db);
  await sql`
    CREATE TABLE reminder_unit (
      reminder_id INTEGER NOT NULL REFERENCES reminder(id) ON DELETE CASCADE,
      unit_id INTEGER NOT NULL REFERENCES org_unit(id),
      owed TEXT NOT NULL,
      PRIMARY KEY (reminder_id, unit_id)
    )`.execute(db);
  await sql`CREATE INDEX reminder_period ON reminder(period_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0018-reminders cannot be undone');
}
