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
  no_target: 'Không có chỉ tiêu',
} as const;
export type Assessment = keyof typeof ASSESSMENTS;

/** "Giảm xuống 16,8%" is met at ≤ 16,8; "đạt 96%" at ≥ 96; "duy trì 0" at 0; "2,0-3,0" inside the range. */
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
}

/** The units whose figures add up to a unit's: its territorial children, or all children when it has none. */
export function summedChildren<U extends TreeUnit>(children: readonly U[]): U[] {
  const territorial = children.filter((c) => c.territorial);
  return territorial.length ? territorial : [...children];
}

/**
 * Every unit's value for one measure in the tree under a compiling unit: its own report where it
 * sent one, else (for sum and ratio) rolled up from the units under it, level by level. So a
 * 2024 province merges communes → districts → province, a 2026 one communes → province, and the
 * same raw reports give the same province total both ways.
 */
export function rollUpTree(rule: Rollup, factor: number | null, units: readonly TreeUnit[], own: ReadonlyMap<number, UnitValue>): Map<number, TreeValue> {
  const children = new Map<number, TreeUnit[]>();
  for (const u of units) if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const out = new Map<number, TreeValue>();
  const visit = (u: TreeUnit, depth: number): TreeValue | null => {
    const mine = own.get(u.id);
    if (mine && (mine.value !== null || mine.numerator !== null)) {
      const v = { ...mine, derivedFrom: 0 };
      out.set(u.id, v);
      for (const c of children.get(u.id) ?? []) if (depth < 50) visit(c, depth + 1);
      return v;
    }
    const kids = summedChildren(children.get(u.id) ?? []);
    const below = depth < 50 ? kids.map((c) => visit(c, depth + 1)) : [];
    for (const c of children.get(u.id) ?? []) if (!kids.includes(c) && depth < 50) visit(c, depth + 1);
    if (rule !== 'sum' && rule !== 'ratio') return null;
    const given = below.filter((v): v is TreeValue => v !== null);
    if (!given.length) return null;
    const total = rollUp(rule, factor, given, null);
    if (total.value === null && total.numerator === null) return null;
    const v = { unitId: u.id, numerator: total.numerator, denominator: total.denominator, value: total.value, derivedFrom: given.reduce((s, g) => s + Math.max(1, g.derivedFrom), 0) };
    out.set(u.id, v);
    return v;
  };
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) if (u.parentId === null || !ids.has(u.parentId)) visit(u, 0);
  return out;
}
