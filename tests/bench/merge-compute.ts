/**
 * The merge the bench measures: computed each time. The screen's `merge-get` answers a repeat
 * from the view it kept while nothing was written, which would make every run after the first
 * a lookup; and last year's merge is kept until last year's period changes. Before each timed
 * run (untimed), `reportsArrive` touches one report of every period, as a report arriving in
 * each would, so nothing kept is answered; `reportArrives` only the merged period's, as when a
 * unit's file arrives: last year's merge is then the one kept.
 */
import type SqliteDatabase from 'better-sqlite3';
import type { Backend } from '../../electron/backend/index';
import { mergeView } from '../../electron/backend/services/merge';

export const computeMerge = (b: Backend, periodId: number) => mergeView(b.ctx.db, b.ctx, periodId, undefined, { parts: 'totals' });

/** On the backend's connection, or another one (as another window or the import would write). */
type Connection = Backend | SqliteDatabase.Database;
const rawOf = (c: Connection) => ('database' in c ? c.database.raw : c);

export const reportsArrive = (c: Connection) => () => rawOf(c).prepare('UPDATE report SET received_at = received_at WHERE id IN (SELECT max(id) FROM report GROUP BY period_id)').run();

export const reportArrives = (c: Connection, periodId: number) => () =>
  rawOf(c).prepare('UPDATE report SET received_at = received_at WHERE id = (SELECT max(id) FROM report WHERE period_id = ?)').run(periodId);
