/** What every service gets: the database and the clock. Nothing here knows where it runs. */
import type { Db } from './db/connection';

export interface BackendContext {
  db: Db;
  dbPath: string;
  appVersion: string;
  now: () => Date;
}

export function nowIso(ctx: BackendContext): string {
  return ctx.now().toISOString();
}
