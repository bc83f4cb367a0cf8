/**
 * Who reports a measure: the units of the territory (their figures added up or recomputed from
 * summed numerators and denominators), its lead unit only (a figure that exists only at the lead
 * department, for the whole province), or the lead and its cooperating units (each its part).
 * A unit's form holds what it owes. Pure.
 */
import type { Rollup } from './measure';
import type { UnitKind } from './org-units';

export const REPORTERS = {
  territorial: 'Các huyện/xã báo cáo (cộng theo địa bàn)',
  lead: 'Chỉ đơn vị chủ trì báo cáo',
  lead_cooperating: 'Đơn vị chủ trì và các đơn vị phối hợp',
} as const;
export type Reporters = keyof typeof REPORTERS;

/** Units that stand for a part of the territory (a province of the country, a district, a commune). */
const TERRITORIAL_KINDS: ReadonlySet<UnitKind> = new Set(['province', 'district', 'commune']);
export const isTerritorial = (kind: UnitKind) => TERRITORIAL_KINDS.has(kind);

/**
 * Who reports a measure when the plan says nothing more, and why (shown beside the choice): a
 * figure the merge takes from the lead unit is the lead's alone; one only listed is reported by
 * the lead and its cooperating units; one the merge adds up comes from the territory.
 */
export function defaultReporters(m: { rollup: Rollup }): { reporters: Reporters; why: string } {
  switch (m.rollup) {
    case 'lead':
      return { reporters: 'lead', why: 'cách tổng hợp là lấy số của đơn vị chủ trì (số liệu chung của tỉnh)' };
    case 'none':
      return { reporters: 'lead_cooperating', why: 'chỉ tiêu không cộng, chỉ liệt kê báo cáo của đơn vị chủ trì và phối hợp' };
    case 'sum':
    case 'ratio':
      return { reporters: 'territorial', why: 'số liệu được cộng từ các huyện/xã' };
  }
}

export interface OwedMeasure {
  reporters: Reporters;
  leadUnitId: number | null;
  cooperatingUnitIds: readonly number[];
}

/** Whether a unit owes a measure in its report. */
export function owes(unit: { id: number; kind: UnitKind }, m: OwedMeasure): boolean {
  switch (m.reporters) {
    case 'territorial':
      return isTerritorial(unit.kind);
    case 'lead':
      return unit.id === m.leadUnitId;
    case 'lead_cooperating':
      return unit.id === m.leadUnitId || m.cooperatingUnitIds.includes(unit.id);
  }
}

/** What a rate's numerator and denominator are, in one line ("Tử số: …; Mẫu số: …"), or '' when the plan does not say. */
export function fractionText(m: { numeratorLabel: string; denominatorLabel: string }): string {
  return m.numeratorLabel || m.denominatorLabel ? `Tử số: ${m.numeratorLabel || '—'}; Mẫu số: ${m.denominatorLabel || '—'}` : '';
}
