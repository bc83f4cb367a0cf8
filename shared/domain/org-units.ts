/** Organisation units and their history: pure rules, no I/O. */

export const UNIT_KINDS = {
  ministry: 'Bộ, ngành trung ương',
  province: 'Tỉnh, thành phố',
  district: 'Huyện, thị xã, thành phố thuộc tỉnh',
  commune: 'Xã, phường, thị trấn',
  department: 'Sở, ban, ngành',
  agency: 'Cơ quan, tổ chức khác',
} as const;
export type UnitKind = keyof typeof UNIT_KINDS;

/** Short labels for lists and trees. */
export const UNIT_KIND_SHORT: Record<UnitKind, string> = {
  ministry: 'Bộ, ngành',
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  department: 'Sở, ngành',
  agency: 'Cơ quan',
};

/** How units are listed in trees and pickers: territory first (province, district, commune), then the rest; by name within a kind. */
export function compareUnitsForList(a: { kind: UnitKind; name: string }, b: { kind: UnitKind; name: string }): number {
  const order: UnitKind[] = ['province', 'district', 'commune', 'department', 'agency', 'ministry'];
  return order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name, 'vi');
}

/** One stretch of a unit's life with a given name and parent; `validTo` is exclusive. */
export interface UnitVersion {
  name: string;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
}

/** ISO dates (`YYYY-MM-DD`) compare correctly as strings. */
export function versionAt<T extends UnitVersion>(versions: readonly T[], date: string): T | undefined {
  return versions.find((v) => v.validFrom <= date && (v.validTo === null || date < v.validTo));
}

/**
 * The version a change at `effectiveOn` would close: the current (open) one,
 * which must have started before that date.
 */
export function checkChangeDate<T extends UnitVersion>(versions: readonly T[], effectiveOn: string): { ok: true; current: T } | { ok: false; error: string } {
  const current = versions.find((v) => v.validTo === null);
  if (!current) return { ok: false, error: 'đơn vị đã giải thể, không thể thay đổi' };
  if (effectiveOn <= current.validFrom) {
    return { ok: false, error: `ngày hiệu lực phải sau ngày ${formatIsoDate(current.validFrom)} (lần thay đổi gần nhất)` };
  }
  return { ok: true, current };
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `2026-12-05` → `05/12/2026`. */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** `5/12/2026` or `05/12/2026` → `2026-12-05`, or null when not a real date. */
export function parseVnDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return ISO_DATE.test(text.trim()) && isRealDate(text.trim()) ? text.trim() : null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : null;
}

export function isRealDate(iso: string): boolean {
  if (!ISO_DATE.test(iso)) return false;
  const d = new Date(iso + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** Parent → children map of the tree valid at a date; roots under key `null`. */
export function treeAt<U extends { id: number; versions: readonly UnitVersion[] }>(units: readonly U[], date: string): Map<number | null, U[]> {
  const children = new Map<number | null, U[]>();
  for (const u of units) {
    const v = versionAt(u.versions, date);
    if (!v) continue;
    const list = children.get(v.parentId) ?? [];
    list.push(u);
    children.set(v.parentId, list);
  }
  return children;
}

/** The calendar date in Vietnam (UTC+7, no daylight saving) of an instant. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The day before an ISO date: a version valid to (exclusive) D was last valid on the day before D. */
export function dayBefore(iso: string): string {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
