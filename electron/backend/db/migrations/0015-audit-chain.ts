/**
 * 0015: an audit trail an auditor accepts. Each row says who really did it (the computer's
 * account and name, beside the display name typed in Settings), carries a hash chained to the
 * row before it (rows already there are chained now, in order), and no row can be changed or
 * removed: triggers refuse UPDATE and DELETE on audit_log.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { auditHashInput, type AuditRow } from '../../../../shared/domain/audit-chain';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of [
    `ALTER TABLE audit_log ADD COLUMN os_user TEXT NOT NULL DEFAULT ''`,
    `ALTER TABLE audit_log ADD COLUMN computer TEXT NOT NULL DEFAULT ''`,
    `ALTER TABLE audit_log ADD COLUMN prev_hash TEXT`,
    `ALTER TABLE audit_log ADD COLUMN hash TEXT`,
  ])
    await sql.raw(s).execute(db);
  const rows = (await sql<AuditRow>`SELECT * FROM audit_log ORDER BY id`.execute(db)).rows;
  let prev: string | null = null;
  for (const r of rows) {
    const hash = sha256(auditHashInput({ ...r, prev_hash: prev }));
    await sql`UPDATE audit_log SET prev_hash = ${prev}, hash = ${hash} WHERE id = ${r.id}`.execute(db);
    prev = hash;
  }
  await sql`CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0015-audit-chain cannot be undone');
}
