/**
 * Costly reads kept until a write touches their tables: each entry remembers the change
 * counters (migration 0006) it was read at. Per database connection; a transaction (a
 * different object) always reads afresh, so it sees its own uncommitted writes.
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
  if (db.isTransaction) return read();
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const stamp = await stampOf(db, topics);
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.value as T;
  const value = await read();
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, { stamp, value });
  return value;
}
