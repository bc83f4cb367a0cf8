/**
 * 0011: a plan may name the unit that issued it (the lead of activities that name no lead, and the
 * default compiling unit of its periods); a task keeps its "Sản phẩm / Kết quả" column; a measure
 * keeps its agencies as the plan wrote them (a name no unit matched is kept, never dropped).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE plan ADD COLUMN issuer_unit_id INTEGER REFERENCES org_unit(id)`,
    `ALTER TABLE task ADD COLUMN product TEXT NOT NULL DEFAULT ''`,
    `ALTER TABLE measure ADD COLUMN lead_text TEXT NOT NULL DEFAULT ''`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0011-task-import cannot be undone');
}
