/**
 * A profiling harness for the national merge (not a test):
 *   node --import tsx tests/bench/profile-merge-national.ts
 * writes /tmp/prof/national-merge.cpuprofile and prints the costliest statements (three merges,
 * each after a report of the period arrived).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { mergeForScreen } from '../../electron/backend/services/merge-screen';
import { reportArrives } from './merge-compute';
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
  const touch = reportArrives(t.b, last.id);
  const run = async () => {
    touch();
    const s = performance.now();
    const v = await mergeForScreen(t.b.ctx.db, t.b.ctx, last.id);
    const json = JSON.stringify(v).length;
    return [performance.now() - s, json];
  };
  console.log('warm-up', await run());
  const statements = timeStatements(raw);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  for (let i = 0; i < 3; i++) console.log('merge-get', await run());
  fs.mkdirSync('/tmp/prof', { recursive: true });
  fs.writeFileSync('/tmp/prof/national-merge.cpuprofile', JSON.stringify((await session.post('Profiler.stop')).profile));
  console.log(statements.report(20).join('\n'));
  await t.b.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
