/** Starts the backend on a database file: lock, open, back up, migrate, load the demo on first start, dispatch. */
import path from 'node:path';
import { sweepOpenedFiles } from './services/open-file';
import type { OpenDatabase } from './db/connection';
import { storageError } from './storage-messages';
import { acquireInstanceLock, type InstanceLock } from './db/instance-lock';
import { createContext, type BackendContext } from './context';
import { createDispatcher, type Dispatch } from './dispatch';
import { loadDemo } from './demo/load-demo';
import { ensureDailyBackup, openWithMigrationBackup } from './services/backups';

export const APP_VERSION = '0.1.0';

export interface Backend {
  dispatch: Dispatch;
  ctx: BackendContext;
  /** The open database (a new one after a restore). */
  readonly database: OpenDatabase;
  close(): Promise<void>;
}

export interface BackendOptions {
  dbPath: string;
  /** Load the demo plans and units when the database has no plan and no unit (default true). */
  demoOnEmpty?: boolean;
  now?: () => Date;
  log?: (message: string) => void;
  /** Shows a file in the system's default application (Electron's shell.openPath); a spawn without a shell otherwise. Resolves to an error text, '' when it worked. */
  openPath?: (file: string) => Promise<string>;
}

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const now = options.now ?? (() => new Date());
  const inMemory = options.dbPath === ':memory:';
  let lock: InstanceLock | null = null;
  try {
    lock = inMemory ? null : acquireInstanceLock(options.dbPath);
  } catch (e) {
    throw storageError(e, path.dirname(options.dbPath));
  }
  let database: OpenDatabase;
  try {
    database = await openWithMigrationBackup(options.dbPath, now);
  } catch (e) {
    lock?.release();
    throw storageError(e, options.dbPath);
  }
  const ctx = createContext(database, APP_VERSION, now);
  ctx.openPath = options.openPath;
  sweepOpenedFiles();
  const log = options.log ?? console.error;
  try {
    if (options.demoOnEmpty ?? true) {
      const plans = await ctx.db.selectFrom('plan').select('id').limit(1).execute();
      const units = await ctx.db.selectFrom('org_unit').select('id').limit(1).execute();
      if (plans.length === 0 && units.length === 0) await loadDemo(ctx.db, ctx);
    }
  } catch (e) {
    await ctx.database.close();
    lock?.release();
    throw storageError(e, options.dbPath);
  }
  await ensureDailyBackup(ctx, log);
  return {
    dispatch: createDispatcher(ctx, log),
    ctx,
    get database() {
      return ctx.database;
    },
    close: async () => {
      ctx.uploads.close();
      await ctx.database.close();
      lock?.release();
    },
  };
}
