/**
 * The bench at the sizes real users have since July 2025: a merged province of 100 communes and
 * 20 departments with 10 years of history, the ministry over 34 provinces and 3.321 communes,
 * and the growth of the merge and the import from 1× to 30× a province. Each database is built
 * once in a temp folder (its build time printed apart from the measured rows) and deleted.
 */
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PeriodDto } from '../../shared/api/types';
import { call } from '../helpers/backend';
import { computeMerge, reportArrives, reportsArrive } from './merge-compute';
import { IMPORT_CHUNK, importBatch, type FilledFiles, type ImportMeasure } from './import-batch';
import { fillTemplate, type Fill } from '../helpers/fill-template';
import { chromium } from '@playwright/test';
import { startWebHost } from '../../electron/backend/web-host';
import { median, peakMb, resetPeak, time, type Row } from './measure';
import { LAUNCH } from './browser';
import { buildTerritory, groupByFloor, type Territory, type TerritoryShape } from './territory';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const NATIONAL: TerritoryShape = { provinces: 34, communes: 3321, years: 2, kinds: ['annual'] };

type Log = (line: string) => void;

export async function benchNational(rows: Row[], log: Log): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-bench-national-'));
  try {
    // BENCH_NATIONAL=province (or national, growth, view, dashboard) runs one part of the group.
    const part = process.env.BENCH_NATIONAL;
    if (!part || part === 'province') await mergeProvince(rows, root, log);
    if (!part || part === 'national') await national(rows, root, log);
    if (!part || part === 'growth') await growth(rows, root, log);
    if (!part || part === 'view') await mergeViewNational(rows, root, log);
    // Last: it loads ECharts, which the national rows' peak memory must not count.
    if (!part || part === 'dashboard') await dashboard(rows, root, log);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

async function built(dir: string, name: string, shape: TerritoryShape, log: Log): Promise<Territory> {
  const t = await buildTerritory(path.join(dir, name), name, shape);
  log(`  built ${name}: ${t.communeIds.length.toLocaleString('vi-VN')} communes, ${t.periods.length} periods, ${t.values.toLocaleString('vi-VN')} values a period in ${(t.buildMs / 1000).toFixed(1)} s`);
  return t;
}

/** The period merged and the one a year before it (the view's comparison). */
function mergedPeriods(t: Territory): [PeriodDto, PeriodDto] {
  const last = t.periods.at(-1)!;
  const before = t.periods.filter((p) => p.kind === last.kind && p.year === last.year - 1).at(-1)!;
  return [last, before];
}

async function mergeProvince(rows: Row[], dir: string, log: Log): Promise<void> {
  const t = await built(dir, 'province', { provinces: 0, communes: 100, years: 10 }, log);
  const [last, before] = mergedPeriods(t);
  const floorMs = await time(groupByFloor(t, [last.id, before.id]), 9);
  resetPeak();
  const ms = await time(() => computeMerge(t.b, last.id), 9, reportsArrive(t.b));
  rows.push({
    what: 'merge-province', workload: `100 communes + 20 departments, 50 measures (10 × 12 combinations), 10 years × 2 periods (${t.values.toLocaleString('vi-VN')} values a period)`,
    ms, floorMs, ratio: ms / floorMs, goal: '< 100 ms with last year', met: ms < 100, peakRssMb: peakMb(),
    note: 'the floor is one GROUP BY over the current and last year\'s value rows',
  });
  await t.b.close();
}

/**
 * Tổng quan of the same province (120 units, 50 measures, 10 years), as the screen opens it: the
 * merge, the counts and four charts drawn, after a write (so nothing kept is answered). ECharts is
 * loaded before (once a process: its load is told apart); a trend over the 10 annual periods too.
 */
async function dashboard(rows: Row[], dir: string, log: Log): Promise<void> {
  const t = await built(dir, 'dashboard', { provinces: 0, communes: 100, years: 10 }, log);
  resetPeak();
  const mergeMs = await time(() => computeMerge(t.b, t.periods.at(-1)!.id), 9, reportsArrive(t.b));
  const raw = t.b.database.raw;
  const touch = () => raw.prepare("INSERT INTO setting (key, value) VALUES ('benchTouch', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(performance.now()));
  const periodId = t.periods.at(-1)!.id;
  const loadStarted = performance.now();
  await call(t.b, 'dashboard-get', { periodId });
  const firstMs = performance.now() - loadStarted;
  const ms = await time(async () => {
    touch();
    await call(t.b, 'dashboard-get', { periodId });
  }, 7);
  const trendMs = await time(async () => {
    touch();
    await call(t.b, 'chart-trend', { periodId, measureId: t.measures[11]!.id });
  }, 3);
  rows.push({
    what: 'dashboard', workload: '120 units (100 communes + 20 departments), 50 measures, 10 years × 2 periods: Tổng quan opened after a write',
    ms, floorMs: mergeMs, ratio: ms / mergeMs, goal: '< 1 s', met: ms < 1000, peakRssMb: peakMb(),
    note: `the floor is the merge of the same period (what the dashboard counts from); the first opening in a process, with ECharts loaded, took ${Math.round(firstMs)} ms; a measure's trend over the 10 annual periods after a write ${Math.round(trendMs)} ms (10 merges)`,
  });
  await t.b.close();
}

async function national(rows: Row[], dir: string, log: Log): Promise<void> {
  const t = await built(dir, 'national', NATIONAL, log);
  const [last, before] = mergedPeriods(t);
  const floorMs = await time(groupByFloor(t, [last.id, before.id]), 5);
  resetPeak();
  const ms = await time(() => computeMerge(t.b, last.id), 3, reportsArrive(t.b));
  const peak = peakMb();
  const afterReport = await time(() => computeMerge(t.b, last.id), 3, reportArrives(t.b, last.id));
  rows.push({
    what: 'merge-national', workload: `34 provinces, 3.321 communes, 20 departments, the current and last year's period (${(2 * t.values).toLocaleString('vi-VN')} values)`,
    ms, floorMs, ratio: ms / floorMs, goal: '≤ 3× floor, < 2 s, peak < 500 MB', met: ms / floorMs <= 3 && ms < 2000 && peak < 500, peakRssMb: peak,
    note: `the floor is one GROUP BY over the same value rows: the current and last year's period; both merged afresh (after a report of this period arrived, with last year's merge kept: ${Math.round(afterReport)} ms, the process then at ${peakMb()} MB)`,
  });

  const files = await filledTemplates(t, dir, log);
  await t.b.close();
  // The import in a process of its own, as the app that receives the files: its peak memory is
  // the import's, not what building the country, its templates and the merge left behind.
  const resultFile = path.join(dir, 'import-national.json');
  const filesFile = path.join(dir, 'import-national-files.json');
  fs.writeFileSync(filesFile, JSON.stringify(files));
  execFileSync(process.execPath, [...process.execArgv, path.join(import.meta.dirname, 'national-import.ts')], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_DB: t.dbPath, BENCH_FILES: filesFile, BENCH_OUT: resultFile },
  });
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as ImportMeasure;
  rows.push({
    what: 'import-national', workload: `${files.paths.length.toLocaleString('vi-VN')} filled commune templates in one batch (${IMPORT_CHUNK} files a call, as the home screen sends them, in a process of its own)`,
    ms: result.ms, floorMs: result.floorMs, ratio: result.ms / result.floorMs,
    goal: '≤ 2× floor, peak < 500 MB, progress at least every second',
    met: result.ms / result.floorMs <= 2 && result.peak < 500 && result.maxGapMs <= 1000, peakRssMb: result.peak,
    note: `the floor is SheetJS reading the same files; the progress moved at most ${Math.round(result.maxGapMs)} ms apart after the first answer, which came after ${Math.round(result.firstMs)} ms (the backup of the whole database before the batch, said on the screen, then 8 files)`,
  });
}

