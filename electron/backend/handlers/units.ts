import { createUnit, dissolveUnit, getUnit, listChanges, listUnits, mergeUnits, moveUnit, renameUnit, reorganise, todayIso, undoChange } from '../services/units';
import type { HandlerSlice } from './types';

export const unitHandlers: HandlerSlice<
  'unit-list' | 'unit-get' | 'unit-create' | 'unit-rename' | 'unit-move' | 'unit-dissolve' | 'unit-merge' | 'org-reorganise' | 'org-changes' | 'org-undo'
> = {
  'unit-list': async (args, ctx) => listUnits(ctx.db, args.asOf ?? todayIso(ctx), args.includeDissolved ?? false),
  'unit-get': async ({ id }, ctx) => getUnit(ctx.db, id, todayIso(ctx)),
  'unit-create': async (args, ctx) => createUnit(ctx.db, ctx, args),
  'unit-rename': async (args, ctx) => renameUnit(ctx.db, ctx, args),
  'unit-move': async (args, ctx) => moveUnit(ctx.db, ctx, args),
  'unit-dissolve': async (args, ctx) => dissolveUnit(ctx.db, ctx, args),
  'unit-merge': async (args, ctx) => mergeUnits(ctx.db, ctx, args),
  'org-reorganise': async (args, ctx) => reorganise(ctx.db, ctx, args),
  'org-changes': async (_args, ctx) => listChanges(ctx.db),
  'org-undo': async ({ changeId }, ctx) => undoChange(ctx.db, ctx, changeId),
};
