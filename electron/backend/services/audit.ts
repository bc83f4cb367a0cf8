/**
 * The audit trail: who changed what, when, from what to what, and why. Who is both the display
 * name typed in Settings and the computer's own account and name (which the user does not type).
 * Rows are only ever added (triggers refuse changes and deletions, migration 0015), each chained
 * by hash to the one before, so `audit verify` finds any row changed, removed or slipped in.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import type { Db } from '../db/connection';
import type { BackendContext } from '../context';
import { nowIso } from '../context';
import { auditHashInput, verifyChain, type AuditRow, type ChainCheck } from '../../../shared/domain/audit-chain';
import { getSetting } from './settings';

export interface AuditEntry {
  entity: 'plan' | 'goal' | 'indicator' | 'measure' | 'unit' | 'setting' | 'demo' | 'period' | 'report' | 'merge' | 'database' | 'category' | 'catalogue' | 'task' | 'task_group' | 'backup' | 'export' | 'received pdf' | 'reminder';
  entityId: number | null;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

let machine: { osUser: string; computer: string } | undefined;
/** The computer's account and name (os.userInfo can fail where the account has no entry). */
export function whoOnThisComputer(): { osUser: string; computer: string } {
  if (!machine) {
    let osUser = '';
    try {
      osUser = os.userInfo().username;
    } catch {
      osUser = process.env.USERNAME ?? process.env.USER ?? '';
    }
    machine = { osUser, computer: os.hostname() };
  }
  return machine;
}

export async function audit(db: Db, ctx: BackendContext, entry: AuditEntry): Promise<void> {
  const { osUser, computer } = whoOnThisComputer();
  const userName = await getSetting(db, 'userName');
  // Two calls running at once (two exports, the grid saving while a file comes in) may read the
  // same last row: the second insert then finds its id taken, and is chained again on the new last.
  for (let attempt = 1; ; attempt++) {
    const last = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    const row: Omit<AuditRow, 'hash'> = {
      id: (last?.id ?? 0) + 1,
      at: nowIso(ctx),
      user_name: userName,
      os_user: osUser,
      computer,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
      reason: entry.reason ?? null,
      prev_hash: last?.hash ?? null,
    };
    try {
      await db.insertInto('audit_log').values({ ...row, hash: sha256(auditHashInput(row)) }).execute();
      return;
    } catch (e) {
      const taken = (e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /UNIQUE constraint failed: audit_log\.id/.test(String((e as Error).message));
      if (!taken || attempt >= 20) throw e;
    }
  }
}

/** One audit line for the fields of a record that changed (none: nothing written). */
export async function auditChanges(db: Db, ctx: BackendContext, entry: Omit<AuditEntry, 'before' | 'after'>, before: object, after: object): Promise<void> {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  if (!keys.length) return;
  await audit(db, ctx, { ...entry, before: Object.fromEntries(keys.map((k) => [k, b[k]])), after: Object.fromEntries(keys.map((k) => [k, a[k]])) });
}

/** Checks the whole chain, row by row in order (streamed: the trail may hold millions of rows). */
export async function verifyAudit(ctx: BackendContext): Promise<ChainCheck> {
  const rows = ctx.raw.prepare('SELECT id, at, user_name, os_user, computer, entity, entity_id, action, before_json, after_json, reason, prev_hash, hash FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>;
  return verifyChain(rows, sha256);
}
