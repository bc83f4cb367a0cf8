/**
 * `npm run bench`: the work that matters, each next to a floor measured in the same run on the
 * same data, as medians of several runs. Prints a table and writes bench/results.json.
 * Not part of `npm test`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { startBackend } from '../../electron/backend/index';
import { layOutSubmission, renderPdf, submissionDocument } from '../../electron/backend/pdf/submission-pdf';
import { keptMergeView } from '../../electron/backend/services/merge-screen';
import type { MeasureDto } from '../../shared/api/types';
import { fillTemplate } from '../helpers/fill-template';
import { benchBrowser } from './browser';
import { benchNational } from './national';
import { plainPdfmake } from './plain-pdfmake';
import { call } from '../helpers/backend';
import { computeMerge, reportsArrive } from './merge-compute';
import { median, peakMb, resetPeak, RUNS, time, type Row } from './measure';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A province with 10 districts and 100 communes; the demo plan's 39 measures. */
async function province(dir: string) {
  const b = await startBackend({ dbPath: path.join(dir, 'bench.sqlite'), log: () => undefined });
  // Its own province (the demo's Kon Tum ends in 2025): 10 districts from 2016, so every year of history has three tiers.
  const kt = await call(b, 'unit-create', { code: 'BENCH', name: 'Tỉnh Đo', kind: 'province', parentId: null, validFrom: '2016-01-01' });
  const districts = [];
  for (let i = 1; i <= 10; i++) districts.push(await call(b, 'unit-create', { code: `BENCH.${i}`, name: `Huyện đo ${i}`, kind: 'district', parentId: kt.id, validFrom: '2016-01-01' }));
  const communes: number[] = [];
  for (const [i, d] of districts.entries()) {
    for (let j = 1; j <= 10; j++) {
      communes.push((await call(b, 'unit-create', { code: `B.${i}.${j}`, name: `Xã mẫu ${i * 10 + j}`, kind: 'commune', parentId: d.id, validFrom: '2016-01-01' })).id);
    }
  }
  return { b, kt, districts, communes };
}

async function benchImportAndTemplates(rows: Row[]): Promise<void> {
  const dir = benchDir();
  const b = await startBackend({ dbPath: path.join(dir, 'import.sqlite'), log: () => undefined });
  const kt = await call(b, 'unit-create', { code: 'BENCH', name: 'Tỉnh Đo', kind: 'province', parentId: null, validFrom: '2016-01-01' });
  for (let i = 1; i <= 100; i++) await call(b, 'unit-create', { code: `I.${i}`, name: `Huyện mẫu ${i}`, kind: 'district', parentId: kt.id, validFrom: '2020-01-01' });
  const plan = (await call(b, 'plan-list', {})).find((p) => p.title.endsWith('tỉnh Kon Tum năm 2024'))!;
  const period = await call(b, 'period-create', {
    planId: plan.id, parentUnitId: kt.id, kind: 'half_year', year: 2026, name: '6 tháng 2026 (đo)', dataFrom: '2025-12-15', dataTo: '2026-06-14',
    deadlines: [{ level: 'district', dueOn: '2026-06-05' }, { level: 'department', dueOn: '2026-06-05' }],
  });
  const status = (await call(b, 'period-status', { id: period.id }))!;
  const expected = status.units.filter((u) => u.unitName.startsWith('Huyện mẫu')).slice(0, 100);

  // Templates for 100 units, against SheetJS writing 100 workbooks of the same cell count.
  const templates: { fileName: string; bytes: Buffer }[] = [];
  const ms = await time(async () => {
    templates.length = 0;
    for (const u of expected) {
      const t = await call(b, 'template-build', { periodId: period.id, unitId: u.unitId });
      templates.push({ fileName: t.fileName, bytes: Buffer.from(t.dataBase64, 'base64') });
    }
  }, 3);
  const sample = XLSX.read(templates[0]!.bytes, { type: 'buffer' });
  const floorMs = await time(() => {
    for (let i = 0; i < 100; i++) {
      const wb = XLSX.utils.book_new();
      for (const name of sample.SheetNames) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(XLSX.utils.sheet_to_json<unknown[]>(sample.Sheets[name]!, { header: 1 })), name);
      XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true });
    }
  }, 3);
  rows.push({ what: 'templates', workload: '100 unit templates', ms, floorMs, ratio: ms / floorMs, goal: '≤ 1,5× floor', met: ms / floorMs <= 1.5 });

  // Import of 100 filled files, against SheetJS reading the same 100 files.
  const filled = templates.map((t, i) => ({ fileName: t.fileName, bytes: fillTemplate(t.bytes, { '1.1': { G: i % 7 }, '1.2': { E: String(40 + (i % 50)), F: '100' }, '2': { E: '80', F: '100' } }) }));
  const floor = await time(() => {
    for (const f of filled) XLSX.read(f.bytes, { type: 'buffer', dense: true });
  }, 3);
  resetPeak();
  const importMs = await time(async () => {
    const r = await call(b, 'report-import', { files: filled.map((f) => ({ fileName: f.fileName, dataBase64: f.bytes.toString('base64') })), replace: true });
    if (r.some((x) => x.outcome !== 'imported')) throw new Error(`import: ${r.find((x) => x.outcome !== 'imported')!.problems[0]?.message}`);
  }, 3);
  rows.push({ what: 'import', workload: '100 filled unit templates (.xlsx)', ms: importMs, floorMs: floor, ratio: importMs / floor, goal: '≤ 1,5× floor', met: importMs / floor <= 1.5, peakRssMb: peakMb() });
  await b.close();
}

