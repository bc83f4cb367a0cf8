/**
 * What the merge screen is sent. At national size a view with every unit's figure is about
 * 20 MB (3.355 units × 50 measures, this year and last): too much to send, parse and hold for a
 * screen that shows 54 columns. A large tree's view carries the children's figures only; the
 * figures under one unit (a province's communes) or of one measure (its detail) follow on
 * request, from the view kept since it was computed while nothing has been written.
 */
import { sql } from 'kysely';
import type { MergeCells, MergeView } from '../../../shared/api/types';
import type { BackendContext } from '../context';
import type { Db } from '../db/connection';
import { notFound } from '../errors';
import { todayIso } from './units';
import { mergeView } from './merge';

/** Above this many units in the tree, the view is sent with the children's figures only. */
export const WHOLE_VIEW_UNITS = 500;

interface Kept {
  key: string;
  view: MergeView;
}

/** By connection: a restored database is a new connection, so nothing kept from the one it replaced is answered. */
const kept = new WeakMap<Db, Kept>();

/**
 * Whether anything was written since: this connection's changes (total_changes) and other
 * connections' commits (data_version), with today's date (lateness depends on it).
 */
export async function dataStamp(db: Db, ctx: BackendContext): Promise<string> {
  const r = await sql<{ changes: number }>`SELECT total_changes() AS changes`.execute(db);
  const version = ctx.raw.pragma('data_version', { simple: true }) as number;
  return `${todayIso(ctx)}:${version}:${r.rows[0]!.changes}`;
}

const stampOf = async (db: Db, ctx: BackendContext, periodId: number, parentUnitId: number | undefined) => `${periodId}:${parentUnitId ?? ''}:${await dataStamp(db, ctx)}`;

/** The merge with every unit's figure and each part's total, computed again only when something was written. */
export async function keptMergeView(db: Db, ctx: BackendContext, periodId: number, parentUnitId?: number): Promise<MergeView> {
  const key = await stampOf(db, ctx, periodId, parentUnitId);
  const hit = kept.get(db);
  if (hit?.key === key) return hit.view;
  const view = await mergeView(db, ctx, periodId, parentUnitId, { parts: 'totals' });
  kept.set(db, { key, view });
  return view;
}

/** The view for the screen: whole for a tree of up to WHOLE_VIEW_UNITS units, else with the children's figures. */
export async function mergeForScreen(db: Db, ctx: BackendContext, periodId: number, parentUnitId?: number, wholeUpTo = WHOLE_VIEW_UNITS): Promise<MergeView> {
  const view = await keptMergeView(db, ctx, periodId, parentUnitId);
  if (view.tree.length <= wholeUpTo) return view;
  const shown = new Set([view.parentUnitId, ...view.units.map((u) => u.id)]);
  return { ...view, cellsOf: 'children', rows: view.rows.map((r) => ({ ...r, cells: only(r.cells, shown), previousByUnit: only(r.previousByUnit, shown) })) };
}

/** The figures under one unit of the view's tree, or of one measure, for a view sent with the children's only. */
export async function mergeCells(db: Db, ctx: BackendContext, args: { periodId: number; underUnitId?: number; measureId?: number }): Promise<MergeCells[]> {
  const view = await keptMergeView(db, ctx, args.periodId);
  const rows = args.measureId === undefined ? view.rows : view.rows.filter((r) => r.measureId === args.measureId);
  if (args.measureId !== undefined && rows.length === 0) throw notFound(`chỉ tiêu số ${args.measureId} trong kỳ này`);
  let units: Set<number> | null = null;
  if (args.underUnitId !== undefined) {
    if (!view.tree.some((u) => u.id === args.underUnitId)) throw notFound(`đơn vị số ${args.underUnitId} trong kỳ này`);
    units = new Set();
    // The tree is parents first: a unit is under the chosen one when its parent is.
    for (const u of view.tree) if (u.parentId === args.underUnitId || units.has(u.parentId)) units.add(u.id);
  }
  return rows.map((r) => ({ measureId: r.measureId, cells: units ? only(r.cells, units) : r.cells, previousByUnit: units ? only(r.previousByUnit, units) : r.previousByUnit }));
}

function only<T>(byUnit: Record<number, T>, ids: ReadonlySet<number>): Record<number, T> {
  const out: Record<number, T> = {};
  for (const id of ids) if (byUnit[id] !== undefined) out[id] = byUnit[id];
  return out;
}

