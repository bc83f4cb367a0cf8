/**
 * Agencies named in a plan ("Sở Y tế chủ trì, phối hợp với …", "Các sở, ban, ngành; UBND các
 * huyện, thành phố", "Bộ CHQS tỉnh") matched to organisation units by any name they have had,
 * short names and abbreviations. Pure: texts and units in, matches with their reasons out. A name
 * that matches nothing is returned as such, never dropped.
 */
import { foldText } from './measure-inference';
import type { UnitKind } from './org-units';

export interface UnitNames {
  id: number;
  kind: UnitKind;
  parentId: number | null;
  /** The name on the plan's date first, then every other name and short name it has had. */
  names: string[];
}

/** A phrase that stands for a set of units rather than one. */
export type AgencyGroup = 'districts' | 'communes' | 'related';

export const AGENCY_GROUPS: Record<AgencyGroup, string> = {
  districts: 'các huyện, thành phố (mọi đơn vị cấp huyện)',
  communes: 'các xã, phường, thị trấn (mọi đơn vị cấp xã)',
  related: 'các cơ quan, đơn vị liên quan (không chỉ rõ cơ quan nào)',
};

export type AgencyMatch =
  | { kind: 'unit'; unitId: number; name: string; why: string; sure: boolean }
  | { kind: 'group'; group: AgencyGroup; why: string }
  | { kind: 'none'; why: string };

const AGENCY_HEAD = /^(so|ban|cong an|uy ban|ubnd|ub mttq|mat tran|tinh doan|huyen doan|thanh doan|doan|hoi|bo chi huy|bo chqs|bchqs|phong|trung tam|toa an|tand|vien|lien doan|dai|bao|kho bac|cuc|chi cuc|bao hiem|ngan hang|truong|tram|benh vien|van phong|thanh tra|quan|bo doi|bien phong|ca |thi doan|cac|co quan|don vi|dia phuong|chi nhanh)\b/;

/** Words around an agency that are not part of its name. */
function stripRole(text: string): string {
  return text
    .replace(/^\s*[-–+•]\s*/, '')
    .replace(/\s*(chủ trì|chu tri)\b.*$/i, '')
    .replace(/^(đề nghị|de nghi)\s+/i, '')
    .replace(/\s*\(.*?\)\s*/g, ' ')
    .replace(/[,;.:]+$/, '')
    .trim();
}

/**
 * The agencies a cell names, in order: "Sở Y tế chủ trì, phối hợp với các địa phương" → lead "Sở
 * Y tế" and cooperating "các địa phương"; "A; B, C" → A, B, C, keeping "Sở Văn hóa, Thể thao và
 * Du lịch" whole (a piece that does not start like an agency belongs to the one before).
 */
export function splitAgencies(text: string): { lead: string | null; others: string[] } {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return { lead: null, others: [] };
  const m = /^(.*?)\s*(chủ trì|chu tri)\s*[,;]?\s*(?:(phối hợp|phoi hop)\s*(với|voi)?\s*)?(.*)$/i.exec(clean);
  const lead = m ? stripRole(m[1]!) || null : null;
  const rest = m ? m[5]! : clean;
  return { lead, others: splitList(rest) };
}

export function splitList(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(/[;\n]+/)) {
    const parts = piece.split(/,\s*/);
    let current = '';
    for (const part of parts) {
      const p = part.trim();
      if (!p) continue;
      const f = foldText(stripRole(p)).replace(/^(va|cac|voi)\s+/, (w) => (w.startsWith('cac') ? w : ''));
      // A vague "các …" phrase runs to the next semicolon: "các sở, ban, ngành, đơn vị liên quan".
      const inGroupPhrase = /^cac\b/.test(foldText(current));
      if (current && !inGroupPhrase && (AGENCY_HEAD.test(f) || groupOf(p))) {
        out.push(current);
        current = p.replace(/^(và|va)\s+/i, '');
      } else current = current ? `${current}, ${p}` : p.replace(/^(và|va)\s+/i, '');
    }
    if (current) out.push(current);
  }
  return out.map(stripRole).filter(Boolean);
}

function groupOf(text: string): AgencyGroup | null {
  const f = foldText(text);
  if (/(ubnd|uy ban nhan dan|ub) (cac )?(huyen|thanh pho|thi xa)/.test(f) || /^cac (huyen|dia phuong)\b/.test(f)) return 'districts';
  if (/(ubnd|uy ban nhan dan|ub) (cac )?(xa|phuong|thi tran)/.test(f) || /^cac (xa|phuong)\b/.test(f)) return 'communes';
  if (/^cac (so|ban|nganh|don vi|co quan|to chuc|doan the|hoi|phong)\b/.test(f) || /\blien quan$/.test(f)) return 'related';
  return null;
}

/** "Bộ CHQS tỉnh" → "bchqst"; "Bộ Chỉ huy Quân sự tỉnh" → "bchqst". */
function initials(name: string): string {
  return name
    .split(/[\s\-–,]+/)
    .filter((w) => w && !/^(và|va|-)$/i.test(w))
    .map((w) => (/^[A-ZĐÂĂÊÔƠƯ]{2,}$/.test(w) ? foldText(w) : foldText(w).charAt(0)))
    .join('');
}

const hasAbbreviation = (text: string) => text.split(/\s+/).some((w) => /^[A-ZĐÂĂÊÔƠƯ]{2,}$/.test(w));

/**
 * The unit an agency's name means. Exact name (current or former, or short name) first; then an
 * abbreviation ("Sở LĐTBXH"); then a name that contains the other ("Sở Y tế tỉnh Kon Tum"), which
 * is marked unsure. A territorial phrase ("UBND các huyện") or a vague one ("các sở, ngành liên
 * quan") is a group.
 */
export function matchAgency(text: string, units: readonly UnitNames[], groupOk = true): AgencyMatch {
  const name = stripRole(text);
  const f = foldText(name);
  if (!f) return { kind: 'none', why: 'ô trống' };
  const group = groupOk ? groupOf(name) : null;
  if (group) return { kind: 'group', group, why: `"${name}" là ${AGENCY_GROUPS[group]}` };
  for (const u of units) {
    const i = u.names.findIndex((n) => foldText(n) === f);
    if (i === 0) return { kind: 'unit', unitId: u.id, name: u.names[0]!, why: 'đúng tên đơn vị', sure: true };
    if (i > 0) return { kind: 'unit', unitId: u.id, name: u.names[0]!, why: `"${u.names[i]}" là tên cũ hoặc tên viết tắt của ${u.names[0]}`, sure: true };
  }
  if (hasAbbreviation(name)) {
    const key = initials(name);
    const hits = units.filter((u) => u.names.some((n) => initials(n) === key));
    if (hits.length === 1) return { kind: 'unit', unitId: hits[0]!.id, name: hits[0]!.names[0]!, why: `"${name}" là viết tắt của ${hits[0]!.names[0]}`, sure: true };
  }
  const contained = units
    .flatMap((u) => u.names.map((n) => ({ u, n: foldText(n) })))
    .filter(({ n }) => n.length >= 6 && (f.startsWith(n + ' ') || n.startsWith(f + ' ')))
    .sort((a, b) => b.n.length - a.n.length);
  const best = contained[0];
  if (best && contained.filter((c) => c.u.id !== best.u.id && c.n.length === best.n.length).length === 0) {
    return { kind: 'unit', unitId: best.u.id, name: best.u.names[0]!, why: `"${name}" gần giống tên ${best.u.names[0]} — hãy kiểm tra`, sure: false };
  }
  return { kind: 'none', why: `không có đơn vị nào tên "${name}"` };
}
