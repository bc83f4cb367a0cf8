/**
 * A profiling harness for the merge of broken-down measures (not a test):
 *   node --import tsx tests/bench/profile-breakdowns.ts   → /tmp/prof/merge-breakdowns.cpuprofile, top functions and statements printed
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { startBackend } from '../../electron/backend/index';
import type { MeasureDto } from '../../shared/api/types';
import { call } from '../helpers/backend';
import { computeMerge } from './merge-compute';
import { timeStatements } from './sql-timing';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-prof-'));
const b = await startBackend({ dbPath: path.join(dir, 'p.sqlite'), log: () => undefined, demoOnEmpty: false });
const kt = await call(b, 'unit-create', { code: 'BENCH', name: 'Tỉnh Đo', kind: 'province', parentId: null, validFrom: '2016-01-01' });
const units: number[] = [];
for (let i = 1; i <= 10; i++) {
  const d = await call(b, 'unit-create', { code: `BENCH.${i}`, name: `Huyện đo ${i}`, kind: 'district', parentId: kt.id, validFrom: '2016-01-01' });
  units.push(d.id);
  for (let j = 1; j <= 10; j++) units.push((await call(b, 'unit-create', { code: `B.${i}.${j}`, name: `Xã mẫu ${i * 10 + j}`, kind: 'commune', parentId: d.id, validFrom: '2016-01-01' })).id);
}
const sex = await call(b, 'category-save', { code: 'S', name: 'Giới tính', note: '', options: [{ code: 'NAM', name: 'Nam' }, { code: 'NU', name: 'Nữ' }] });
const age = await call(b, 'category-save', { code: 'A', name: 'Nhóm tuổi', note: '', options: Array.from({ length: 6 }, (_, i) => ({ code: `T${i}`, name: `Nhóm ${i}` })) });
const plan = await call(b, 'plan-create', { number: '', title: 'P', issuerName: '', issuedOn: null, yearFrom: 2026, yearTo: 2026, parentPlanId: null });
const goal = await call(b, 'goal-save', { planId: plan.id, code: 'I', title: 'G' });
const measures: MeasureDto[] = [];
for (let i = 1; i <= 50; i++) {
  const ind = await call(b, 'indicator-save', { goalId: goal.id, code: String(i), title: `I${i}` });
  const rate = i % 2 === 0;
  measures.push(await call(b, 'measure-save', { indicatorId: ind.id, code: '', name: `M${i}`, unitLabel: rate ? '%' : 'Trẻ em', valueKind: rate ? 'rate' : 'count', rateFactor: rate ? 100 : null, direction: 'at_least', rollup: rate ? 'ratio' : 'sum', leadUnitId: null, cooperatingUnitIds: [], categoryIds: [sex.id, age.id], targets: [] }));
}
const period = await call(b, 'period-create', { planId: plan.id, parentUnitId: kt.id, kind: 'half_year', year: 2026, name: 'P', dataFrom: '2025-12-15', dataTo: '2026-06-14', deadlines: [{ level: 'district', dueOn: '2026-06-05' }] });
const raw = b.database.raw;
const insertReport = raw.prepare("INSERT INTO report (period_id, unit_id, revision, is_current, status, source, received_at) VALUES (?, ?, 1, 1, 'valid', 'typed', '2026-06-01')");
const insertValue = raw.prepare('INSERT INTO report_value (report_id, measure_id, option_combo_id, numerator, denominator, value) VALUES (?, ?, ?, ?, ?, ?)');
raw.transaction(() => {
  for (const u of units) {
    const reportId = Number(insertReport.run(period.id, u).lastInsertRowid);
    for (const m of measures) {
      for (const c of m.breakdown!.combos) insertValue.run(reportId, m.id, c.id, m.valueKind === 'rate' ? 5 : null, m.valueKind === 'rate' ? 10 : null, 5);
      insertValue.run(reportId, m.id, 1, m.valueKind === 'rate' ? 60 : null, m.valueKind === 'rate' ? 120 : null, 60);
    }
  }
})();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await call(b, 'merge-get', { periodId: period.id });
await session.post('Profiler.start');
const t = performance.now();
const statements = timeStatements(b.database.raw);
for (let i = 0; i < 10; i++) await computeMerge(b, period.id);
console.log('merge', ((performance.now() - t) / 10).toFixed(1), 'ms each');
const { profile } = await session.post('Profiler.stop');
fs.mkdirSync('/tmp/prof', { recursive: true });
fs.writeFileSync('/tmp/prof/merge-breakdowns.cpuprofile', JSON.stringify(profile));
// Self time per function, the top 15.
const self = new Map<string, number>();
const dt = profile.timeDeltas ?? [];
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
(profile.samples ?? []).forEach((id, i) => {
  const n = byId.get(id)!;
  const key = `${n.callFrame.functionName || '(anonymous)'} ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
});
for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${(ms / 10).toFixed(1).padStart(7)} ms  ${k}`);
console.log(statements.report(8).join('\n'));
await b.close();
process.exit(0);

