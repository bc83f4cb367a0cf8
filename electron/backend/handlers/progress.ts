import { drawDashboard, drawTrend, drawUnits } from '../charts/draw';
import { dashboardData, trendData, unitsData } from '../services/progress';
import type { HandlerSlice } from './types';

export const progressHandlers: HandlerSlice<'dashboard-get' | 'chart-trend' | 'chart-units'> = {
  'dashboard-get': async (args, ctx) => drawDashboard(await dashboardData(ctx.db, ctx, args), 'screen'),
  'chart-trend': async (args, ctx) => drawTrend(await trendData(ctx.db, ctx, args), 'screen'),
  'chart-units': async (args, ctx) => drawUnits(await unitsData(ctx.db, ctx, args), 'screen'),
};
