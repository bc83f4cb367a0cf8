/**
 * Rolling units' values up to their parent, and judging results against targets. Pure.
 * Rates are recomputed from summed numerators and denominators, never averaged.
 */
import type { Direction, Rollup } from './measure';

export interface UnitValue {
  unitId: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export interface RolledUp {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** Units whose values went into the total. */
  contributing: number[];
  /** Units that reported this measure but could not be counted (a rate without numerator and denominator). */
  excluded: number[];
}

const EMPTY: RolledUp = { numerator: null, denominator: null, value: null, contributing: [], excluded: [] };

/**
 * `values` are the reports of the units that count for this measure: the territorial units for
 * sum and ratio, all of them for lead (the lead unit's report is taken) and none (listed only).
 */
export function rollUp(rule: Rollup, factor: number | null, values: UnitValue[], leadUnitId: number | null): RolledUp {
  switch (rule) {
    case 'sum': {
      const given = values.filter((v) => v.value !== null);
      if (given.length === 0) return EMPTY;
      return { numerator: null, denominator: null, value: given.reduce((s, v) => s + v.value!, 0), contributing: given.map((v) => v.unitId), excluded: [] };
    }
    case 'ratio': {
      const given = values.filter((v) => v.numerator !== null && v.denominator !== null);
      const excluded = values.filter((v) => v.value !== null && (v.numerator === null || v.denominator === null)).map((v) => v.unitId);
      if (given.length === 0) return { ...EMPTY, excluded };
      const numerator = given.reduce((s, v) => s + v.numerator!, 0);
      const denominator = given.reduce((s, v) => s + v.denominator!, 0);
      return { numerator, denominator, value: denominator > 0 && factor ? (numerator / denominator) * factor : null, contributing: given.map((v) => v.unitId), excluded };
    }
    case 'lead': {
      const lead = values.find((v) => v.unitId === leadUnitId && (v.value !== null || v.numerator !== null));
      return lead ? { numerator: lead.numerator, denominator: lead.denominator, value: lead.value, contributing: [lead.unitId], excluded: [] } : EMPTY;
    }
    case 'none':
      return EMPTY;
  }
}

export const ASSESSMENTS = {
  met: 'Đạt',
  not_met: 'Chưa đạt',
  no_data: 'Không có số liệu',
  not_applicable: 'Không phát sinh',
  no_target: 'Không có chỉ tiêu',
} as const;
export type Assessment = keyof typeof ASSESSMENTS;

/** "Giảm xuống 16,8%" is met at ≤ 16,8; "đạt 96%" at ≥ 96; "duy trì 0" at 0; "2,0-3,0" inside the range. */
/** A rate whose summed numerator and denominator are both 0: nothing happened that it measures. */
export function assessResult(direction: Direction, target: { value: number; valueMax: number | null } | null, result: { numerator: number | null; denominator: number | null; value: number | null }): Assessment {
  if (result.value === null && result.numerator === 0 && result.denominator === 0) return 'not_applicable';
  return assess(direction, target, result.value);
}

export function assess(direction: Direction, target: { value: number; valueMax: number | null } | null, result: number | null): Assessment {
  if (direction === 'none' || !target) return 'no_target';
  if (result === null) return 'no_data';
  const r = Math.round(result * 1e9) / 1e9;
  switch (direction) {
    case 'at_least':
      return r >= target.value ? 'met' : 'not_met';
    case 'at_most':
      return r <= target.value ? 'met' : 'not_met';
    case 'equal':
      return r === target.value ? 'met' : 'not_met';
    case 'range':
      return r >= target.value && r <= (target.valueMax ?? target.value) ? 'met' : 'not_met';
  }
}

export interface TreeUnit {
  id: number;
  parentId: number | null;
  /** Districts and communes stand for a part of the territory; departments do not. */
  territorial: boolean;
}

export interface TreeValue extends UnitValue {
  /** 0: the unit's own report; n: rolled up from n reports of units under it. */
  derivedFrom: number;
  /** With derivedFrom: how many units under it could have reported (2 of 3 communes: derivedFrom 2, derivedOf 3). */
  derivedOf?: number;
}

/** How many reporting units a unit stands for at the bottom of the tree: 1 for a leaf, else the sum over the units that add up to it. */
function leavesUnder(tree: TreeIndex, id: number, depth = 0): number {
  const kids = tree.summed.get(id) ?? [];
  if (!kids.length || depth >= 50) return 1;
  return kids.reduce((n, k) => n + leavesUnder(tree, k.id, depth + 1), 0);
}

/** The units whose figures add up to a unit's: its territorial children, or all children when it has none. */
export function summedChildren<U extends TreeUnit>(children: readonly U[]): U[] {
  const territorial = children.filter((c) => c.territorial);
  return territorial.length ? territorial : [...children];
}

/** A tree read once for many roll-ups: each unit's children, the ones whose figures add up to it, and the roots. */
export interface TreeIndex {
  children: ReadonlyMap<number, readonly TreeUnit[]>;
  summed: ReadonlyMap<number, readonly TreeUnit[]>;
  /** The units that are among their parent's `summed`. */
  counted: ReadonlySet<TreeUnit>;
  roots: readonly TreeUnit[];
}

export function indexTree(units: readonly TreeUnit[]): TreeIndex {
  const children = new Map<number, TreeUnit[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId);
    if (list) list.push(u);
    else children.set(u.parentId, [u]);
  }
  const summed = new Map([...children].map(([id, kids]) => [id, summedChildren(kids)]));
  const counted = new Set([...summed.values()].flat());
  const ids = new Set(units.map((u) => u.id));
  return { children, summed, counted, roots: units.filter((u) => u.parentId === null || !ids.has(u.parentId)) };
}

