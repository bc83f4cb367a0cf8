/**
 * Statistical indicator catalogues (bộ chỉ tiêu thống kê, e.g. Thông tư 13/2021/TT-BLĐTBXH):
 * codes of 4 digits (group + number) that restart in each annex (Phụ lục), so a code names an
 * indicator only together with its annex. Pure.
 */

export const ANNEXES = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
export type Annex = (typeof ANNEXES)[number];

export const INDICATOR_CODE = /^\d{4}$/;

const ARABIC: Record<string, Annex> = { '1': 'I', '2': 'II', '3': 'III', '4': 'IV', '5': 'V', '6': 'VI' };

/** The annex a text names: "Phụ lục IV — …", "PHỤ LỤC 4", "PL III", or just "IV" → its Roman numeral, or null. */
export function parseAnnex(text: string): Annex | null {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
  const m = /^(?:PHU LUC|PL)\.?\s*(VI|IV|V|III|II|I|[1-6])\b/.exec(folded) ?? /^(VI|IV|V|III|II|I|[1-6])\.?$/.exec(folded);
  if (!m) return null;
  return ARABIC[m[1]!] ?? (m[1] as Annex);
}

/** How a linked indicator is cited: "TT13 · PL IV · 0101" (or "chưa có mã" for one whose code is not known). */
export function catalogueTag(t: { catalogueCode: string; annex: string; code: string | null }): string {
  return `${t.catalogueCode} · PL ${t.annex} · ${t.code ?? 'chưa có mã'}`;
}

/** A measure's name with the statistical indicator it reports: "Số trẻ em bị xâm hại (mã thống kê TT13 · PL IV · 0101)". */
export function nameWithCatalogue(name: string, linked: { catalogueCode: string; annex: string; code: string | null } | null): string {
  return linked ? `${name} (mã thống kê ${catalogueTag(linked)})` : name;
}
