/**
 * Every unit's figure for one measure in the tree under a compiling unit: its own report where it
 * sent one, else (for sum and ratio) rolled up from the units under it, level by level. So a 2024
 * province merges communes → districts → province, a 2026 one communes → province, and the same
 * raw reports give the same province total both ways.
 *
 * Figures are held in columns (one number array a quantity, a slot per unit of the tree), not in
 * an object per unit: a national merge rolls up 3.355 units × 50 measures × both years, and the
 * objects it used to make (≈ a million a merge) were what set its peak memory. Pure.
 */
import type { Rollup } from './measure';
import type { TreeIndex, UnitValue } from './rollup';

/** Deeper than this the tree is not followed (a guard: real trees are 2 or 3 levels deep). */
const MAX_DEPTH = 50;

/** A tree laid out once for every roll-up of a merge: each unit in a slot, a unit before the units under it. */
export interface TreeLayout {
  /** The unit in each slot. */
  readonly ids: Int32Array;
  readonly slotOf: ReadonlyMap<number, number>;
  /** The slots of the units under slot s: kids[kidStart[s]] … kids[kidStart[s + 1] - 1], in the tree's order. */
  readonly kidStart: Int32Array;
  readonly kids: Int32Array;
  /** 1 where the unit's figure adds up to its parent's (districts and communes, not departments, where both are under it). */
  readonly counted: Uint8Array;
  readonly depth: Int32Array;
  /** How many reporting units a unit stands for at the bottom of the tree: 1 for a leaf, else the sum over the units that add up to it. */
  readonly leaves: Int32Array;
  readonly roots: Int32Array;
}

export function layOutTree(tree: TreeIndex): TreeLayout {
  const ids: number[] = [];
  const depth: number[] = [];
  const slotOf = new Map<number, number>();
  const place = (id: number, d: number) => {
    if (slotOf.has(id)) return;
    slotOf.set(id, ids.push(id) - 1);
    depth.push(d);
    if (d < MAX_DEPTH) for (const c of tree.children.get(id) ?? []) place(c.id, d + 1);
  };
  const roots = tree.roots.map((u) => (place(u.id, 0), slotOf.get(u.id)!));
  const n = ids.length;
  const kidStart = new Int32Array(n + 1);
  const kids: number[] = [];
  const counted = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    kidStart[s] = kids.length;
    if (depth[s]! >= MAX_DEPTH) continue;
    for (const c of tree.children.get(ids[s]!) ?? []) {
      const k = slotOf.get(c.id)!;
      kids.push(k);
      if (tree.counted.has(c)) counted[k] = 1;
    }
  }
  kidStart[n] = kids.length;
  // Leaves counted through the units that add up, from the bottom (a unit's slot is before its units').
  const leaves = new Int32Array(n);
  const summedSlots = (s: number) => (tree.summed.get(ids[s]!) ?? []).map((c) => slotOf.get(c.id)!);
  for (let s = n - 1; s >= 0; s--) {
    const summed = depth[s]! >= MAX_DEPTH ? [] : summedSlots(s);
    leaves[s] = summed.length ? summed.reduce((sum, k) => sum + leaves[k]!, 0) : 1;
  }
  return { ids: Int32Array.from(ids), slotOf, kidStart, kids: Int32Array.from(kids), counted, depth: Int32Array.from(depth), leaves, roots: Int32Array.from(roots) };
}

/** Figures of one measure (one option combination) by slot; NaN where none was given. */
export interface FigureColumn {
  readonly numerator: Float64Array;
  readonly denominator: Float64Array;
  readonly value: Float64Array;
}

export function emptyColumn(layout: TreeLayout): FigureColumn {
  const n = layout.ids.length;
  return { numerator: new Float64Array(n).fill(NaN), denominator: new Float64Array(n).fill(NaN), value: new Float64Array(n).fill(NaN) };
}

const orNaN = (x: number | null) => (x === null ? NaN : x);
const orNull = (x: number) => (Number.isNaN(x) ? null : x);

/** Puts a unit's figure in its slot (a unit outside the laid-out tree is left out, as the roll-up never reaches it). */
export function putFigure(column: FigureColumn, layout: TreeLayout, unitId: number, numerator: number | null, denominator: number | null, value: number | null): void {
  const s = layout.slotOf.get(unitId);
  if (s === undefined) return;
  column.numerator[s] = orNaN(numerator);
  column.denominator[s] = orNaN(denominator);
  column.value[s] = orNaN(value);
}

