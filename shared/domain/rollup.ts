/**
 * Rolling units' values up to their parent, and judging results against targets. Pure.
 * Rates are recomputed from summed numerators and denominators, never averaged.
 */
import type { Direction, Rollup } from './measure';
import { groupBy } from './group';

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
  const children = groupBy(units.filter((u) => u.parentId !== null), (u) => u.parentId!);
  const summed = new Map([...children].map(([id, kids]) => [id, summedChildren(kids)]));
  const counted = new Set([...summed.values()].flat());
  const ids = new Set(units.map((u) => u.id));
  return { children, summed, counted, roots: units.filter((u) => u.parentId === null || !ids.has(u.parentId)) };
}
