/**
 * One TongHop at a time per database file: a lock file beside it names the process that holds
 * it. A lock left by a process that no longer runs (a crash, a power cut) is taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
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

export function acquireInstanceLock(dbPath: string): InstanceLock {
  const file = lockFileFor(dbPath);
  const mine: LockContent = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      return {
        file,
        release: () => {
          if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readLock(file);
    const sameMachine = !holder || holder.host === os.hostname();
    if (holder && holder.pid !== process.pid && (!sameMachine || isRunning(holder.pid))) {
      throw new StorageError('in_use', dbPath, { holder: { ...holder, sameMachine } });
    }
    // Left by a process that is gone (or unreadable): take it over.
    fs.rmSync(file, { force: true });
  }
  throw new StorageError('lock_failed', dbPath);
}
