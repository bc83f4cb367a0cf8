/** Starts the backend on a database file: open, migrate, load the demo on first start, dispatch. */
import { openDatabase, type OpenDatabase } from './db/connection';
import type { BackendContext } from './context';
import { createDispatcher, type Dispatch } from './dispatch';
import { loadDemo } from './demo/load-demo';

export const APP_VERSION = '0.1.0';

export interface Backend {
  dispatch: Dispatch;
  ctx: BackendContext;
  database: OpenDatabase;
  close(): Promise<void>;
}

export interface BackendOptions {
  dbPath: string;
  /** Load the demo plans and units when the database has no plan and no unit (default true). */
  demoOnEmpty?: boolean;
  now?: () => Date;
  log?: (message: string) => void;
}

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const database = await openDatabase(options.dbPath);
  const ctx: BackendContext = { db: database.db, dbPath: options.dbPath, appVersion: APP_VERSION, now: options.now ?? (() => new Date()) };
  if (options.demoOnEmpty ?? true) {
    const plans = await ctx.db.selectFrom('plan').select('id').limit(1).execute();
    const units = await ctx.db.selectFrom('org_unit').select('id').limit(1).execute();
    if (plans.length === 0 && units.length === 0) await loadDemo(ctx.db, ctx);
  }
  return { dispatch: createDispatcher(ctx, options.log), ctx, database, close: () => database.close() };
}
