/**
 * The charts a submission PDF carries when asked (the PDF dialog, `export --charts`): the
 * dashboard's summary and the trends of chosen measures, drawn for the page (serif, points).
 */
import type { Dashboard, TrendChart } from '../../../shared/api/types';
import type { BackendContext } from '../context';
import type { Db } from '../db/connection';
import { dashboardData, trendData } from '../services/progress';
import { drawDashboard, drawTrend } from './draw';

export interface ChartChoice {
  /** The dashboard's summary: results by goal, progress toward the phase end, reports received, the measures furthest behind. */
  summary: boolean;
  /** The measures whose trends are drawn, in this order; none given: the five furthest from their target. */
  trendMeasureIds?: number[];
}

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
  for (const measureId of ids) trends.push(await drawTrend(await trendData(db, ctx, { periodId, measureId }), 'pdf'));
  return { dashboard, trends };
}
