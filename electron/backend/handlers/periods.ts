import { submitPeriod, unlockPeriod } from '../services/locks';
import { createPeriod, currentPeriod, deletePeriod, getPeriod, listPeriods, periodStatus, updatePeriod, workingPeriod } from '../services/periods';
import { setWorkingPeriodId } from '../services/settings';
import { todayIso } from '../services/units';
import type { HandlerSlice } from './types';
import { backupBeforeImport } from '../services/backups';

export const periodHandlers: HandlerSlice<'period-list' | 'period-get' | 'period-create' | 'period-update' | 'period-delete' | 'period-status' | 'working-period-get' | 'working-period-set' | 'period-submit' | 'period-unlock'> = {
  'period-list': async ({ planId }, ctx) => listPeriods(ctx.db, planId),
  'period-get': async ({ id }, ctx) => getPeriod(ctx.db, id),
  'period-create': async (args, ctx) => createPeriod(ctx.db, ctx, args),
  'period-update': async (args, ctx) => updatePeriod(ctx.db, ctx, args),
  'period-delete': async ({ id, withReports }, ctx) => {
    if (withReports) await backupBeforeImport(ctx, 'period_delete', undefined);
    await deletePeriod(ctx.db, ctx, id, { withReports });
    return { deleted: true };
  },
  'period-status': async (args, ctx) => periodStatus(ctx.db, ctx, args),
  'working-period-get': async (_args, ctx) => {
    const p = (await workingPeriod(ctx.db)) ?? (await currentPeriod(ctx.db, todayIso(ctx)));
    return { periodId: p?.id ?? null };
  },
  'working-period-set': async ({ periodId }, ctx) => {
    await getPeriod(ctx.db, periodId);
    await setWorkingPeriodId(ctx.db, periodId);
    return { periodId };
  },
  'period-submit': async ({ id }, ctx) => submitPeriod(ctx.db, ctx, id),
  'period-unlock': async ({ id, reason }, ctx) => unlockPeriod(ctx.db, ctx, id, reason),
};
