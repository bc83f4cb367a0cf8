import { mergeView } from '../services/merge';
import type { HandlerSlice } from './types';

export const mergeHandlers: HandlerSlice<'merge-get'> = {
  'merge-get': async ({ periodId, parentUnitId }, ctx) => mergeView(ctx.db, ctx, periodId, parentUnitId),
};
