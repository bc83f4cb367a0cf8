import { submitPeriod, unlockPeriod } from '../services/locks';
import { createPeriod, deletePeriod, getPeriod, listPeriods, periodStatus, updatePeriod } from '../services/periods';
import type { HandlerSlice } from './types';

export const periodHandlers: HandlerSlice<'period-list' | 'period-get' | 'period-create' | 'period-update' | 'period-delete' | 'period-status' | 'period-submit' | 'period-unlock'> = {
  'period-list': async ({ planId }, ctx) => listPeriods(ctx.db, planId),
  'period-get': async ({ id }, ctx) => getPeriod(ctx.db, id),
  'period-create': async (args, ctx) => createPeriod(ctx.db, ctx, args),
  'period-update': async (args, ctx) => updatePeriod(ctx.db, ctx, args),
  'period-delete': async ({ id }, ctx) => (await deletePeriod(ctx.db, ctx, id), { deleted: true }),
  'period-status': async (args, ctx) => periodStatus(ctx.db, ctx, args),
  'period-submit': async ({ id }, ctx) => submitPeriod(ctx.db, ctx, id),
  'period-unlock': async ({ id, reason }, ctx) => unlockPeriod(ctx.db, ctx, id, reason),
};
