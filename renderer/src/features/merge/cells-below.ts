/**
 * The figures of the units below the children. A small tree's view has them all; a large one's
 * (the ministry's communes) has the children's only, and these ask the backend for the rest when
 * a province's communes are shown or a measure's detail is opened.
 */
import type { MergeCells, MergeRow, MergeView } from '../../../../shared/api/types';
import { api } from '../../api';
import { useAsync } from '../../app/use-async';

/** Each measure's figures under one unit (null: none asked for); `loading` while they come. */
export function useCellsUnder(v: MergeView, underUnitId: number | null): { of: (r: MergeRow) => Pick<MergeCells, 'cells' | 'previousByUnit'>; loading: boolean; error: string | null } {
  const asking = v.cellsOf === 'children' && underUnitId !== null;
  const got = useAsync(() => (asking ? api.call('merge-cells', { periodId: v.period.id, underUnitId: underUnitId! }) : Promise.resolve(null)), [v, asking, underUnitId]);
  const byMeasure = new Map((got.data ?? []).map((c) => [c.measureId, c]));
  return {
    of: (r) => (asking ? (byMeasure.get(r.measureId) ?? { cells: {}, previousByUnit: {} }) : r),
    loading: asking && got.loading,
    error: asking ? got.error : null,
  };
}

/** One row with every unit's figure (its own when the view has them all); undefined while they come. */
export function useWholeRow(v: MergeView, r: MergeRow): { row: MergeRow | undefined; error: string | null } {
  const asking = v.cellsOf === 'children';
  const got = useAsync(() => (asking ? api.call('merge-cells', { periodId: v.period.id, measureId: r.measureId }) : Promise.resolve(null)), [v, asking, r.measureId]);
  if (!asking) return { row: r, error: null };
  const more = got.data?.[0];
  return { row: more ? { ...r, cells: { ...more.cells, ...r.cells }, previousByUnit: { ...more.previousByUnit, ...r.previousByUnit } } : undefined, error: got.error };
}
