/**
 * A costly read run on another core while the main thread reads something else: at national
 * size the merge sums the parts of broken-down measures (400.000 values, 0,4 s in SQLite) while
 * it reads every unit's totals. One worker, kept between queries; each query opens its own
 * read-only connection to the same file (WAL: it reads the last commit, as the main thread's
 * next statement would).
 *
 * Off the main thread only what could be read there the same way: never inside a transaction
 * (the worker would not see its writes), never for an in-memory database.
 */
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import type { Db } from '../db/connection';
import type { ReadReply } from './read-query-types';
import { workerSource } from './worker-source';

let worker: Worker | null = null;
let nextId = 1;
let asked = 0;

/** How many queries were read off the main thread in this process (what the tests check). */
export const offThreadQueries = () => asked;
const waiting = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }>();

function failAll(w: Worker, e: Error): void {
  if (worker === w) worker = null;
  for (const p of waiting.values()) p.reject(e);
  waiting.clear();
}

function spawn(): Worker {
  if (worker) return worker;
  const { source, eval: isEval } = workerSource('read-query');
  // Small heaps: the worker holds one query's rows at a time (a few thousand sums), SQLite's memory is its own.
  const w = new Worker(source, { eval: isEval, stdout: true, stderr: true, resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 } });
  w.on('message', (reply: ReadReply) => {
    const p = waiting.get(reply.id);
    if (!p) return;
    waiting.delete(reply.id);
    // Kept alive while a query is waiting (a command-line run has nothing else to wait on), not after.
    if (waiting.size === 0) w.unref();
    if (reply.ok) p.resolve(reply.rows);
    else p.reject(new Error(reply.message));
  });
  w.on('error', (e) => failAll(w, e));
  w.on('exit', (code) => failAll(w, new Error(`the read worker stopped (exit ${code})`)));
  w.unref();
  worker = w;
  return w;
}

/** Whether a query on `db` can be read off the main thread with the same answer. */
export function canReadOffThread(db: Db, raw: SqliteDatabase.Database): boolean {
  return !db.isTransaction && !raw.memory && raw.open && !raw.inTransaction && raw.name !== '';
}

/** The rows of a compiled read-only query, read on the worker's core. */
export function readOffThread<T>(raw: SqliteDatabase.Database, query: CompiledQuery): Promise<T[]> {
  const w = spawn();
  const id = nextId++;
  asked++;
  return new Promise<T[]>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
    w.ref();
    w.postMessage({ id, file: raw.name, sql: query.sql, parameters: query.parameters });
  });
}
