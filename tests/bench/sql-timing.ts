/**
 * For the profiling harnesses: times every statement run on better-sqlite3 from now on, by its
 * SQL text. Patched at the statements' prototype, so statements prepared and kept before (the
 * statement cache keeps kysely's) are timed too.
 */
import type SqliteDatabase from 'better-sqlite3';

type Method = (...a: unknown[]) => unknown;

export function timeStatements(raw: SqliteDatabase.Database): { report: (top?: number) => string[] } {
  const bySql = new Map<string, { n: number; ms: number; rows: number }>();
  const proto = Object.getPrototypeOf(raw.prepare('SELECT 1')) as Record<string, Method>;
  for (const m of ['all', 'run', 'get', 'iterate'] as const) {
    const orig = proto[m]!;
    proto[m] = function (this: { source: string }, ...a: unknown[]) {
      const t0 = performance.now();
      const out = orig.apply(this, a);
      const e = bySql.get(this.source) ?? { n: 0, ms: 0, rows: 0 };
      e.n++;
      e.ms += performance.now() - t0;
      if (m === 'all') e.rows += (out as unknown[]).length;
      bySql.set(this.source, e);
      return out;
    };
  }
  return {
    report: (top = 15) =>
      [...bySql]
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, top)
        .map(([sql, e]) => `${e.ms.toFixed(0).padStart(6)} ms ${String(e.n).padStart(6)}× ${String(e.rows).padStart(8)} rows  ${sql.replace(/\s+/g, ' ').slice(0, 160)}`),
  };
}
