/**
 * A profiling harness for the merge view and the PDF of `npm run bench` (not a test):
 *   node --import tsx tests/bench/profile-merge.ts   → /tmp/prof/merge.cpuprofile, /tmp/prof/pdf.cpuprofile
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { startBackend } from '../../electron/backend/index';
import { call } from '../helpers/backend';
import { computeMerge } from './merge-compute';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-prof-'));
const b = await startBackend({ dbPath: path.join(dir, 'p.sqlite'), log: () => undefined });
const kt = await call(b, 'unit-create', { code: 'BENCH', name: 'Tỉnh Đo', kind: 'province', parentId: null, validFrom: '2016-01-01' });
const districts: { id: number }[] = [];
for (let i = 1; i <= 10; i++) districts.push(await call(b, 'unit-create', { code: `BENCH.${i}`, name: `Huyện đo ${i}`, kind: 'district', parentId: kt.id, validFrom: '2016-01-01' }));
for (const [i, d] of districts.entries()) for (let j = 1; j <= 10; j++) await call(b, 'unit-create', { code: `B.${i}.${j}`, name: `Xã mẫu ${i * 10 + j}`, kind: 'commune', parentId: d.id, validFrom: '2016-01-01' });
const plan = (await call(b, 'plan-list', {})).find((p) => p.title.endsWith('tỉnh Kon Tum năm 2024'))!;
const raw = b.database.raw;
const measures = raw.prepare('SELECT m.id, m.value_kind FROM measure m JOIN indicator i ON i.id = m.indicator_id JOIN goal g ON g.id = i.goal_id WHERE g.plan_id = ? ORDER BY m.id').all(plan.id) as { id: number; value_kind: string }[];
let latest = 0;
for (let y = 2017; y <= 2026; y++) {
  for (const kind of ['half_year', 'annual'] as const) {
    const p = await call(b, 'period-create', { planId: plan.id, parentUnitId: kt.id, kind, year: y, name: `${kind} ${y}`, dataFrom: `${y - 1}-12-15`, dataTo: kind === 'annual' ? `${y}-12-14` : `${y}-06-14`, deadlines: [{ level: 'district', dueOn: `${y}-06-05` }] });
    latest = p.id;
    raw.transaction(() => {
      for (const d of districts) {
        const reportId = Number(raw.prepare("INSERT INTO report (period_id, unit_id, revision, is_current, status, source, received_at) VALUES (?, ?, 1, 1, 'valid', 'typed', ?)").run(p.id, d.id, `${y}-06-01`).lastInsertRowid);
        for (const m of measures) raw.prepare('INSERT INTO report_value (report_id, measure_id, option_combo_id, numerator, denominator, value) VALUES (?, ?, 1, ?, ?, ?)').run(reportId, m.id, m.value_kind === 'rate' ? 50 : null, m.value_kind === 'rate' ? 100 : null, 50);
      }
    })();
  }
}
const session = new Session();
session.connect();
await session.post('Profiler.enable');
for (const [name, run] of [
  ['merge', () => computeMerge(b, latest)],
  ['pdf', async () => call(b, 'merge-pdf', { periodId: latest, document: { ...((await call(b, 'document-settings-get', { periodId: latest })) ), number: '15', signerName: 'Nguyễn Văn An' } })],
] as const) {
  await run();
  await session.post('Profiler.start');
  const t = performance.now();
  for (let i = 0; i < 10; i++) await run();
  console.log(name, ((performance.now() - t) / 10).toFixed(1), 'ms each');
  fs.writeFileSync(`/tmp/prof/${name}.cpuprofile`, JSON.stringify((await session.post('Profiler.stop')).profile));
}
await b.close();
process.exit(0);
