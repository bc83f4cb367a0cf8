import { loadDemo, demoPlanId } from '../demo/load-demo';
import { schemaVersion } from '../db/connection';
import { getSettings, setSettings } from '../services/settings';
import type { HandlerSlice } from './types';
import { auditChanges, verifyAudit } from '../services/audit';
import { auditVerdict } from '../../../shared/domain/audit-text';

export const appHandlers: HandlerSlice<'app-info' | 'settings-get' | 'settings-set' | 'demo-load' | 'audit-verify'> = {
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
  // A change of the display name (or any setting) is itself in the audit trail.
  'settings-set': async (args, ctx) => {
    const before = await getSettings(ctx.db);
    const after = await setSettings(ctx.db, args);
    await auditChanges(ctx.db, ctx, { entity: 'setting', entityId: null, action: 'settings' }, before, after);
    return after;
  },
  'audit-verify': async (_args, ctx) => auditVerdict(await verifyAudit(ctx)),
  'demo-load': async (_args, ctx) => loadDemo(ctx.db, ctx),
};
