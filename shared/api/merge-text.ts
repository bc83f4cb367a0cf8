/** Words about a merge view that the screen, the submission .xlsx and the PDF say alike. */
import type { MergeRow, MergeView } from './types';

/** "Chưa phân tổ (chỉ có Tổng số): Huyện A, Xã B", or null when every unit gave the parts. */
export function withoutBreakdownText(view: Pick<MergeView, 'tree'>, row: Pick<MergeRow, 'breakdown'>): string | null {
  const ids = row.breakdown?.withoutBreakdown ?? [];
  if (ids.length === 0) return null;
  const names = ids.map((id) => view.tree.find((u) => u.id === id)?.name ?? `đơn vị số ${id}`);
  return `Chưa phân tổ (chỉ có Tổng số): ${names.join(', ')}`;
}