/** Whether the unit in slot s gave the figure (a value, or a numerator for a rate). */
export const givenAt = (column: FigureColumn, s: number) => !Number.isNaN(column.value[s]!) || !Number.isNaN(column.numerator[s]!);

export function figureAt(column: FigureColumn, s: number): { numerator: number | null; denominator: number | null; value: number | null } {
  return { numerator: orNull(column.numerator[s]!), denominator: orNull(column.denominator[s]!), value: orNull(column.value[s]!) };
}

/** Every unit's figure after the roll-up. */
export interface RolledColumn extends FigureColumn {
  /** −1: no figure; 0: the unit's own report; n: rolled up from n reports of units under it. */
  readonly derivedFrom: Int32Array;
  /** With derivedFrom > 0: how many units under it could have reported (2 of 3 communes: 2, 3). */
  readonly derivedOf: Int32Array;
  /** The slots with a figure, in the order they were worked out (a unit's own before its units', a rolled-up one after them). */
  readonly order: Int32Array;
  readonly size: number;
}

/**
 * Rolls `own` up the tree by the measure's rule: a unit's own figure wins over the units under
 * it; a unit without one gets, for sum and ratio, the figures of the units that add up to it
 * (Σ values; Σ numerators / Σ denominators × factor), saying from how many of how many.
 */
export function rollUpColumn(rule: Rollup, factor: number | null, layout: TreeLayout, own: FigureColumn | undefined): RolledColumn {
  const n = layout.ids.length;
  const out = { ...emptyColumn(layout), derivedFrom: new Int32Array(n).fill(-1), derivedOf: new Int32Array(n), order: new Int32Array(n), size: 0 };
  const { kidStart, kids, counted, depth, leaves } = layout;
  const adds = rule === 'sum' || rule === 'ratio';
  const visit = (s: number): boolean => {
    if (own && givenAt(own, s)) {
      out.numerator[s] = own.numerator[s]!;
      out.denominator[s] = own.denominator[s]!;
      out.value[s] = own.value[s]!;
      out.derivedFrom[s] = 0;
      out.order[out.size++] = s;
      for (let i = kidStart[s]!; i < kidStart[s + 1]!; i++) visit(kids[i]!);
      return true;
    }
    if (depth[s]! >= MAX_DEPTH) return false;
    let given = 0;
    let from = 0;
    let of = 0;
    let sum = 0;
    let sums = 0;
    let numerator = 0;
    let denominator = 0;
    for (let i = kidStart[s]!; i < kidStart[s + 1]!; i++) {
      const k = kids[i]!;
      const has = visit(k);
      if (!counted[k]) continue;
      if (!has) {
        of += leaves[k]!;
        continue;
      }
      given++;
      from += Math.max(1, out.derivedFrom[k]!);
      of += out.derivedFrom[k]! ? out.derivedOf[k]! : 1;
      if (rule === 'sum' && !Number.isNaN(out.value[k]!)) {
        sum += out.value[k]!;
        sums++;
      } else if (rule === 'ratio' && !Number.isNaN(out.numerator[k]!) && !Number.isNaN(out.denominator[k]!)) {
        numerator += out.numerator[k]!;
        denominator += out.denominator[k]!;
        sums++;
      }
    }
    if (!adds || !given || !sums) return false;
    if (rule === 'sum') out.value[s] = sum;
    else {
      out.numerator[s] = numerator;
      out.denominator[s] = denominator;
      out.value[s] = denominator > 0 && factor ? (numerator / denominator) * factor : NaN;
    }
    out.derivedFrom[s] = from;
    out.derivedOf[s] = of;
    out.order[out.size++] = s;
    return true;
  };
  for (const r of layout.roots) visit(r);
  return out;
}

/** The figures of the slots `take` accepts, in the order the roll-up worked them out, as the rules of `rollUp` take them. */
export function unitValues(column: RolledColumn, layout: TreeLayout, take: (s: number) => boolean): UnitValue[] {
  const out: UnitValue[] = [];
  for (let i = 0; i < column.size; i++) {
    const s = column.order[i]!;
    if (take(s)) out.push({ unitId: layout.ids[s]!, ...figureAt(column, s) });
  }
  return out;
}
