/**
 * The merge the bench measures: computed each time. The screen's `merge-get` answers a repeat
 * from the view it kept while nothing was written, which would make every run after the first
 * a lookup.
 */
import type { Backend } from '../../electron/backend/index';
import { mergeView } from '../../electron/backend/services/merge';

export const computeMerge = (b: Backend, periodId: number) => mergeView(b.ctx.db, b.ctx, periodId, undefined, { parts: 'totals' });