/**
 * Growth: the ministry over 1, 10 and 30 provinces of 100 communes; the merge (median of 3) and
 * the import of every commune's file, with the exponent k fitted to cost ∝ size^k.
 */
async function growth(rows: Row[], dir: string, log: Log): Promise<void> {
  const sizes = [1, 10, 30];
  const merge: number[] = [];
  const imports: number[] = [];
  for (const n of sizes) {
    const t = await built(dir, `growth-${n}`, { provinces: n, communes: 100 * n, years: 2, kinds: ['annual'] }, log);
    merge.push(await time(() => computeMerge(t.b, t.periods.at(-1)!.id), 3, reportsArrive(t.b)));
    imports.push((await importBatch(t.b, await filledTemplates(t, dir, log), { floor: false })).ms);
    await t.b.close();
    fs.rmSync(path.join(dir, `growth-${n}`), { recursive: true, force: true });
  }
  const kMerge = exponent(sizes, merge);
  const kImport = exponent(sizes, imports);
  const series = (xs: number[]) => xs.map((x, i) => `${sizes[i]}×: ${x < 10_000 ? Math.round(x) + ' ms' : (x / 1000).toFixed(1) + ' s'}`).join(', ');
  rows.push({
    what: 'growth', workload: `merge ${series(merge)}; import ${series(imports)} (the ministry over 1, 10, 30 provinces of 100 communes)`,
    ms: merge.at(-1)!, floorMs: null, ratio: null, goal: 'k ≤ 1,1 for the merge and the import', met: kMerge <= 1.1 && kImport <= 1.1,
    note: `fitted exponents: merge k = ${kMerge.toFixed(2)}, import k = ${kImport.toFixed(2)}`,
  });
}

/** The least-squares slope of log(cost) against log(size). */
export function exponent(sizes: readonly number[], costs: readonly number[]): number {
  const xs = sizes.map(Math.log);
  const ys = costs.map(Math.log);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => ((num += (x - mx) * (ys[i]! - my)), (den += (x - mx) ** 2)));
  return num / den;
}


