/**
 * A profiling harness for the template and import paths of `npm run bench` (not a test):
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx tests/bench/profile-collect.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBackend } from '../../electron/backend/index';
import { call } from '../helpers/backend';
import { fillTemplate } from '../helpers/fill-template';
import { timeStatements } from './sql-timing';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-prof-'));
const b = await startBackend({ dbPath: path.join(dir, 'p.sqlite'), log: () => undefined });
const kt = await call(b, 'unit-create', { code: 'BENCH', name: 'Tỉnh Đo', kind: 'province', parentId: null, validFrom: '2016-01-01' });
for (let i = 1; i <= 100; i++) await call(b, 'unit-create', { code: `I.${i}`, name: `Huyện mẫu ${i}`, kind: 'district', parentId: kt.id, validFrom: '2020-01-01' });
const plans = await call(b, 'plan-list', {});
const plan = plans.find((p) => p.title.endsWith('tỉnh Kon Tum năm 2024'))!;
const period = await call(b, 'period-create', { planId: plan.id, parentUnitId: kt.id, kind: 'half_year', year: 2026, name: 'đo', dataFrom: '2025-12-15', dataTo: '2026-06-14', deadlines: [{ level: 'district', dueOn: '2026-06-05' }] });
const status = (await call(b, 'period-status', { id: period.id }))!;
const units = status.units.filter((u) => u.unitName.startsWith('Huyện mẫu'));
const what = process.argv[2] ?? 'both';
// Time every statement by its SQL text.
const statements = timeStatements(b.database.raw);
process.on('exit', () => console.log(statements.report().join('\n')));
const { Session } = await import('node:inspector/promises');
const session = new Session();
session.connect();
await session.post('Profiler.enable');
if (what === 'templates') await session.post('Profiler.start');
let t = performance.now();
const templates: { fileName: string; bytes: Buffer }[] = [];
for (const u of units) {
  const r = await call(b, 'template-build', { periodId: period.id, unitId: u.unitId });
  templates.push({ fileName: r.fileName, bytes: Buffer.from(r.dataBase64, 'base64') });
}
console.log('templates', Math.round(performance.now() - t), 'ms');
if (what === 'templates') fs.writeFileSync('/tmp/prof/templates.cpuprofile', JSON.stringify((await session.post('Profiler.stop')).profile));
if (what !== 'templates') {
  const files = templates.map((f, i) => ({ fileName: f.fileName, dataBase64: fillTemplate(f.bytes, { '1.1': { G: i % 7 }, '1.2': { E: String(40 + (i % 50)), F: '100' } }).toString('base64') }));
  for (let run = 0; run < 3; run++) {
    if (run === 2) await session.post('Profiler.start');
    t = performance.now();
    await call(b, 'report-import', { files, replace: true });
    console.log('import', Math.round(performance.now() - t), 'ms');
  }
  const { profile } = await session.post('Profiler.stop');
  fs.writeFileSync('/tmp/prof/import.cpuprofile', JSON.stringify(profile));
}
await b.close();
process.exit(0);
