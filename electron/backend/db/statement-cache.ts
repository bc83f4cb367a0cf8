/**
 * The connection kysely runs its queries on, with each statement kept by its SQL text once
 * prepared: kysely asks better-sqlite3 to prepare every query anew, and at national size
 * (a report's values in one insert of a few hundred rows, thousands of files) preparing costs
 * about as much as running. A statement still being read (a streamed query) is not shared: a
 * fresh one is prepared for the other caller. SQLite re-prepares a kept statement itself when
 * the schema changes (migrations), so a kept statement never runs against an old schema.
 */
import type SqliteDatabase from 'better-sqlite3';

/** Distinct statements kept: the app issues a few hundred kinds of query. */
const MAX_STATEMENTS = 500;

export function withStatementCache(raw: SqliteDatabase.Database): SqliteDatabase.Database {
  const kept = new Map<string, SqliteDatabase.Statement>();
  const prepare = (sql: string): SqliteDatabase.Statement => {
    const hit = kept.get(sql);
    if (hit && !hit.busy) {
      // Most recently used last, so the oldest is the first to go.
      kept.delete(sql);
      kept.set(sql, hit);
      return hit;
    }
    const stmt = raw.prepare(sql);
    if (!hit) {
      if (kept.size >= MAX_STATEMENTS) kept.delete(kept.keys().next().value!);
      kept.set(sql, stmt);
    }
    return stmt;
  };
  return new Proxy(raw, {
    get(target, key) {
      if (key === 'prepare') return prepare;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
