/**
 * Progress at a glance: a measure's trend over the periods of its phase, the units of a period
 * compared on one measure, and the dashboard of the working period. The figures come from the
 * merge (the same roll-up, overrides included); drawing is left to backend/charts.
 */
import type { Dashboard, MergeCell, MergeView, PeriodDto, TrendChart, UnitsChart } from '../../../shared/api/types';
import { planMeasures } from '../../../shared/api/plan-shape';
import { DIRECTION_WORDS, furthestFromTarget, gapText, goalSummaries, receiptCurve, trendSeries, unitBars, type DashboardMeasure } from '../../../shared/domain/progress';
import { isTerritorial } from '../../../shared/domain/who-reports';
import type { BackendContext } from '../context';
import type { Db } from '../db/connection';
import { firstReceipts } from '../db/report-store';
import { UserError, notFound } from '../errors';
import { mergeView } from './merge';
import { dataStamp, keptMergeView } from './merge-screen';
import { periodPlan } from './period-plan';
import { getPeriod, listPeriods, workingPeriod } from './periods';

type Without<T> = Omit<T, 'chart' | 'charts'>;

/** The latest period (by cut-off) with a compiling unit that `fits`, if any. */
async function latestCompiled(db: Db, fits: (p: PeriodDto) => boolean = () => true): Promise<PeriodDto | undefined> {
  return (await listPeriods(db)).filter((p) => p.parentUnitId !== null && fits(p)).sort((a, b) => b.dataTo.localeCompare(a.dataTo))[0];
}

/** The period asked for, else the working one, else the latest with a compiling unit. */
export async function chartPeriod(db: Db, periodId?: number): Promise<PeriodDto> {
  if (periodId !== undefined) return getPeriod(db, periodId);
  const period = (await workingPeriod(db)) ?? (await latestCompiled(db));
  if (!period) throw new UserError('validation', 'Chưa có kỳ báo cáo nào. Hãy lập kỳ báo cáo ở mục "Kỳ báo cáo" trước.');
  return period;
}

/** Each period's compiled figures by measure code, kept while nothing is written (a trend reads every period of a phase). */
const totalsKept = new WeakMap<Db, { stamp: string; byPeriod: Map<number, Map<string, MergeCell>> }>();
async function periodTotals(db: Db, ctx: BackendContext, periodId: number): Promise<Map<string, MergeCell>> {
  const stamp = await dataStamp(db, ctx);
  let kept = totalsKept.get(db);
  if (kept?.stamp !== stamp) totalsKept.set(db, (kept = { stamp, byPeriod: new Map() }));
  const hit = kept.byPeriod.get(periodId);
  if (hit) return hit;
  const view = await mergeView(db, ctx, periodId, undefined, { withPrevious: false, parts: 'none', withUpstream: false });
  const totals = new Map(view.rows.map((r) => [r.code, r.total]));
  kept.byPeriod.set(periodId, totals);
  return totals;
}

/** The years of the phase a period's plan belongs to: its parent plan's (2021–2025), else its own. */
async function phaseOf(db: Db, planId: number): Promise<{ from: number; to: number; title: string }> {
  const plan = await db.selectFrom('plan').select(['year_from', 'year_to', 'parent_plan_id', 'title']).where('id', '=', planId).executeTakeFirstOrThrow();
  const parent = plan.parent_plan_id ? await db.selectFrom('plan').select(['year_from', 'year_to', 'title']).where('id', '=', plan.parent_plan_id).executeTakeFirst() : undefined;
  const p = parent ?? plan;
  return { from: Math.min(p.year_from, plan.year_from), to: Math.max(p.year_to, plan.year_to), title: p.title };
}

const KIND_WORDS = { half_year: 'Các kỳ báo cáo 6 tháng', annual: 'Các kỳ báo cáo năm', ad_hoc: 'Các kỳ báo cáo năm' } as const;
/** A period's name on the chart's axis: short, and the same shape for every year. */
export const pointLabel = (p: PeriodDto) => (p.kind === 'half_year' ? `6 tháng ${p.year}` : p.kind === 'annual' ? `Năm ${p.year}` : p.name);

