/**
 * A profiling harness for the national import and template paths (not a test):
 *   node --import tsx tests/bench/profile-national.ts [files]
 * writes /tmp/prof/national-import.cpuprofile and prints the costliest statements.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { importBatch } from './import-batch';
import { filledTemplates, NATIONAL } from './national';
import { buildTerritory } from './territory';
import { timeStatements } from './sql-timing';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-prof-national-'));
const n = Number(process.argv[2] ?? 60);
try {
  const t = await buildTerritory(path.join(dir, 'national'), 'national', NATIONAL);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  let started = performance.now();
  const files = await filledTemplates(t, dir, console.log, t.communeIds.slice(0, n));
  console.log(`templates: ${((performance.now() - started) / n).toFixed(1)} ms a file`);
  fs.mkdirSync('/tmp/prof', { recursive: true });
  fs.writeFileSync('/tmp/prof/national-templates.cpuprofile', JSON.stringify((await session.post('Profiler.stop')).profile));
  const statements = timeStatements(t.b.database.raw);
  await session.post('Profiler.start');
  started = performance.now();
  const r = await importBatch(t.b, files, { floor: process.argv[3] !== 'nofloor' });
  console.log(`import: ${(r.ms / n).toFixed(1)} ms a file; SheetJS floor ${(r.floorMs / n).toFixed(1)} ms a file; ${((performance.now() - started) / 1000).toFixed(1)} s`);
  fs.writeFileSync('/tmp/prof/national-import.cpuprofile', JSON.stringify((await session.post('Profiler.stop')).profile));
  console.log(statements.report().join('\n'));
  await t.b.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
