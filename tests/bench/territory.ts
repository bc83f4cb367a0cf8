/**
 * The large databases of `npm run bench`, built once per run in a temp folder: a root unit (a
 * province, or the ministry over provinces), its communes, 20 departments, and one plan of 50
 * measures of which 10 are broken down into 12 combinations (Giới tính × 6 nhóm tuổi), the
 * last 10 reported by a lead department and its cooperating ones. Units and values are written
 * with plain SQL (the change-counter triggers still see them); the plan through the API.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startBackend, type Backend } from '../../electron/backend/index';
import type { MeasureDto, PeriodDto } from '../../shared/api/types';
import { call } from '../helpers/backend';

export interface TerritoryShape {
  /** 0: the root is a province with its communes straight under it (since July 2025). */
  provinces: number;
  communes: number;
  /** Years of history, each with a half-year and an annual period (the last is the one measured). */
  years: number;
  /** The kinds of period each year (default both). */
  kinds?: readonly ('half_year' | 'annual')[];
}

export interface Territory {
  b: Backend;
  dbPath: string;
  rootId: number;
  provinceIds: number[];
  communeIds: number[];
  departmentIds: number[];
  measures: MeasureDto[];
  /** Oldest first; the last is the one the bench merges. */
  periods: PeriodDto[];
  /** Value rows of the last period. */
  values: number;
  buildMs: number;
}

const LAST_YEAR = 2026;

