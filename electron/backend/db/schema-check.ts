/**
 * What a database file from outside must look like: exactly the schema TongHop's own migrations
 * make at that file's version — the same tables, indexes, triggers and views with the same SQL.
 * A copy of a real database with a trigger added (an imported numerator stored as 0, an audit row
 * deleted) or a view changed differs, and is refused before it replaces anything.
 */
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrations } from './migrations';

export interface SchemaObject {
  type: string;
  name: string;
  tableName: string;
  sql: string | null;
}

export interface SchemaDifference {
  kind: 'extra' | 'missing' | 'changed';
  type: string;
  name: string;
}

/** The schema objects of a database, without SQLite's own (sqlite_autoindex_…, sqlite_stat1) and kysely's bookkeeping. */
export function schemaOf(raw: SqliteDatabase.Database): SchemaObject[] {
  const rows = raw.prepare("SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as SchemaObject[];
  return rows.filter((r) => !r.name.startsWith('kysely_migration')).map((r) => ({ ...r, sql: r.sql === null ? null : normalise(r.sql) }));
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').replace(/\s*([(),])\s*/g, '$1').trim();

const expected = new Map<string, SchemaObject[]>();

/** The schema TongHop's migrations make, applied in order up to and including `last` (cached). */
export async function schemaAfter(last: string): Promise<SchemaObject[]> {
  const cached = expected.get(last);
  if (cached) return cached;
  const raw = new SqliteDatabase(':memory:');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const { error } = await migrator.migrateTo(last);
    if (error) throw error;
    const schema = schemaOf(raw);
    expected.set(last, schema);
    return schema;
  } finally {
    await db.destroy();
  }
}

/**
 * How a database's schema differs from the one its applied migrations should have made; empty
 * when it is exactly TongHop's. Its applied migrations must be the first ones, in order.
 */
export async function schemaDifferences(raw: SqliteDatabase.Database): Promise<SchemaDifference[] | 'unknown_history'> {
  const applied = raw.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all() as string[];
  const ours = Object.keys(migrations);
  if (applied.length === 0 || applied.some((name, i) => ours[i] !== name)) return 'unknown_history';
  const want = await schemaAfter(applied.at(-1)!);
  const have = schemaOf(raw);
  const key = (o: SchemaObject) => `${o.type}\u0000${o.name}`;
  const wanted = new Map(want.map((o) => [key(o), o]));
  const had = new Map(have.map((o) => [key(o), o]));
  const out: SchemaDifference[] = [];
  for (const o of have) {
    const w = wanted.get(key(o));
    if (!w) out.push({ kind: 'extra', type: o.type, name: o.name });
    else if (w.sql !== o.sql || w.tableName !== o.tableName) out.push({ kind: 'changed', type: o.type, name: o.name });
  }
  for (const o of want) if (!had.has(key(o))) out.push({ kind: 'missing', type: o.type, name: o.name });
  return out;
}
