/**
 * The audit trail's chain: each row's hash covers its own fields and the previous row's hash, so
 * changing, removing or inserting a row anywhere breaks every hash after it. Pure (the hash
 * function comes from the caller: node:crypto in the backend).
 */

export interface AuditRow {
  id: number;
  at: string;
  user_name: string;
  os_user: string;
  computer: string;
  entity: string;
  entity_id: number | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
  prev_hash: string | null;
  hash: string | null;
}

export type Sha256 = (text: string) => string;

/** The text hashed for a row: its fields in a fixed order, with the previous row's hash. */
export function auditHashInput(r: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([r.prev_hash, r.id, r.at, r.user_name, r.os_user, r.computer, r.entity, r.entity_id, r.action, r.before_json, r.after_json, r.reason]);
}

export interface ChainCheck {
  rows: number;
  /** The first row where the chain breaks, and how; null when it is whole. */
  broken: { id: number; at: string | null; why: 'changed' | 'removed_before' | 'not_chained' } | null;
}

/** Walks the rows in id order and says where the chain first breaks. */
export function verifyChain(rows: Iterable<AuditRow>, sha256: Sha256): ChainCheck {
  let prev: AuditRow | null = null;
  let n = 0;
  for (const r of rows) {
    n++;
    if (r.hash === null) return { rows: n, broken: { id: r.id, at: r.at, why: 'not_chained' } };
    if ((prev && (r.prev_hash !== prev.hash || r.id !== prev.id + 1)) || (!prev && r.prev_hash !== null && r.id === 1)) return { rows: n, broken: { id: r.id, at: r.at, why: 'removed_before' } };
    if (sha256(auditHashInput(r)) !== r.hash) return { rows: n, broken: { id: r.id, at: r.at, why: 'changed' } };
    prev = r;
  }
  return { rows: n, broken: null };
}
