import type { PlanSummary } from '../../../../shared/api/types';

export function yearsText(p: Pick<PlanSummary, 'yearFrom' | 'yearTo'>): string {
  return p.yearFrom === p.yearTo ? String(p.yearFrom) : `${p.yearFrom}-${p.yearTo}`;
}

/** Column header of a target, as the plans' appendices word it. */
export function targetHeader(t: { year: number; isPhaseEnd: boolean }): string {
  return t.isPhaseEnd ? `Mục tiêu đến năm ${t.year}` : `Mục tiêu năm ${t.year}`;
}
