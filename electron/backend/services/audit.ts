/** The audit trail: who changed what, when, from what to what, and why. */
import type { Db } from '../db/connection';
import type { BackendContext } from '../context';
import { nowIso } from '../context';
import { getSetting } from './settings';

export interface AuditEntry {
  entity: 'plan' | 'goal' | 'indicator' | 'measure' | 'unit' | 'setting' | 'demo' | 'period' | 'report' | 'merge' | 'database' | 'category' | 'catalogue' | 'task' | 'task_group';
  entityId: number | null;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

export async function audit(db: Db, ctx: BackendContext, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: nowIso(ctx),
      user_name: await getSetting(db, 'userName'),
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
      reason: entry.reason ?? null,
    })
    .execute();
}
