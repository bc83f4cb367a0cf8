/** Words about a merge view that the screen, the submission .xlsx and the PDF say alike. */
import type { UnitKind } from '../domain/org-units';
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

const TIER_NAMES: Partial<Record<UnitKind, string>> = { province: 'tỉnh, thành phố', district: 'đơn vị cấp huyện', commune: 'đơn vị cấp xã' };

/**
 * The tree a merge goes through, in words: "Tỉnh Kon Tum → 10 đơn vị cấp huyện → 32 đơn vị cấp
 * xã, cùng 12 sở, ngành", or for the ministry "Bộ Y tế → 34 tỉnh, thành phố → 3.321 đơn vị cấp
 * xã, cùng 20 cơ quan"; and what stands in for a middle unit that sent nothing.
 */
export function treeLineText(view: Pick<MergeView, 'parentUnitName' | 'tree' | 'units'>): { path: string; others: string | null; standIn: string | null } {
  const n = (x: number) => x.toLocaleString('vi-VN');
  const middle = (['province', 'district'] as const).find((kind) => view.tree.some((u) => u.depth === 1 && u.kind === kind && view.tree.some((x) => x.parentId === u.id)));
  const levels = [middle && `${n(view.tree.filter((u) => u.depth === 1 && u.kind === middle).length)} ${TIER_NAMES[middle]}`, `${n(view.tree.filter((u) => u.kind === 'commune').length)} ${TIER_NAMES.commune}`].filter(Boolean);
  const others = view.units.filter((u) => u.kind !== 'district' && u.kind !== 'commune' && u.kind !== 'province').length;
  return {
    path: [view.parentUnitName, ...levels].join(' → '),
    others: others ? `${n(others)} ${middle === 'province' ? 'cơ quan' : 'sở, ngành'}` : null,
    standIn: middle ? `Đơn vị cấp ${middle === 'province' ? 'tỉnh' : 'huyện'} chưa gửi báo cáo thì lấy tổng của các xã trực thuộc.` : null,
  };
}
