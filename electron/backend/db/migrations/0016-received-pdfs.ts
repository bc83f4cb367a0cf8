/**
 * 0016: the signed PDFs a unit sends with its Excel file (its official report, signed by its
 * head and its office), kept byte for byte with the period and the unit, so that anyone can
 * check their signatures again later.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE received_pdf (
      id INTEGER PRIMARY KEY,
      period_id INTEGER NOT NULL REFERENCES reporting_period(id) ON DELETE CASCADE,
      unit_id INTEGER NOT NULL REFERENCES org_unit(id),
      file_name TEXT NOT NULL,
      file_sha256 TEXT NOT NULL,
      file_bytes BLOB NOT NULL,
      received_at TEXT NOT NULL,
      received_by TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX received_pdf_period_unit ON received_pdf(period_id, unit_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0016-received-pdfs cannot be undone');
}
