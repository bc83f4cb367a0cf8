/**
 * One TongHop at a time per database file: a lock file beside it names the process that holds
 * it. A lock left by a process that no longer runs (a crash, a power cut) is taken over.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StorageError } from './storage-error';

export interface InstanceLock {
  file: string;
  release(): void;
}

interface LockContent {
  pid: number;
  host: string;
  startedAt: string;
}

export function lockFileFor(dbPath: string): string {
  return `${dbPath}.lock`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockContent | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockContent>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? { pid: parsed.pid, host: parsed.host, startedAt: String(parsed.startedAt ?? '') } : null;
  } catch {
    return null;
  }
}

/** Waits a few milliseconds without a busy loop (startup is synchronous here). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Whether two reads of a lock name the same holder (the same process start). */
const sameHolder = (a: LockContent | null, b: LockContent | null) => Boolean(a && b && a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt);

/**
 * Takes the lock atomically: the content is written to a file of this process first, then linked
 * to the lock's name (which fails when the name exists), so no other process ever reads a lock
 * half-written. A stale lock (its process gone) is removed by one process at a time, and only
 * while it still is the stale lock that process read.
 */
export function acquireInstanceLock(dbPath: string): InstanceLock {
  const file = lockFileFor(dbPath);
  // The first start: the data folder may not exist yet.
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const mine: LockContent = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  const staging = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.new`;
  fs.writeFileSync(staging, JSON.stringify(mine), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        fs.linkSync(staging, file);
        return {
          file,
          release: () => {
            if (sameHolder(readLock(file), mine)) fs.rmSync(file, { force: true });
          },
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const holder = readLock(file);
      if (!holder) {
        // Written atomically, a lock is never empty; an unreadable one is taken over only once it is old.
        const age = Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
        if (age < 5000) throw new StorageError('in_use', dbPath, {});
      } else {
        const sameMachine = holder.host === os.hostname();
        if (holder.pid !== process.pid && (!sameMachine || isRunning(holder.pid))) {
          throw new StorageError('in_use', dbPath, { holder: { ...holder, sameMachine } });
        }
      }
      // Left by a process that is gone: taken over by one process at a time (holding the takeover
      // lock), which drops the file only if it still is the stale one it read.
      const takeover = `${file}.takeover`;
      try {
        fs.linkSync(staging, takeover);
      } catch {
        // Another process is taking over; a takeover lock left by a crash is cleared once it is old.
        const age = Date.now() - (fs.statSync(takeover, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
        if (age > 5000) fs.rmSync(takeover, { force: true });
        pause(5);
        continue;
      }
      try {
        const now = readLock(file);
        if (holder ? sameHolder(now, holder) : now === null) fs.rmSync(file, { force: true });
      } finally {
        fs.rmSync(takeover, { force: true });
      }
    }
    throw new StorageError('lock_failed', dbPath);
  } finally {
    fs.rmSync(staging, { force: true });
  }
}
