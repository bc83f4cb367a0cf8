/**
 * 0007: breakdowns (phân tổ) a user defines. Categories get an order, a note and a sample mark;
 * an option is retired instead of deleted once reports use it, and a renamed option keeps its
 * former names with the day each stopped being used, so a report shows the words of its time.
 * Categories and combinations already there (migration 0001's default, the demo's) are kept.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE category ADD COLUMN position INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE category ADD COLUMN note TEXT NOT NULL DEFAULT ''`,
    `ALTER TABLE category ADD COLUMN is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0,1))`,
    `UPDATE category SET position = id`,
    `ALTER TABLE category_option ADD COLUMN retired_on TEXT`,
    `CREATE TABLE category_option_rename (
      id INTEGER PRIMARY KEY,
      option_id INTEGER NOT NULL REFERENCES category_option(id) ON DELETE CASCADE,
      old_name TEXT NOT NULL,
      new_name TEXT NOT NULL,
      renamed_on TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL DEFAULT ''
    ) STRICT`,
    `CREATE INDEX category_option_rename_option ON category_option_rename(option_id, renamed_on)`,
    `CREATE INDEX category_option_combo_combo ON category_option_combo(combo_id)`,
    `CREATE INDEX report_value_measure ON report_value(measure_id, option_combo_id)`,
  ];
  // Renames change how plans read (migration 0006's counters).
  for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
    statements.push(
      `CREATE TRIGGER count_category_option_rename_${op.toLowerCase()} AFTER ${op} ON category_option_rename BEGIN UPDATE change_counter SET n = n + 1 WHERE topic = 'plans'; END`,
    );
  }
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0007-breakdowns cannot be undone');
}