export async function buildTerritory(dir: string, name: string, shape: TerritoryShape, options: { withValues?: boolean } = {}): Promise<Territory> {
  const started = performance.now();
  fs.mkdirSync(dir, { recursive: true });
  const dbPath = path.join(dir, `${name}.sqlite`);
  const b = await startBackend({ dbPath, log: () => undefined });
  const raw = b.database.raw;
  const national = shape.provinces > 0;
  const root = await call(b, 'unit-create', { code: `${name}`, name: national ? 'Bộ Y tế (đo)' : 'Tỉnh Đo', kind: national ? 'ministry' : 'province', parentId: null, validFrom: '2016-01-01' });

  const insertUnit = raw.prepare("INSERT INTO org_unit (code, kind, created_on) VALUES (?, ?, '2016-01-01')");
  const insertVersion = raw.prepare("INSERT INTO org_unit_version (unit_id, name, parent_id, valid_from) VALUES (?, ?, ?, '2016-01-01')");
  const unit = (code: string, kind: string, unitName: string, parentId: number) => {
    const id = Number(insertUnit.run(code, kind).lastInsertRowid);
    insertVersion.run(id, unitName, parentId);
    return id;
  };
  const departmentIds: number[] = [];
  const provinceIds: number[] = [];
  const communeIds: number[] = [];
  raw.transaction(() => {
    for (let i = 1; i <= 20; i++) departmentIds.push(unit(`${name}.S${i}`, 'department', `${national ? 'Cục' : 'Sở'} đo ${i}`, root.id));
    const parents = national ? Array.from({ length: shape.provinces }, (_, i) => unit(`${name}.T${i + 1}`, 'province', `Tỉnh đo ${i + 1}`, root.id)) : [root.id];
    provinceIds.push(...(national ? parents : []));
    for (let k = 0; k < shape.communes; k++) {
      const parent = parents[Math.floor((k * parents.length) / shape.communes)]!;
      communeIds.push(unit(`${name}.X${k + 1}`, 'commune', `Xã đo ${k + 1}`, parent));
    }
  })();

  // The plan: 50 measures, rates and counts alternating; 1–10 broken down; 41–50 lead + cooperating departments.
  const sex = await call(b, 'category-save', { code: 'B-SEX', name: 'Giới tính (đo)', note: '', options: [{ code: 'NAM', name: 'Nam' }, { code: 'NU', name: 'Nữ' }] });
  const age = await call(b, 'category-save', { code: 'B-AGE', name: 'Nhóm tuổi (đo)', note: '', options: Array.from({ length: 6 }, (_, i) => ({ code: `T${i + 1}`, name: `Nhóm tuổi ${i + 1}` })) });
  const firstYear = LAST_YEAR - shape.years + 1;
  const plan = await call(b, 'plan-create', { number: '', title: `Kế hoạch đo ${name}`, issuerName: '', issuedOn: null, yearFrom: firstYear, yearTo: LAST_YEAR, parentPlanId: null });
  const goal = await call(b, 'goal-save', { planId: plan.id, code: 'I', title: 'Mục tiêu đo' });
  const measures: MeasureDto[] = [];
  for (let i = 1; i <= 50; i++) {
    const ind = await call(b, 'indicator-save', { goalId: goal.id, code: String(i), title: `Chỉ tiêu đo ${i}` });
    const rate = i % 2 === 0;
    const byDepartments = i > 40;
    measures.push(
      await call(b, 'measure-save', {
        indicatorId: ind.id, code: '', name: `Chỉ số đo ${i}`, unitLabel: rate ? '%' : 'Trẻ em', valueKind: rate ? 'rate' : 'count', rateFactor: rate ? 100 : null,
        direction: 'at_least', rollup: rate ? 'ratio' : 'sum',
        leadUnitId: byDepartments ? departmentIds[i - 41]! : null, cooperatingUnitIds: byDepartments ? departmentIds.slice(10) : [],
        reporters: byDepartments ? 'lead_cooperating' : 'territorial',
        categoryIds: i <= 10 ? [sex.id, age.id] : [],
        targets: Array.from({ length: shape.years }, (_, y) => ({ year: firstYear + y, isPhaseEnd: false, text: rate ? '80' : '10' })),
      }),
    );
  }

  const periods: PeriodDto[] = [];
  const insertReport = raw.prepare("INSERT INTO report (period_id, unit_id, revision, is_current, status, source, received_at) VALUES (?, ?, 1, 1, 'valid', 'typed', ?)");
  const insertValue = raw.prepare('INSERT INTO report_value (report_id, measure_id, option_combo_id, numerator, denominator, value) VALUES (?, ?, ?, ?, ?, ?)');
  let values = 0;
  const communes = new Set(communeIds);
  for (let y = firstYear; y <= LAST_YEAR; y++) {
    for (const kind of shape.kinds ?? (['half_year', 'annual'] as const)) {
      const p = await call(b, 'period-create', {
        planId: plan.id, parentUnitId: root.id, kind, year: y, name: `${kind === 'annual' ? 'Năm' : '6 tháng'} ${y} (đo)`, dataFrom: `${y - 1}-12-15`, dataTo: kind === 'annual' ? `${y}-12-14` : `${y}-06-14`,
        deadlines: [{ level: national ? 'district' : 'commune', dueOn: kind === 'annual' ? `${y}-12-05` : `${y}-06-05` }, { level: 'department', dueOn: kind === 'annual' ? `${y}-12-05` : `${y}-06-05` }],
      });
      periods.push(p);
      if (options.withValues === false) continue;
      values = 0;
      raw.transaction(() => {
        for (const unitId of [...communeIds, ...departmentIds]) {
          const reportId = Number(insertReport.run(p.id, unitId, `${y}-06-01`).lastInsertRowid);
          for (const [k, m] of measures.entries()) {
            // The communes give the territory's measures, the departments theirs (departments are created first: ids do not tell).
            if ((m.reporters === 'territorial') !== communes.has(unitId)) continue;
            const n = 10 + ((unitId * 7 + k * 3 + y) % 90);
            const write = (comboId: number, num: number, den: number) => {
              values++;
              if (m.valueKind === 'rate') insertValue.run(reportId, m.id, comboId, num, den, (num / den) * 100);
              else insertValue.run(reportId, m.id, comboId, null, null, num);
            };
            if (!m.breakdown) {
              write(1, n, 100);
              continue;
            }
            let sum = 0;
            for (const [j, c] of m.breakdown.combos.entries()) {
              const part = 1 + ((n + j * 5) % 20);
              sum += part;
              write(c.id, part, 25);
            }
            write(1, sum, 25 * m.breakdown.combos.length);
          }
        }
      })();
    }
  }
  return { b, dbPath, rootId: root.id, provinceIds, communeIds, departmentIds, measures, periods, values, buildMs: performance.now() - started };
}

/** The floor of a merge: one SQLite GROUP BY over the current value rows of the given periods. */
export function groupByFloor(t: Territory, periodIds: readonly number[]): () => unknown {
  const stmt = t.b.database.raw.prepare(
    `SELECT r.period_id, v.measure_id, v.option_combo_id, sum(v.numerator) AS n, sum(v.denominator) AS d, sum(v.value) AS v, count(*) AS c
       FROM report_value v JOIN report r ON r.id = v.report_id
      WHERE r.period_id IN (${periodIds.map(() => '?').join(', ')}) AND r.is_current = 1 GROUP BY r.period_id, v.measure_id, v.option_combo_id`,
  );
  return () => stmt.all(...periodIds);
}
