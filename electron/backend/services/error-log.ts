/**
 * The error log: what went wrong inside TongHop, with the stack, for whoever maintains it. The
 * user is told in Vietnamese what failed and that the details are here; a stack trace is never
 * shown to a user. One file beside the database: logs/tonghop-errors.log, readable by the user only.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackendContext } from '../context';

export function errorLogPath(dbPath: string): string | null {
  return dbPath === ':memory:' ? null : path.join(path.dirname(dbPath), 'logs', 'tonghop-errors.log');
}

export function logError(ctx: Pick<BackendContext, 'dbPath' | 'now'>, where: string, error: unknown): void {
  const file = errorLogPath(ctx.dbPath);
  if (!file) return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.appendFileSync(file, `${ctx.now().toISOString()} ${where}: ${(error as Error)?.stack ?? String(error)}\n`, { mode: 0o600 });
  } catch {
    // A log that cannot be written must not make things worse.
  }
}