/**
 * A period no unit has reported yet, and every commune's template for it filled as a person
 * would (every measure it owes, every part of those broken down), written to disk: the batch
 * then holds in memory only the files it is sending, as the app does.
 */
export async function filledTemplates(t: Territory, dir: string, log: Log, communeIds: readonly number[] = t.communeIds): Promise<FilledFiles> {
  const started = performance.now();
  const period = await call(t.b, 'period-create', {
    planId: t.periods[0]!.planId, parentUnitId: t.rootId, kind: 'half_year', year: 2026, name: '6 tháng 2026 (nhận tệp)', dataFrom: '2025-12-15', dataTo: '2026-06-14',
    deadlines: [{ level: t.provinceIds.length ? 'district' : 'commune', dueOn: '2026-06-05' }, { level: 'department', dueOn: '2026-06-05' }],
  });
  const out = path.join(dir, `files-${period.id}-${communeIds.length}`);
  fs.mkdirSync(out);
  const paths: string[] = [];
  for (const unitId of communeIds) {
    const template = await call(t.b, 'template-build', { periodId: period.id, unitId });
    const fills: Record<string, Fill> = {};
    for (const [k, m] of t.measures.entries()) {
      if (m.reporters !== 'territorial') continue;
      const cell = (n: number): Fill => (m.valueKind === 'rate' ? { E: n, F: 50 } : { G: n });
      if (!m.breakdown) fills[m.code] = cell(1 + ((unitId * 7 + k * 3) % 40));
      else for (const [j, c] of m.breakdown.combos.entries()) fills[`${m.code}/${c.key}`] = cell(1 + ((unitId * 7 + k * 3 + j) % 40));
    }
    const file = path.join(out, template.fileName);
    fs.writeFileSync(file, fillTemplate(Buffer.from(template.dataBase64, 'base64'), fills));
    paths.push(file);
  }
  log(`  wrote ${paths.length.toLocaleString('vi-VN')} filled templates in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { period, paths };
}

/**
 * The merge screen at national size in Chromium (web host): from choosing the period to the
 * table of 34 provinces' columns, then one province's 100 communes as columns.
 */
async function mergeViewNational(rows: Row[], dir: string, log: Log): Promise<void> {
  const t = await built(dir, 'national-view', NATIONAL, log);
  const [last] = mergedPeriods(t);
  await t.b.close();
  const host = await startWebHost({ dbPath: t.dbPath, rendererDir: path.join(ROOT, 'dist/renderer') });
  // Another connection, as another window or the import would be: a report of the merged period
  // changes before each measured opening, so the merge is worked out again each time (last
  // year's is kept: its period did not change; the very first opening works out both).
  const other = new Database(t.dbPath);
  const reportArrived = reportArrives(other, last.id);
  const browser = await chromium.launch(LAUNCH);
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.addInitScript(() => sessionStorage.setItem('tonghop.userNameAsked', '1'));
    await page.goto(host.openUrl);
    await page.getByRole('link', { name: 'Tổng hợp' }).waitFor();
    const opens: number[] = [];
    const communes: number[] = [];
    for (let i = 0; i < 4; i++) {
      await page.goto(`${host.url}#/`);
      await page.getByRole('link', { name: 'Tổng hợp' }).click();
      const select = page.getByLabel('Chọn kỳ tổng hợp');
      await select.waitFor();
      // Another period first, so that choosing the merged one loads it afresh.
      const earlier = t.periods.find((p) => p.id !== last.id)!;
      await select.selectOption({ value: String(earlier.id) });
      await page.getByRole('table', { name: 'Bảng tổng hợp' }).waitFor();
      reportArrived();
      let started = performance.now();
      await select.selectOption({ value: String(last.id) });
      // The chosen period's table (the screen shows no other period's figures while it loads).
      await page.locator(`table[data-period="${last.id}"]`).getByRole('columnheader', { name: /Tỉnh đo 34\b/ }).first().waitFor({ timeout: 60_000 });
      opens.push(performance.now() - started);
      const columns = page.getByLabel('Cột đơn vị');
      const province = (await columns.locator('option').allTextContents()).find((o) => o.startsWith('Các xã của'))!;
      started = performance.now();
      await columns.selectOption({ label: province });
      await page.getByRole('table', { name: 'Bảng tổng hợp' }).getByRole('columnheader', { name: /^Xã đo/ }).first().waitFor({ timeout: 60_000 });
      communes.push(performance.now() - started);
    }
    const [first, ...after] = opens;
    const ms = median(after);
    rows.push({
      what: 'merge-view-national', workload: `the merge screen in Chromium: 34 provinces' columns over 3.321 communes, after a report of the period arrived (then one province's communes as columns: ${Math.round(median(communes))} ms)`,
      ms, floorMs: null, ratio: null, goal: '< 1,5 s', met: ms < 1500,
      note: `from choosing the period to its table, the backend's merge included; the first opening in the process, with last year's merge worked out too: ${Math.round(first!)} ms`,
    });
  } finally {
    other.close();
    await browser.close();
    await host.close();
  }
}
