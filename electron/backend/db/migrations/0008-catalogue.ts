/**
 * 0008: statistical indicator catalogues (bộ chỉ tiêu thống kê), such as the one of Thông tư
 * 13/2021/TT-BLĐTBXH: indicators by annex (Phụ lục I–IV; codes restart per annex), group, name,
 * unit, method, main breakdowns, publication period, source and responsible bodies. A plan's
 * measure may be linked to one of them.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE catalogue (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      document TEXT NOT NULL DEFAULT '',
      issued_on TEXT,
      note TEXT NOT NULL DEFAULT '',
      is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0,1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,
    `CREATE TABLE catalogue_indicator (
      id INTEGER PRIMARY KEY,
      catalogue_id INTEGER NOT NULL REFERENCES catalogue(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      annex TEXT NOT NULL CHECK (annex IN ('I','II','III','IV','V','VI')),
      code TEXT CHECK (code IS NULL OR (length(code) = 4 AND code NOT GLOB '*[^0-9]*')),
      group_code TEXT NOT NULL DEFAULT '',
      group_name TEXT NOT NULL DEFAULT '',
      name TEXT NOT NULL,
      unit_label TEXT NOT NULL DEFAULT '',
      concept TEXT NOT NULL DEFAULT '',
      numerator TEXT NOT NULL DEFAULT '',
      denominator TEXT NOT NULL DEFAULT '',
      factor INTEGER CHECK (factor IS NULL OR factor IN (100, 1000, 10000, 100000)),
      breakdowns TEXT NOT NULL DEFAULT '',
      period TEXT NOT NULL DEFAULT '',
      source TEXT NOT NULL DEFAULT '',
      lead_body TEXT NOT NULL DEFAULT '',
      cooperating_bodies TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT ''
    ) STRICT`,
    `CREATE UNIQUE INDEX catalogue_indicator_code ON catalogue_indicator(catalogue_id, annex, code) WHERE code IS NOT NULL`,
    `CREATE INDEX catalogue_indicator_catalogue ON catalogue_indicator(catalogue_id, position)`,
    `ALTER TABLE measure ADD COLUMN catalogue_indicator_id INTEGER REFERENCES catalogue_indicator(id) ON DELETE SET NULL`,
  ];
  // A plan shows the catalogue codes of its measures: catalogue changes renew its cached reads (0006).
  for (const table of ['catalogue', 'catalogue_indicator']) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      statements.push(`CREATE TRIGGER count_${table}_${op.toLowerCase()} AFTER ${op} ON ${table} BEGIN UPDATE change_counter SET n = n + 1 WHERE topic = 'plans'; END`);
    }
  }
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0008-catalogue cannot be undone');
}
