/**
 * Worker thread: runs one read-only query on its own connection to the database file and sends
 * back the rows. The connection is opened for each query (a read sees the last commit, and a
 * database restored or replaced under the same name is the one read) and cannot write.
 */
import { parentPort } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import type { ReadReply, ReadRequest } from './read-query-types';

parentPort!.on('message', ({ id, file, sql, parameters }: ReadRequest) => {
  let reply: ReadReply;
  let db: SqliteDatabase.Database | null = null;
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    db.pragma('trusted_schema = OFF');
    db.pragma('query_only = ON');
    const stmt = db.prepare(sql);
    if (!stmt.reader) throw new Error('only queries that read may run off the main thread');
    reply = { id, ok: true, rows: stmt.all(parameters as unknown[]) };
  } catch (e) {
    reply = { id, ok: false, message: String((e as Error)?.message ?? e) };
  } finally {
    db?.close();
  }
  parentPort!.postMessage(reply);
});
