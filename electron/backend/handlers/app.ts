import { loadDemo, demoPlanId } from '../demo/load-demo';
import { schemaVersion } from '../db/connection';
import { getSettings, setSettings } from '../services/settings';
import type { HandlerSlice } from './types';

export const appHandlers: HandlerSlice<'app-info' | 'settings-get' | 'settings-set' | 'demo-load'> = {
  'app-info': async (_args, ctx) => {
    const count = async (table: 'plan' | 'org_unit') =>
      Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    return {
      version: ctx.appVersion,
      dbPath: ctx.dbPath,
      schemaVersion: await schemaVersion(ctx.db),
      planCount: await count('plan'),
      unitCount: await count('org_unit'),
      hasDemo: (await demoPlanId(ctx.db)) !== null,
    };
  },
  'settings-get': async (_args, ctx) => getSettings(ctx.db),
  'settings-set': async (args, ctx) => setSettings(ctx.db, args),
  'demo-load': async (_args, ctx) => loadDemo(ctx.db, ctx),
};
