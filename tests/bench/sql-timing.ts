/** For the profiling harnesses: times every statement of a connection by its SQL text. */
import type SqliteDatabase from 'better-sqlite3';

export function timeStatements(raw: SqliteDatabase.Database): { report: (top?: number) => string[] } {
  const bySql = new Map<string, { n: number; ms: number }>();
  const prepare = raw.prepare.bind(raw);
  (raw as unknown as { prepare: unknown }).prepare = (sql: string) => {
    const stmt = prepare(sql);
    for (const m of ['all', 'run', 'get', 'iterate'] as const) {
      const orig = (stmt as unknown as Record<string, (...a: unknown[]) => unknown>)[m]!.bind(stmt);
      (stmt as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
        const t0 = performance.now();
        try {
          return orig(...a);
        } finally {
          const e = bySql.get(sql) ?? { n: 0, ms: 0 };
          e.n++;
          e.ms += performance.now() - t0;
          bySql.set(sql, e);
        }
      };
    }
    return stmt;
  };
  return {
    report: (top = 15) =>
      [...bySql]
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, top)
        .map(([sql, e]) => `${e.ms.toFixed(0).padStart(6)} ms ${String(e.n).padStart(6)}× ${sql.slice(0, 160)}`),
  };
}
