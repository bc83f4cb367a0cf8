/** What every service gets: the database and the clock. Nothing here knows where it runs. */
import type SqliteDatabase from 'better-sqlite3';
import type { Db, OpenDatabase } from './db/connection';
import { UploadStore } from './services/uploads';

export interface BackendContext {
  /** The open database; replaced when a backup is restored or another database file is opened. */
  db: Db;
  raw: SqliteDatabase.Database;
  database: OpenDatabase;
  dbPath: string;
  appVersion: string;
  now: () => Date;
  /** Switches to a newly opened database (after a restore). */
  useDatabase(database: OpenDatabase): void;
  /** Makes later calls wait until the returned function is called (while the database is swapped). */
  holdCalls(): () => void;
  /** Resolves when no swap is under way. */
  callsAllowed(): Promise<void>;
  /** The shell's way to show a file (Electron's shell.openPath), when there is one. */
  openPath?: (file: string) => Promise<string>;
  /** Files the web host received as raw bodies, named by id in later calls. */
  uploads: UploadStore;
}

export function createContext(database: OpenDatabase, appVersion: string, now: () => Date): BackendContext {
  let hold: Promise<void> = Promise.resolve();
  const ctx: BackendContext = {
    db: database.db,
    raw: database.raw,
    database,
    dbPath: database.path,
    appVersion,
    now,
    useDatabase(next) {
      ctx.database = next;
      ctx.db = next.db;
      ctx.raw = next.raw;
    },
    holdCalls() {
      let release!: () => void;
      hold = new Promise<void>((resolve) => (release = resolve));
      return release;
    },
    callsAllowed: () => hold,
    uploads: new UploadStore(),
  };
  return ctx;
}

export function nowIso(ctx: BackendContext): string {
  return ctx.now().toISOString();
}