async function benchMerge(rows: Row[]): Promise<void> {
  const dir = benchDir();
  const { b, kt, districts } = await province(dir);
  const plan = (await call(b, 'plan-list', {})).find((p) => p.title.endsWith('tỉnh Kon Tum năm 2024'))!;
  const raw = b.database.raw;
  const measures = raw.prepare('SELECT m.id, m.value_kind FROM measure m JOIN indicator i ON i.id = m.indicator_id JOIN goal g ON g.id = i.goal_id WHERE g.plan_id = ? ORDER BY m.id').all(plan.id) as { id: number; value_kind: string }[];
  // 10 years × 2 periods of history; every district reports every measure (50 with some repeated).
  const measureIds = Array.from({ length: 50 }, (_, i) => measures[i % measures.length]!);
  let latest = 0;
  const insertReport = raw.prepare("INSERT INTO report (period_id, unit_id, revision, is_current, status, source, received_at) VALUES (?, ?, 1, 1, 'valid', 'typed', ?)");
  const insertValue = raw.prepare('INSERT OR REPLACE INTO report_value (report_id, measure_id, option_combo_id, numerator, denominator, value) VALUES (?, ?, 1, ?, ?, ?)');
  for (let y = 2017; y <= 2026; y++) {
    for (const kind of ['half_year', 'annual'] as const) {
      const p = await call(b, 'period-create', {
        planId: plan.id, parentUnitId: kt.id, kind, year: y, name: `${kind === 'annual' ? 'Năm' : '6 tháng'} ${y} (đo)`, dataFrom: `${y - 1}-12-15`, dataTo: kind === 'annual' ? `${y}-12-14` : `${y}-06-14`,
        deadlines: [{ level: 'district', dueOn: kind === 'annual' ? `${y}-12-05` : `${y}-06-05` }],
      });
      latest = p.id;
      raw.transaction(() => {
        for (const d of districts) {
          const reportId = Number(insertReport.run(p.id, d.id, `${y}-06-01`).lastInsertRowid);
          for (const [k, m] of measureIds.entries()) {
            const n = 10 + ((d.id * 7 + k * 3 + y) % 90);
            if (m.value_kind === 'rate') insertValue.run(reportId, m.id, n, 100, n);
            else insertValue.run(reportId, m.id, null, null, n);
          }
        }
      })();
    }
  }
  const floorMs = await time(() => raw.prepare(
    `SELECT v.measure_id, sum(v.numerator) AS n, sum(v.denominator) AS d, sum(v.value) AS v, count(*) AS c
       FROM report_value v JOIN report r ON r.id = v.report_id
      WHERE r.period_id = ? AND r.is_current = 1 GROUP BY v.measure_id`,
  ).all(latest), 9);
  resetPeak();
  const ms = await time(() => computeMerge(b, latest), 9, reportsArrive(b));
  const ratio = ms / floorMs;
  rows.push({
    what: 'merge', workload: '1 province, 10 districts, 100 communes, 50 measures, 10 years × 2 periods', ms, floorMs, ratio,
    goal: '≤ 2× floor and < 50 ms', met: ratio <= 2 && ms < 50, peakRssMb: peakMb(),
    note: 'the floor is one GROUP BY; the view also resolves the period\'s tree, statuses, targets, last year and narratives',
  });

  // PDF of the full provincial report, against plain pdfmake making the same pages (the definition TongHop laid out, rendered once).
  const doc = { ...(await call(b, 'document-settings-get', { periodId: latest })), number: '15', signerName: 'Nguyễn Văn An' };
  let pages = 0;
  const pdfMs = await time(async () => {
    const r = await call(b, 'merge-pdf', { periodId: latest, document: doc });
    pages = (Buffer.from(r.dataBase64, 'base64').toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  }, 5);
  const view = await keptMergeView(b.ctx.db, b.ctx, latest);
  const { movedHeadings } = await layOutSubmission(view, doc);
  const plainPdf = plainPdfmake(dir);
  const pdfFloor = await time(() => plainPdf(submissionDocument(view, doc, { breakBeforeHeadings: movedHeadings })), 5);
  // The earlier floor, kept for comparison: pages of plain text, no tables.
  const text = { content: Array.from({ length: pages }, (_, i) => ({ text: `Trang ${i + 1} `.repeat(400), pageBreak: i ? ('before' as const) : undefined })), defaultStyle: { font: 'Serif' } };
  const textFloor = await time(() => renderPdf(text), 5);
  rows.push({
    what: 'pdf', workload: `full provincial report (${pages} pages)`, ms: pdfMs, floorMs: pdfFloor, ratio: pdfMs / pdfFloor, goal: '≤ 1,5× floor', met: pdfMs / pdfFloor <= 1.5,
    note: `the floor is plain pdfmake making the same pages (fonts parsed per document, one layout); against ${pages} pages of plain text (${textFloor.toFixed(0)} ms): ${(pdfMs / textFloor).toFixed(1)}×; ${movedHeadings.size} heading(s) moved to the next page, so laid out ${movedHeadings.size ? 'again' : 'once'}, rendered once`,
  });

  // Start: open this database and show the home screen, in Chromium through the web host.
  await b.close();
  rows.push(...(await benchBrowser(path.join(dir, 'bench.sqlite'), ROOT)));
  rows.push(cliStart(dir));
}

/**
 * `cli-start`: one command on the demo database, as a user types it (`npm run -s cli -- plan
 * list --json`), against starting plain node with nothing to do, in the same run.
 */
function cliStart(dir: string): Row {
  const db = path.join(dir, 'cli-demo.sqlite');
  const run = (args: string[], cmd = 'npm') => {
    const t = performance.now();
    const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
    return performance.now() - t;
  };
  run(['run', '-s', 'cli', '--', 'demo', '--db', db]); // builds dist/node when stale, and loads the demo
  const ms = median(Array.from({ length: RUNS }, () => run(['run', '-s', 'cli', '--', 'plan', 'list', '--json', '--db', db])));
  const floorMs = median(Array.from({ length: RUNS }, () => run(['-e', ''], process.execPath)));
  return { what: 'cli-start', workload: '`npm run -s cli -- plan list --json` on the demo database', ms, floorMs, ratio: ms / floorMs, goal: '< 600 ms', met: ms < 600 };
}

/**
 * Breakdowns multiply values: a plan of 50 measures each broken down into 12 option combinations
 * (Giới tính × 6 age groups), 110 units; the merge of all their parts, and the import of 100 files
 * with every part filled.
 */
async function benchBreakdowns(rows: Row[]): Promise<void> {
  const dir = benchDir();
  const { b, kt, districts, communes } = await province(dir);
  const sex = await call(b, 'category-save', { code: 'B-SEX', name: 'Giới tính (đo)', note: '', options: [{ code: 'NAM', name: 'Nam' }, { code: 'NU', name: 'Nữ' }] });
  const age = await call(b, 'category-save', { code: 'B-AGE', name: 'Nhóm tuổi (đo)', note: '', options: Array.from({ length: 6 }, (_, i) => ({ code: `T${i + 1}`, name: `Nhóm tuổi ${i + 1}` })) });
  const plan = await call(b, 'plan-create', { number: '', title: 'Kế hoạch đo phân tổ', issuerName: '', issuedOn: null, yearFrom: 2026, yearTo: 2026, parentPlanId: null });
  const goal = await call(b, 'goal-save', { planId: plan.id, code: 'I', title: 'Mục tiêu đo' });
  const measures: MeasureDto[] = [];
  for (let i = 1; i <= 50; i++) {
    const ind = await call(b, 'indicator-save', { goalId: goal.id, code: String(i), title: `Chỉ tiêu đo ${i}` });
    const rate = i % 2 === 0;
    measures.push(
      await call(b, 'measure-save', {
        indicatorId: ind.id, code: '', name: `Chỉ số đo ${i}`, unitLabel: rate ? '%' : 'Trẻ em', valueKind: rate ? 'rate' : 'count', rateFactor: rate ? 100 : null,
        direction: 'at_least', rollup: rate ? 'ratio' : 'sum', leadUnitId: null, cooperatingUnitIds: [], categoryIds: [sex.id, age.id], targets: [{ year: 2026, isPhaseEnd: false, text: '10' }],
      }),
    );
  }
  const period = await call(b, 'period-create', {
    planId: plan.id, parentUnitId: kt.id, kind: 'half_year', year: 2026, name: '6 tháng 2026 (đo phân tổ)', dataFrom: '2025-12-15', dataTo: '2026-06-14',
    deadlines: [{ level: 'district', dueOn: '2026-06-05' }, { level: 'commune', dueOn: '2026-05-31' }],
  });

  // Import: 100 communes' templates with every part of every measure filled (600 cells a file).
  const files: { fileName: string; bytes: Buffer }[] = [];
  for (const unitId of communes) {
    const t = await call(b, 'template-build', { periodId: period.id, unitId });
    const fills: Record<string, Record<string, number>> = {};
    for (const [k, m] of measures.entries()) {
      for (const [j, c] of m.breakdown!.combos.entries()) {
        const n = 1 + ((unitId * 7 + k * 3 + j) % 40);
        fills[`${m.code}/${c.key}`] = m.valueKind === 'rate' ? { E: n, F: 50 } : { G: n };
      }
    }
    files.push({ fileName: t.fileName, bytes: fillTemplate(Buffer.from(t.dataBase64, 'base64'), fills) });
  }
  const floor = await time(() => {
    for (const f of files) XLSX.read(f.bytes, { type: 'buffer', dense: true });
  }, 3);
  resetPeak();
  const importMs = await time(async () => {
    const r = await call(b, 'report-import', { files: files.map((f) => ({ fileName: f.fileName, dataBase64: f.bytes.toString('base64') })), replace: true });
    if (r.some((x) => x.outcome !== 'imported')) throw new Error(`import: ${r.find((x) => x.outcome !== 'imported')!.problems[0]?.message}`);
  }, 3);
  rows.push({ what: 'import-breakdowns', workload: '100 filled templates, 50 measures × 12 combinations each', ms: importMs, floorMs: floor, ratio: importMs / floor, goal: '≤ 2× floor', met: importMs / floor <= 2, peakRssMb: peakMb() });

  // Merge: the districts report too (their own figures win over their communes'), 110 units in all.
  const raw = b.database.raw;
  const insertReport = raw.prepare("INSERT INTO report (period_id, unit_id, revision, is_current, status, source, received_at) VALUES (?, ?, 1, 1, 'valid', 'typed', '2026-06-01')");
  const insertValue = raw.prepare('INSERT INTO report_value (report_id, measure_id, option_combo_id, numerator, denominator, value) VALUES (?, ?, ?, ?, ?, ?)');
  raw.transaction(() => {
    for (const d of districts) {
      const reportId = Number(insertReport.run(period.id, d.id).lastInsertRowid);
      for (const [k, m] of measures.entries()) {
        let sum = 0;
        for (const [j, c] of m.breakdown!.combos.entries()) {
          const n = 10 + ((d.id * 7 + k * 3 + j) % 90);
          sum += n;
          if (m.valueKind === 'rate') insertValue.run(reportId, m.id, c.id, n, 200, n / 2);
          else insertValue.run(reportId, m.id, c.id, null, null, n);
        }
        if (m.valueKind === 'rate') insertValue.run(reportId, m.id, 1, sum, 200 * 12, sum / 24);
        else insertValue.run(reportId, m.id, 1, null, null, sum);
      }
    }
  })();
  const values = raw.prepare('SELECT count(*) FROM report_value v JOIN report r ON r.id = v.report_id WHERE r.period_id = ? AND r.is_current = 1').pluck().get(period.id) as number;
  const floorMs = await time(() => raw.prepare(
    `SELECT v.measure_id, v.option_combo_id, sum(v.numerator) AS n, sum(v.denominator) AS d, sum(v.value) AS v, count(*) AS c
       FROM report_value v JOIN report r ON r.id = v.report_id
      WHERE r.period_id = ? AND r.is_current = 1 GROUP BY v.measure_id, v.option_combo_id`,
  ).all(period.id), 9);
  resetPeak();
  const ms = await time(() => computeMerge(b, period.id), 9, reportsArrive(b));
  rows.push({
    what: 'merge-breakdowns', workload: `110 units, 50 measures × 12 combinations (${values.toLocaleString('vi-VN')} values)`, ms, floorMs, ratio: ms / floorMs,
    goal: '< 50 ms', met: ms < 50, peakRssMb: peakMb(), note: 'the floor is one GROUP BY over the same values; the view rolls every combination up the tree',
  });
  await b.close();
}

/** Runs one group in a child process (the same runner, the same Node flags) and returns its rows. */
function inOwnProcess(group: string): Row[] {
  const out = path.join(benchDir(), 'rows.json');
  execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], { stdio: 'inherit', env: { ...process.env, BENCH_ONLY: group, BENCH_ROWS_OUT: out } });
  return JSON.parse(fs.readFileSync(out, 'utf8')) as Row[];
}

