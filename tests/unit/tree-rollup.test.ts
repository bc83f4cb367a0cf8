import { describe, expect, it } from 'vitest';
import { indexTree, type TreeUnit } from '../../shared/domain/rollup';
import { emptyColumn, figureAt, layOutTree, putFigure, rollUpColumn, type RolledColumn, type TreeLayout } from '../../shared/domain/tree-rollup';
import type { Rollup } from '../../shared/domain/measure';

type Figure = { numerator: number | null; denominator: number | null; value: number | null };
type Cell = Figure & { derivedFrom: number; derivedOf?: number };

/** The roll-up by its definition, one unit at a time, with objects: what the columns must agree with. */
function byDefinition(rule: Rollup, factor: number | null, units: TreeUnit[], own: Map<number, Figure>): Map<number, Cell> {
  const kids = (id: number) => units.filter((u) => u.parentId === id);
  const adding = (id: number) => {
    const k = kids(id);
    return k.some((u) => u.territorial) ? k.filter((u) => u.territorial) : k;
  };
  const leaves = (id: number): number => (adding(id).length ? adding(id).reduce((n, u) => n + leaves(u.id), 0) : 1);
  const cells = new Map<number, Cell>();
  const cellOf = (id: number): Cell | undefined => {
    for (const k of kids(id)) cells.set(k.id, cellOf(k.id)!);
    const mine = own.get(id);
    if (mine && (mine.value !== null || mine.numerator !== null)) return { ...mine, derivedFrom: 0 };
    if (rule !== 'sum' && rule !== 'ratio') return undefined;
    const from = adding(id).map((u) => ({ u, c: cells.get(u.id) }));
    const given = from.filter((x) => x.c !== undefined).map((x) => x.c!);
    const derivedFrom = given.reduce((n, c) => n + Math.max(1, c.derivedFrom), 0);
    const derivedOf = from.reduce((n, x) => n + (x.c ? (x.c.derivedFrom ? x.c.derivedOf! : 1) : leaves(x.u.id)), 0);
    if (rule === 'sum') {
      const values = given.filter((c) => c.value !== null);
      return values.length ? { numerator: null, denominator: null, value: values.reduce((s, c) => s + c.value!, 0), derivedFrom, derivedOf } : undefined;
    }
    const rates = given.filter((c) => c.numerator !== null && c.denominator !== null);
    if (!rates.length) return undefined;
    const numerator = rates.reduce((s, c) => s + c.numerator!, 0);
    const denominator = rates.reduce((s, c) => s + c.denominator!, 0);
    return { numerator, denominator, value: denominator > 0 && factor ? (numerator / denominator) * factor : null, derivedFrom, derivedOf };
  };
  for (const root of units.filter((u) => u.parentId === null)) {
    const c = cellOf(root.id);
    cells.set(root.id, c!);
  }
  for (const [id, c] of cells) if (!c) cells.delete(id);
  return cells;
}

function asCells(column: RolledColumn, layout: TreeLayout): Map<number, Cell> {
  const out = new Map<number, Cell>();
  for (let i = 0; i < column.size; i++) {
    const s = column.order[i]!;
    const from = column.derivedFrom[s]!;
    out.set(layout.ids[s]!, { ...figureAt(column, s), derivedFrom: from, ...(from > 0 ? { derivedOf: column.derivedOf[s]! } : {}) });
  }
  return out;
}

function rolled(rule: Rollup, factor: number | null, units: TreeUnit[], own: Map<number, Figure>) {
  const layout = layOutTree(indexTree(units));
  const column = emptyColumn(layout);
  for (const [id, f] of own) putFigure(column, layout, id, f.numerator, f.denominator, f.value);
  return asCells(rollUpColumn(rule, factor, layout, column), layout);
}

/** A small, seeded random number generator, so a failing tree can be made again. */
function seeded(seed: number) {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('roll-up through the tree, in columns', () => {
  // province 1 ← district 2 (communes 4, 5, 6), district 3 (communes 7, 8), department 9
  const units: TreeUnit[] = [
    { id: 1, parentId: null, territorial: false },
    { id: 2, parentId: 1, territorial: true },
    { id: 3, parentId: 1, territorial: true },
    { id: 9, parentId: 1, territorial: false },
    ...[4, 5, 6].map((id) => ({ id, parentId: 2, territorial: true })),
    ...[7, 8].map((id) => ({ id, parentId: 3, territorial: true })),
  ];
  const count = (value: number | null) => ({ numerator: null, denominator: null, value });

  it('gives a district without a report the sum of its communes, says 2 of 3, and keeps departments out of the territory', () => {
    const cells = rolled('sum', null, units, new Map([[4, count(10)], [6, count(5)], [3, count(100)], [7, count(1)], [9, count(1000)]]));
    expect(cells.get(2)).toEqual({ numerator: null, denominator: null, value: 15, derivedFrom: 2, derivedOf: 3 });
    // The district's own figure wins over its communes'; theirs stay as given.
    expect(cells.get(3)).toEqual({ ...count(100), derivedFrom: 0 });
    expect(cells.get(7)).toEqual({ ...count(1), derivedFrom: 0 });
    expect(cells.get(1)).toEqual({ numerator: null, denominator: null, value: 115, derivedFrom: 3, derivedOf: 4 });
    expect(cells.get(9)?.value).toBe(1000);
    expect(cells.has(5)).toBe(false);
  });

  it('rolls rates up as Σ numerators / Σ denominators, leaving out a rate given without them', () => {
    const cells = rolled('ratio', 100, units, new Map([[4, { numerator: 1, denominator: 10, value: 10 }], [5, { numerator: 30, denominator: 100, value: 30 }], [6, { numerator: null, denominator: null, value: 50 }]]));
    expect(cells.get(2)).toEqual({ numerator: 31, denominator: 110, value: (31 / 110) * 100, derivedFrom: 3, derivedOf: 3 });
  });

  it('rolls nothing up for a lead or listed measure', () => {
    const cells = rolled('lead', null, units, new Map([[4, count(3)]]));
    expect([...cells.keys()]).toEqual([4]);
  });

  it('agrees with the roll-up by its definition on every cell of 300 random trees', () => {
    const rand = seeded(17);
    for (let t = 0; t < 300; t++) {
      const tree: TreeUnit[] = [{ id: 1, parentId: null, territorial: false }];
      const size = 2 + Math.floor(rand() * 40);
      for (let id = 2; id <= size; id++) tree.push({ id, parentId: 1 + Math.floor(rand() * (id - 1)), territorial: rand() < 0.8 });
      const own = new Map<number, Figure>();
      for (const u of tree) {
        const r = rand();
        if (r < 0.4) continue;
        const numerator = Math.round(rand() * 50);
        const denominator = rand() < 0.1 ? 0 : numerator + Math.round(rand() * 100);
        own.set(u.id, r < 0.5 ? { numerator: null, denominator: null, value: null } : r < 0.6 ? { numerator: null, denominator: null, value: rand() * 7 } : { numerator, denominator, value: rand() * 1000 });
      }
      for (const [rule, factor] of [['sum', null], ['ratio', 100], ['ratio', null], ['lead', null]] as const) {
        expect(rolled(rule, factor, tree, own), `tree ${t}, ${rule}`).toEqual(byDefinition(rule, factor, tree, own));
      }
    }
  });
});