/**
 * Every unit's value for one measure in the tree under a compiling unit: its own report where it
 * sent one, else (for sum and ratio) rolled up from the units under it, level by level. So a
 * 2024 province merges communes → districts → province, a 2026 one communes → province, and the
 * same raw reports give the same province total both ways.
 */
export function rollUpTree(rule: Rollup, factor: number | null, units: readonly TreeUnit[] | TreeIndex, own: ReadonlyMap<number, UnitValue>): Map<number, TreeValue> {
  const tree = 'roots' in units ? units : indexTree(units);
  const out = new Map<number, TreeValue>();
  const adds = rule === 'sum' || rule === 'ratio';
  const visit = (u: TreeUnit, depth: number): TreeValue | null => {
    const mine = own.get(u.id);
    const children = tree.children.get(u.id) ?? [];
    if (mine && (mine.value !== null || mine.numerator !== null)) {
      const v = { unitId: mine.unitId, numerator: mine.numerator, denominator: mine.denominator, value: mine.value, derivedFrom: 0 };
      out.set(u.id, v);
      if (depth < 50) for (const c of children) visit(c, depth + 1);
      return v;
    }
    if (depth >= 50) return null;
    const given: TreeValue[] = [];
    let of = 0;
    for (const c of children) {
      const v = visit(c, depth + 1);
      if (!tree.counted.has(c)) continue;
      if (v) given.push(v);
      of += v ? (v.derivedFrom ? (v.derivedOf ?? v.derivedFrom) : 1) : leavesUnder(tree, c.id, depth + 1);
    }
    if (!adds || !given.length) return null;
    const total = rollUp(rule, factor, given, null);
    if (total.value === null && total.numerator === null) return null;
    const v = { unitId: u.id, numerator: total.numerator, denominator: total.denominator, value: total.value, derivedFrom: given.reduce((s, g) => s + Math.max(1, g.derivedFrom), 0), derivedOf: of };
    out.set(u.id, v);
    return v;
  };
  for (const u of tree.roots) visit(u, 0);
  return out;
}