/** The groups' temp folders, deleted when the run ends (the large databases are rebuilt each run). */
const tempDirs: string[] = [];
function benchDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-bench-'));
  tempDirs.push(dir);
  return dir;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  console.log('TongHop benchmarks (medians; floors measured in the same run on the same data)…');
  // BENCH_ONLY=breakdowns (or collect, merge, national) runs one group, to look at one part quickly.
  const only = process.env.BENCH_ONLY;
  if (!only || only === 'collect') await benchImportAndTemplates(rows);
  if (!only || only === 'merge') await benchMerge(rows);
  if (!only || only === 'breakdowns') await benchBreakdowns(rows);
  // The national group runs in a process of its own, so its peak memory is its own (the groups
  // before it leave the process larger than any of them needs).
  if (!only) rows.push(...inOwnProcess('national'));
  if (only === 'national') await benchNational(rows, console.log);
  if (process.env.BENCH_ROWS_OUT) {
    fs.writeFileSync(process.env.BENCH_ROWS_OUT, JSON.stringify(rows));
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
  const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(n < 10 ? 2 : 0));
  console.log('\n' + ['what', 'workload', 'ms', 'floor ms', 'ratio', 'goal', 'met', 'peak MB'].join(' | '));
  for (const r of rows) console.log([r.what, r.workload, fmt(r.ms), fmt(r.floorMs), r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`, r.goal, r.met ? 'yes' : 'NO', r.peakRssMb ?? ''].join(' | '));
  const missed = rows.filter((r) => !r.met);
  if (missed.length) console.log(`\nGoals missed: ${missed.map((r) => `${r.what} (${r.ratio ? r.ratio.toFixed(2) + '×' : fmt(r.ms) + ' ms'}${r.note ? `; ${r.note}` : ''})`).join('; ')}`);
  fs.mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, rows }, null, 2));
  console.log('\nWritten to bench/results.json');
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

void main();
