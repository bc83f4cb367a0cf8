/**
 * A profiling harness for the national merge (not a test):
 *   node --import tsx tests/bench/profile-merge-national.ts
 * writes /tmp/prof/national-merge.cpuprofile and prints the costliest statements.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { mergeForScreen } from '../../electron/backend/services/merge-screen';
import { NATIONAL } from './national';
import { buildTerritory } from './territory';
import { timeStatements } from './sql-timing';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-prof-national-'));
try {
  const t = await buildTerritory(path.join(dir, 'national'), 'national', NATIONAL);
  console.log(`built in ${(t.buildMs / 1000).toFixed(1)} s; ${t.values} values a period`);
  const last = t.periods.at(-1)!;
  const raw = t.b.database.raw;
  // A report of the merged period changes before each run, as when a unit's file arrives.
  const touch = () => raw.prepare('UPDATE report SET received_at = received_at WHERE id = (SELECT max(id) FROM report WHERE period_id = ?)').run(last.id);
  const run = async () => {
    touch();
    const s = performance.now();
    const v = await mergeForScreen(t.b.ctx.db, t.b.ctx, last.id);
    const json = JSON.stringify(v).length;
    return [performance.now() - s, json];
  };
  console.log('warm-up', await run());
  const statements = timeStatements(raw);
  // Kept statements were prepared before the timer: time them at the prototype.
  const proto = Object.getPrototypeOf(raw.prepare('SELECT 1')) as { all: (...a: unknown[]) => unknown[]; source: string };
  const all = proto.all;
  const bySql = new Map<string, { n: number; ms: number; rows: number }>();
  proto.all = function (this: { source: string }, ...a: unknown[]) {
    const t0 = performance.now();
    const out = all.apply(this, a);
    const e = bySql.get(this.source) ?? { n: 0, ms: 0, rows: 0 };
    e.n++; e.ms += performance.now() - t0; e.rows += out.length;
    bySql.set(this.source, e);
    return out;
  };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  for (let i = 0; i < 3; i++) console.log('merge-get', await run());
  fs.mkdirSync('/tmp/prof', { recursive: true });
  fs.writeFileSync('/tmp/prof/national-merge.cpuprofile', JSON.stringify((await session.post('Profiler.stop')).profile));
  console.log(statements.report(20).join('\n'));
  for (const [sql, e] of [...bySql].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) console.log(`${(e.ms / 3).toFixed(0).padStart(6)} ms/run ${String(e.n / 3).padStart(5)}× ${String(Math.round(e.rows / 3)).padStart(8)} rows  ${sql.replace(/\s+/g, ' ').slice(0, 260)}`);
  await t.b.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
