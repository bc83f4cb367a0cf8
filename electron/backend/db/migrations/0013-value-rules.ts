/**
 * 0013: what a measure accepts and how it is shown: negative values for a measure of change
 * (mức giảm số cuộc tảo hôn), the decimals its figures are shown with (null: from its targets),
 * and an optional plausible range (null: from its unit — 0–100 for %, 0–1.000 for ‰ …) outside
 * which a figure is accepted with a warning.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE measure ADD COLUMN allows_negative INTEGER NOT NULL DEFAULT 0 CHECK (allows_negative IN (0, 1))`,
    `ALTER TABLE measure ADD COLUMN decimals INTEGER CHECK (decimals IS NULL OR decimals BETWEEN 0 AND 6)`,
    `ALTER TABLE measure ADD COLUMN min_value REAL`,
    `ALTER TABLE measure ADD COLUMN max_value REAL CHECK (max_value IS NULL OR min_value IS NULL OR max_value >= min_value)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0013-value-rules cannot be undone');
}
