import { createUnit, dissolveUnit, getUnit, listUnits, mergeUnits, moveUnit, renameUnit, todayIso } from '../services/units';
import type { HandlerSlice } from './types';

export const unitHandlers: HandlerSlice<'unit-list' | 'unit-get' | 'unit-create' | 'unit-rename' | 'unit-move' | 'unit-dissolve' | 'unit-merge'> = {
  'unit-list': async (args, ctx) => listUnits(ctx.db, args.asOf ?? todayIso(ctx), args.includeDissolved ?? false),
  'unit-get': async ({ id }, ctx) => getUnit(ctx.db, id, todayIso(ctx)),
  'unit-create': async (args, ctx) => createUnit(ctx.db, ctx, args),
  'unit-rename': async (args, ctx) => renameUnit(ctx.db, ctx, args),
  'unit-move': async (args, ctx) => moveUnit(ctx.db, ctx, args),
  'unit-dissolve': async (args, ctx) => dissolveUnit(ctx.db, ctx, args),
  'unit-merge': async (args, ctx) => mergeUnits(ctx.db, ctx, args),
};