function measureOf(plan: Awaited<ReturnType<typeof periodPlan>>, measureId: number, period: PeriodDto) {
  const m = planMeasures(plan).find((x) => x.id === measureId);
  if (!m) throw notFound(`chỉ số số ${measureId} trong kỳ "${period.name}"`);
  return m;
}

const measureWords = (m: { id: number; code: string; name: string; unitLabel: string; displayDecimals: number; direction: TrendChart['direction'] }) => ({
  measureId: m.id,
  code: m.code,
  name: m.name,
  unitLabel: m.unitLabel,
  displayDecimals: m.displayDecimals,
  direction: m.direction,
  directionText: DIRECTION_WORDS[m.direction],
});

/**
 * The trend: every period of the same kind (an ad hoc period: the annual ones) compiled by the
 * same unit in the years of the plan's phase, matched to the measure by its code (as last year's
 * figure is), with the measure's targets of this period's plan.
 */
export async function trendData(db: Db, ctx: BackendContext, args: { periodId?: number; measureId: number }): Promise<Without<TrendChart>> {
  const period = args.periodId !== undefined ? await getPeriod(db, args.periodId) : await periodForMeasure(db, args.measureId);
  const [trend] = await trendsOf(db, ctx, period, [args.measureId]);
  return trend!;
}

/** The trends of several measures of a period (all of them by default): the periods and their totals are read once. */
export async function trendsOf(db: Db, ctx: BackendContext, period: PeriodDto, measureIds?: readonly number[]): Promise<Without<TrendChart>[]> {
  const plan = await periodPlan(db, period);
  const measures = measureIds ? measureIds.map((id) => measureOf(plan, id, period)) : planMeasures(plan);
  const phase = await phaseOf(db, period.planId);
  const kinds = new Set<PeriodDto['kind']>([period.kind === 'ad_hoc' ? 'annual' : period.kind]);
  const periods = (await listPeriods(db)).filter((p) => p.id === period.id || (p.parentUnitId === period.parentUnitId && kinds.has(p.kind) && p.year >= phase.from && p.year <= phase.to));
  const totals: { p: PeriodDto; byCode: Map<string, MergeCell> }[] = [];
  for (const p of periods) totals.push({ p, byCode: await periodTotals(db, ctx, p.id) });
  const compiledBy = period.parentUnitName ?? '';
  const scopeText = `${KIND_WORDS[period.kind]} do ${compiledBy} tổng hợp, ${phase.from}–${phase.to} (giai đoạn của ${phase.title})`;
  return measures.map((m) => {
    const inputs = totals.map(({ p, byCode }) => ({ periodId: p.id, name: pointLabel(p), year: p.year, dataTo: p.dataTo, value: byCode.get(m.code)?.value ?? null }));
    const series = trendSeries(inputs, m.targets, m.direction);
    return { ...measureWords(m), compiledBy, scopeText, points: series.points, phaseTargets: series.phaseTargets };
  });
}

/** For a measure opened from its plan: the working period when it collects the plan, else the plan's latest period. */
async function periodForMeasure(db: Db, measureId: number): Promise<PeriodDto> {
  const owner = await db
    .selectFrom('measure')
    .innerJoin('indicator', 'indicator.id', 'measure.indicator_id')
    .innerJoin('goal', 'goal.id', 'indicator.goal_id')
    .select('goal.plan_id')
    .where('measure.id', '=', measureId)
    .executeTakeFirst();
  if (!owner) throw notFound(`chỉ số số ${measureId}`);
  const working = await workingPeriod(db);
  if (working?.planIds.includes(owner.plan_id) && working.parentUnitId !== null) return working;
  const latest = await latestCompiled(db, (p) => p.planIds.includes(owner.plan_id));
  if (!latest) throw new UserError('validation', 'Kế hoạch của chỉ số này chưa có kỳ báo cáo nào, nên chưa có số liệu để vẽ xu hướng. Hãy lập kỳ báo cáo ở mục "Kỳ báo cáo".');
  return latest;
}

