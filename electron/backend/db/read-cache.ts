/**
 * Costly reads kept until a write touches their tables: each entry remembers the change
 * counters (migration 0006; a period's own, migration 0019) it was read at. Per database
 * connection; a transaction (a different object) always reads afresh, so it sees its own
 * uncommitted writes.
 */
import { sql } from 'kysely';
import type { Db } from './connection';
import type { COUNTED_TABLES } from './migrations/0006-change-counters';

export type Topic = keyof typeof COUNTED_TABLES;

interface Entry {
  stamp: string;
  value: unknown;
}

const caches = new WeakMap<Db, Map<string, Entry>>();
/** Entries per connection: the tree on a few dates, a few plans. */
const MAX_ENTRIES = 64;

async function stampOf(db: Db, topics: readonly Topic[]): Promise<string> {
  const rows = await sql<{ topic: string; n: number }>`SELECT topic, n FROM change_counter`.execute(db);
  return topics.map((t) => `${t}:${rows.rows.find((r) => r.topic === t)?.n ?? '?'}`).join(',');
}

export async function cachedRead<T>(db: Db, topics: readonly Topic[], key: string, read: () => Promise<T>): Promise<T> {
  return kept(db, key, () => stampOf(db, topics), read);
}

/**
 * Like cachedRead, for a computation over one reporting period: kept also until that period's
 * own counter moves (migration 0019), so writes to other periods leave it.
 */
export async function cachedPeriodRead<T>(db: Db, periodId: number, topics: readonly Topic[], key: string, read: () => Promise<T>): Promise<T> {
  return kept(db, `period ${periodId}: ${key}`, async () => `${await stampOf(db, topics)};period:${await periodStamp(db, periodId)}`, read);
}

async function periodStamp(db: Db, periodId: number): Promise<number> {
  const r = await sql<{ n: number }>`SELECT n FROM period_change WHERE period_id = ${periodId}`.execute(db);
  return r.rows[0]?.n ?? 0;
}

async function kept<T>(db: Db, key: string, stampNow: () => Promise<string>, read: () => Promise<T>): Promise<T> {
  if (db.isTransaction) return read();
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const stamp = await stampNow();
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.value as T;
  const value = await read();
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, { stamp, value });
  return value;
}
