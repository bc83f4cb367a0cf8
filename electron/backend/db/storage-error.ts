/**
 * What can go wrong with the database file itself, as facts: which problem, which file, and
 * what else is known. The database layer says nothing to the user; the layer above turns these
 * into Vietnamese sentences (electron/backend/storage-messages.ts).
 */

export type StorageProblem =
  /** The disk holding the file is full. */
  | 'disk_full'
  /** The folder or file may not be written (read-only medium, no permission). */
  | 'read_only'
  /** The file is not an SQLite database, or its pages are damaged. */
  | 'not_a_database'
  /** The file could not be opened or read at all. */
  | 'cannot_open'
  /** The file was migrated by a newer TongHop (`migrations` names what this one does not know). */
  | 'newer_version'
  /** Another running TongHop holds the file (`holder` says which). */
  | 'in_use'
  /** The lock file could not be made. */
  | 'lock_failed';

export interface LockHolder {
  pid: number;
  host: string;
  sameMachine: boolean;
  startedAt: string;
}

export interface StorageErrorDetails {
  migrations?: string[];
  holder?: LockHolder;
  cause?: unknown;
}

export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    readonly file: string,
    readonly details: StorageErrorDetails = {},
  ) {
    super(`storage problem "${problem}" with ${file}${details.cause instanceof Error ? `: ${details.cause.message}` : ''}`);
    this.name = 'StorageError';
  }
}

/**
 * Classifies an error from SQLite or the file system: the problems a user can act on become a
 * StorageError; anything else is returned as it is.
 */
export function classifyStorageError(e: unknown, file: string): StorageError | Error {
  if (e instanceof StorageError) return e;
  const err = e as Error & { code?: string };
  const code = err?.code ?? '';
  const message = err?.message ?? '';
  if (/SQLITE_FULL|ENOSPC/.test(code)) return new StorageError('disk_full', file, { cause: e });
  if (/SQLITE_READONLY|EACCES|EPERM|EROFS/.test(code) || /readonly|read-only|permission denied/i.test(message)) {
    return new StorageError('read_only', file, { cause: e });
  }
  if (/SQLITE_NOTADB|SQLITE_CORRUPT/.test(code)) return new StorageError('not_a_database', file, { cause: e });
  if (/SQLITE_CANTOPEN|SQLITE_IOERR/.test(code)) return new StorageError('cannot_open', file, { cause: e });
  return err instanceof Error ? err : new Error(String(e));
}