/** One measure across the period's units that give it (the territory's for a territorial measure, else those assigned). */
export async function unitsData(db: Db, ctx: BackendContext, args: { periodId: number; measureId: number }): Promise<Without<UnitsChart>> {
  const view = await keptMergeView(db, ctx, args.periodId);
  const row = view.rows.find((r) => r.measureId === args.measureId);
  if (!row) throw notFound(`chỉ số số ${args.measureId} trong kỳ "${view.period.name}"`);
  const counted = new Set([...row.contributing, ...row.missing]);
  const shown = view.units.filter((u) => counted.has(u.id) || (row.excluded.includes(u.id) && (row.reporters !== 'territorial' || isTerritorial(u.kind))));
  const figures = shown.map((u) => ({ unitId: u.id, name: u.name, numerator: row.cells[u.id]?.numerator ?? null, denominator: row.cells[u.id]?.denominator ?? null, value: row.cells[u.id]?.value ?? null }));
  const { bars, withoutData } = unitBars(figures, row.valueKind === 'rate' ? row.rateFactor : null, row.direction, row.target);
  const order = row.direction === 'at_most' ? 'thấp nhất (tốt nhất) ở trên' : row.direction === 'at_least' || row.direction === 'none' || !row.target ? 'cao nhất ở trên' : 'gần chỉ tiêu nhất ở trên';
  return {
    ...measureWords({ ...row, id: row.measureId }),
    periodName: view.period.name,
    targetText: row.targetText,
    target: row.target,
    sortText: `Xếp ${order}${row.valueKind === 'rate' ? '; tỷ lệ tính từ tử số và mẫu số của từng đơn vị' : ''}.`,
    bars,
    withoutData,
  };
}

/** The working period's dashboard: results by goal, progress toward the phase end, reports received, the measures furthest behind. */
export async function dashboardData(db: Db, ctx: BackendContext, args: { periodId?: number }): Promise<Without<Dashboard>> {
  const period = await chartPeriod(db, args.periodId);
  const view = await keptMergeView(db, ctx, period.id);
  const plan = await periodPlan(db, view.period);
  const targetsOf = new Map(planMeasures(plan).map((m) => [m.id, m.targets]));
  const measures: DashboardMeasure[] = view.rows.map((r) => {
    const phase = (targetsOf.get(r.measureId) ?? []).filter((t) => t.isPhaseEnd && t.year >= period.year).sort((a, b) => a.year - b.year)[0];
    return {
      measureId: r.measureId,
      code: r.code,
      name: r.name,
      goalCode: r.goalCode,
      direction: r.direction,
      value: r.total.value,
      target: r.target,
      targetText: r.targetText,
      assessment: r.assessment,
      phaseTarget: phase ?? null,
    };
  });
  const goals = uniqueGoals(view);
  // Progress is told toward one phase end (the nearest): a measure heading for a later one is left out of it.
  const phaseYears = measures.flatMap((m) => (m.phaseTarget ? [m.phaseTarget.year] : []));
  const phaseYear = phaseYears.length ? Math.min(...phaseYears) : null;
  for (const m of measures) if (m.phaseTarget && m.phaseTarget.year !== phaseYear) m.phaseTarget = null;
  const first = await firstReceipts(db, period.id);
  return {
    period: view.period,
    compiledBy: view.parentUnitName,
    measureCount: measures.length,
    withData: measures.filter((m) => m.value !== null).length,
    goals: goalSummaries(goals, measures),
    phaseYear,
    received: { days: receiptCurve(view.units.map((u) => first.get(u.id) ?? null)), expected: view.completeness.expected, deadlines: view.period.deadlines, late: view.completeness.late.length },
    furthest: furthestFromTarget(measures).map((f) => ({ ...f, gapText: gapText(f.direction, f.gap) })),
  };
}

function uniqueGoals(view: MergeView): { code: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const r of view.rows) if (!seen.has(r.goalCode)) seen.set(r.goalCode, r.goalTitle);
  return [...seen].map(([code, title]) => ({ code, title }));
}

/** The figures behind every chart of a period (the submission workbook's "Số liệu biểu đồ"): the dashboard and every measure's trend. */
export async function chartFigures(db: Db, ctx: BackendContext, periodId: number): Promise<{ dashboard: Without<Dashboard>; trends: Without<TrendChart>[] }> {
  const dashboard = await dashboardData(db, ctx, { periodId });
  return { dashboard, trends: await trendsOf(db, ctx, dashboard.period) };
}
