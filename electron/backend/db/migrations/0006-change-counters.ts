/**
 * 0006: a counter per topic that every write to the topic's tables bumps (by triggers, so no
 * write path can forget it). Reads that are costly and asked for again and again (the unit tree
 * with its history, a plan with its measures and targets) are kept until their counters move.
 */
import { sql, type Kysely } from 'kysely';

export const COUNTED_TABLES = {
  units: ['org_unit', 'org_unit_version', 'org_event', 'org_event_unit', 'org_succession', 'unit_duty'],
  plans: [
    'plan', 'goal', 'indicator', 'measure', 'measure_cooperating_unit', 'target', 'task_group', 'task', 'task_cooperating_unit',
    'category', 'category_option', 'category_combo', 'category_combo_category', 'category_option_combo', 'category_option_combo_option',
  ],
} as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [`CREATE TABLE change_counter (topic TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT`];
  for (const [topic, tables] of Object.entries(COUNTED_TABLES)) {
    statements.push(`INSERT INTO change_counter (topic, n) VALUES ('${topic}', 0)`);
    for (const table of tables) {
      for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
        statements.push(
          `CREATE TRIGGER count_${table}_${op.toLowerCase()} AFTER ${op} ON ${table} BEGIN UPDATE change_counter SET n = n + 1 WHERE topic = '${topic}'; END`,
        );
      }
    }
  }
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0006-change-counters cannot be undone');
}
