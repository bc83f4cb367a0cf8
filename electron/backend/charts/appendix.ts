/**
 * The charts a submission PDF carries when asked (the PDF dialog, `export --charts`): the
 * dashboard's summary and the trends of chosen measures, drawn for the page (serif, points).
 */
import type { ApiParsedArgs } from '../../../shared/api/contract';
import type { Dashboard, TrendChart } from '../../../shared/api/types';
import type { BackendContext } from '../context';
import type { Db } from '../db/connection';
import { getPeriod } from '../services/periods';
import { dashboardData, trendsOf } from '../services/progress';
import { drawDashboard, drawTrend } from './draw';

/** The dashboard's summary or not, and the measures whose trends are drawn (none given: the five furthest from their target). */
export type ChartChoice = NonNullable<ApiParsedArgs<'merge-pdf'>['charts']>;

export interface ChartAppendix {
  dashboard: Dashboard | null;
  trends: TrendChart[];
}

export async function chartAppendix(db: Db, ctx: BackendContext, periodId: number, choice: ChartChoice): Promise<ChartAppendix | null> {
  const data = choice.summary || !choice.trendMeasureIds ? await dashboardData(db, ctx, { periodId }) : null;
  const ids = choice.trendMeasureIds ?? data!.furthest.map((f) => f.measureId);
  if (!choice.summary && ids.length === 0) return null;
  const dashboard = choice.summary ? await drawDashboard(data!, 'pdf') : null;
  const trends: TrendChart[] = [];
  // The periods of the phase and their totals are read once for every trend.
  for (const t of ids.length ? await trendsOf(db, ctx, data?.period ?? (await getPeriod(db, periodId)), ids) : []) trends.push(await drawTrend(t, 'pdf'));
  return { dashboard, trends };
}
