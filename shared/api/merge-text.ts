/** Words about a merge view that the screen, the submission .xlsx and the PDF say alike. */
import type { MergeRow, MergeView } from './types';

/** "Chưa phân tổ (chỉ có Tổng số): Huyện A, Xã B", or null when every unit gave the parts. */
export function withoutBreakdownText(view: Pick<MergeView, 'tree'>, row: Pick<MergeRow, 'breakdown'>): string | null {
  const ids = row.breakdown?.withoutBreakdown ?? [];
  if (ids.length === 0) return null;
  const names = ids.map((id) => view.tree.find((u) => u.id === id)?.name ?? `đơn vị số ${id}`);
  return `Chưa phân tổ (chỉ có Tổng số): ${names.join(', ')}`;
}

/**
 * Where a new plan's part begins in a merge view that collects several plans: call the returned
 * function with each row's goal code (or each task's key) in order; it gives the plan's title
 * once, at the first row of that plan, and null otherwise (always null for one plan).
 */
export function sectionBreaks(view: Pick<MergeView, 'sections'>, kind: 'goal' | 'task'): (code: string) => string | null {
  let current: string | null = null;
  return (code) => {
    const s = view.sections.find((x) => (kind === 'goal' ? x.goalCodes : x.taskKeys).includes(code));
    if (!s || s.title === current) return null;
    current = s.title;
    return s.title;
  };
}
