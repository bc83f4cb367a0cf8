/**
 * What a plan import infers about a measure from its row, and why: the kind of value (count or
 * rate, and the rate's factor), whether higher or lower is better, and how units' figures roll up.
 * Every guess carries the evidence it used and whether it is sure, so the preview can show it and
 * the user can correct it. Pure: texts and targets in, guesses out.
 */
import { DIRECTIONS, ROLLUPS, type Direction, type RateFactor, type Rollup, type TargetPoint, type ValueKind } from './measure';
import { formatVnNumber } from './vn-number';

export interface Guess<T> {
  value: T;
  /** Why, in the user's words: "mục tiêu giảm từ 2 xuống 1 → càng thấp càng tốt". */
  why: string;
  /** False when the evidence is thin or contradicts itself: the preview flags it for checking. */
  sure: boolean;
}

export interface KindGuess {
  unitLabel: string;
  valueKind: ValueKind;
  rateFactor: RateFactor | null;
}

/** Lower case, no diacritics, single spaces. */
export function foldText(s: string): string {
  // Whatever a file hands over (undefined, a number) folds to text rather than failing.
  return String(s ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[’‘`´ʼ]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const COUNT_UNITS = /^(xa|phuong|huyen|truong|tre( em)?|nguoi|vu|lop|diem|co so|ho|gia dinh|mo hinh|cuoc|lan|buoi|dot|hoc sinh|em|chau|ca|tram|don vi|nhom|cau lac bo|clb|doi|ban|hoi|khu|thon|lang|to|cong trinh|san pham|trieu dong|dong|nghin dong)$/;

/** Kind, unit and factor from the "Đơn vị tính" cell and the targets as printed. */
export function inferKind(unitText: string, targetTexts: readonly string[]): Guess<KindGuess> {
  const raw = unitText.trim();
  const f = foldText(raw);
  const perBase = targetTexts.find((t) => /\/\s*100\.?000$/.test(t)) ? 100000 : targetTexts.find((t) => /\/\s*1\.?000$/.test(t)) ? 1000 : null;
  const rate = (factor: RateFactor, why: string, sure = true): Guess<KindGuess> => ({
    value: { unitLabel: factor === 100 ? '%' : factor === 1000 ? '‰' : '/100.000', valueKind: 'rate', rateFactor: factor },
    why,
    sure,
  });
  if (f === '%o' || raw === '‰' || f === 'phan nghin') return rate(1000, `đơn vị tính "${raw}" → tỷ suất trên 1.000`);
  if (f === '%' || f === 'phan tram') return rate(100, `đơn vị tính "${raw}" → tỷ lệ phần trăm`);
  if (f.includes('100.000') || perBase === 100000) return rate(100000, f.includes('100.000') ? `đơn vị tính "${raw}" → tỷ suất trên 100.000` : `chỉ tiêu ghi "…/100.000" → tỷ suất trên 100.000`);
  if (f.includes('1.000') || perBase === 1000) return rate(1000, f.includes('1.000') ? `đơn vị tính "${raw}" → tỷ suất trên 1.000` : `chỉ tiêu ghi "…/1.000" → tỷ suất trên 1.000`);
  if (f === 'ty le' || f === 'ty suat' || f === 'ty xuat') return rate(100, `đơn vị tính "${raw}" không nói tỷ lệ trên bao nhiêu; tạm hiểu là phần trăm`, false);
  if (COUNT_UNITS.test(f)) return { value: { unitLabel: raw, valueKind: 'count', rateFactor: null }, why: `đơn vị tính "${raw}" → số lượng`, sure: true };
  return { value: { unitLabel: raw, valueKind: 'count', rateFactor: null }, why: `đơn vị tính "${raw}" không phải %, ‰ hay /100.000 → tạm hiểu là số lượng`, sure: false };
}

export type { TargetPoint } from './measure';

// Words of the row or heading that say which way is better. "dưới 5 tuổi", "trên 1.000 trẻ",
// "từ 7 tuổi trở lên" are ages and bases, not comparisons, so those words count only before a
// percentage or a plain number that is not an age.
const NOT_AGE = String.raw`(?! ?\d+([.,]\d+)? ?(tuoi|thang|ngay|tre|nguoi))`;
const LOWER_WORDS: [RegExp, string][] = [
  [/^(giam|ha thap|han che|kiem soat|khong che|xoa bo|cham dut|ngan chan|phong ngua)\b/, 'bắt đầu bằng "$"'],
  [new RegExp(String.raw`\b(duoi|khong qua|khong vuot qua|toi da|it hon|thap hon)\b${NOT_AGE}`), 'có chữ "$"'],
  [/\bkhong (con|de xay ra)\b/, 'có chữ "$"'],
];
const HIGHER_WORDS: [RegExp, string][] = [
  [/^(tang|nang cao|nang|mo rong|dat|bao dam|dam bao|phat trien|huy dong|nhan rong|thuc hien|cung co)\b/, 'bắt đầu bằng "$"'],
  [/\b(it nhat|toi thieu|cao hon|nhieu hon|hoan thanh|huy dong|tiep can|dat chuan|dat tieu chuan|dat yeu cau)\b/, 'có chữ "$"'],
  // "Tỷ lệ trẻ em được tiêm chủng / được chăm sóc …": children served.
  [/\bduoc\b/, 'có chữ "$" (trẻ em được phục vụ)'],
];
const KEEP_WORDS = /^duy tri\b/;
const EFFORT = /^(phan dau|tung buoc|tiep tuc|no luc)\s+/;
// Events the plans want fewer of: a measure about them is "lower is better" unless a word says otherwise.
const HARMFUL = /\b(tu vong|suy dinh duong|thap coi|nhe can|bo hoc|xam hai|bao luc|tai nan|thuong tich|duoi nuoc|lay truyen|nhiem hiv|tao hon|mua ban|lao dong tre em|hon nhan can huyet|mang thai|lang thang|nghien|ma tuy)\b/;

function wordEvidence(text: string): { direction: 'at_most' | 'at_least' | 'keep'; why: string } | null {
  const original = text.replace(/^[-–+•]\s*/, '').replace(/^trong đó:?\s*/i, '').trim();
  const whole = foldText(original);
  const effort = EFFORT.exec(whole);
  const f = effort ? whole.slice(effort[0].length) : whole;
  const offset = whole.length - f.length;
  const quote = (re: RegExp, how: string) => {
    const m = re.exec(f);
    return m ? how.replace('$', originalSlice(original, whole, offset + m.index, m[0].length)) : null;
  };
  for (const [re, how] of LOWER_WORDS) {
    const w = quote(re, how);
    if (w) return { direction: 'at_most', why: w };
  }
  if (KEEP_WORDS.test(f)) return { direction: 'keep', why: `bắt đầu bằng "${originalSlice(original, whole, offset, 'duy tri'.length)}"` };
  for (const [re, how] of HIGHER_WORDS) {
    const w = quote(re, how);
    if (w) return { direction: 'at_least', why: w };
  }
  if (effort && /^phan dau/.test(whole)) return { direction: 'at_least', why: `bắt đầu bằng "${originalSlice(original, whole, 0, 'phan dau'.length)}"` };
  return null;
}

/** The words of `original` whose folded form covers `folded.slice(start, start + length)`. */
function originalSlice(original: string, folded: string, start: number, length: number): string {
  const words = original.split(/\s+/);
  const foldedWords = folded.split(' ');
  let pos = 0;
  const picked: string[] = [];
  for (let i = 0; i < foldedWords.length; i++) {
    const end = pos + foldedWords[i]!.length;
    if (end > start && pos < start + length) picked.push(words[i] ?? foldedWords[i]!);
    pos = end + 1;
  }
  return picked.join(' ').replace(/[,;:.]+$/, '') || folded.slice(start, start + length);
}

function harmfulIn(text: string): string | null {
  const original = text.trim();
  const whole = foldText(original);
  const m = HARMFUL.exec(whole);
  return m ? originalSlice(original, whole, m.index, m[0].length) : null;
}

function fmt(n: number): string {
  return formatVnNumber(n);
}

/** Targets ordered by year (an annual target before the phase-end one of the same year). */
function trendOf(targets: readonly TargetPoint[]): { direction: 'at_most' | 'at_least'; from: TargetPoint; to: TargetPoint } | null {
  const single = targets.filter((t) => t.valueMax === null);
  if (single.length < 2) return null;
  const sorted = [...single].sort((a, b) => a.year - b.year || Number(a.isPhaseEnd) - Number(b.isPhaseEnd));
  const from = sorted[0]!;
  const to = sorted.at(-1)!;
  if (from.year === to.year || from.value === to.value) return null;
  return { direction: to.value < from.value ? 'at_most' : 'at_least', from, to };
}

const LABEL = { at_most: 'càng thấp càng tốt', at_least: 'càng cao càng tốt' } as const;

/**
 * Higher or lower is better, from all the evidence: a range target; the row's own words
 * ("Giảm", "dưới", "không quá", "Tăng", "ít nhất"); the indicator's heading; targets that fall or
 * rise over the years; zero targets; a harmful event named in the row. The row's words outrank
 * the heading, which outranks the trend; any disagreement makes the guess unsure.
 */
export function inferDirection(input: { name: string; heading?: string; valueKind: ValueKind; targets: readonly TargetPoint[] }): Guess<Direction> {
  const { name, heading, valueKind, targets } = input;
  if (targets.some((t) => t.valueMax !== null)) {
    const t = targets.find((x) => x.valueMax !== null)!;
    return { value: 'range', why: `chỉ tiêu là một khoảng ("${t.text}") → phải nằm trong khoảng`, sure: true };
  }
  const own = wordEvidence(name);
  const head = heading && foldText(heading) !== foldText(name) ? wordEvidence(heading) : null;
  const trend = trendOf(targets);
  const trendWhy = trend ? `mục tiêu ${trend.direction === 'at_most' ? 'giảm' : 'tăng'} từ ${fmt(trend.from.value)} (${trend.from.year}) ${trend.direction === 'at_most' ? 'xuống' : 'lên'} ${fmt(trend.to.value)} (${trend.to.year})` : null;
  const allZero = targets.length > 0 && targets.every((t) => t.value === 0);
  const harmful = harmfulIn(name) ?? (heading ? harmfulIn(heading) : null);

  if (allZero && valueKind === 'count') {
    return { value: 'equal', why: `chỉ tiêu bằng 0 ở mọi năm → không để xảy ra (phải bằng 0)${harmful ? `; "${harmful}" là điều cần tránh` : ''}`, sure: true };
  }
  const words = own && own.direction !== 'keep' ? { ...own, where: 'dòng chỉ số' } : head && head.direction !== 'keep' ? { ...head, where: 'tên chỉ tiêu' } : null;
  if (words) {
    const dir = words.direction as 'at_most' | 'at_least';
    const against = trend && trend.direction !== dir ? `; nhưng ${trendWhy} — hãy kiểm tra` : '';
    return { value: dir, why: `${words.where} ${words.why} → ${LABEL[dir]}${against}`, sure: against === '' };
  }
  if (trend) {
    const against = harmful && trend.direction === 'at_least' ? `; nhưng "${harmful}" là điều cần giảm — hãy kiểm tra` : '';
    return { value: trend.direction, why: `${trendWhy} → ${LABEL[trend.direction]}${against}`, sure: against === '' };
  }
  if (harmful) return { value: 'at_most', why: `"${harmful}" là điều cần giảm → càng thấp càng tốt`, sure: !(own?.direction === 'keep') };
  if (own?.direction === 'keep' || head?.direction === 'keep') {
    const w = own?.direction === 'keep' ? own : head!;
    return { value: 'at_least', why: `${w.why} → giữ mức, không thấp hơn chỉ tiêu`, sure: true };
  }
  return { value: 'at_least', why: 'không có chữ "giảm/tăng/dưới/không quá" và chỉ tiêu không đổi qua các năm → tạm hiểu là càng cao càng tốt', sure: false };
}

/** How units' figures combine: a rate from the sums of numerators and denominators, a count summed. */
export function inferRollup(kind: KindGuess): Guess<Rollup> {
  if (kind.valueKind === 'rate') return { value: 'ratio', why: 'tỷ lệ → cộng tử số và mẫu số của các đơn vị rồi chia', sure: true };
  return { value: 'sum', why: 'số lượng → cộng số của các đơn vị', sure: true };
}

/** One line for a guess, as the preview prints it: "Giảm xuống / dưới (≤): …". */
export function directionLabel(d: Direction): string {
  return DIRECTIONS[d];
}
export function rollupLabel(r: Rollup): string {
  return ROLLUPS[r];
}

/**
 * A plan's years from its title ("giai đoạn 2022-2030", "2021 – 2025", "năm 2024"), else from its
 * target columns (the earliest annual year to the latest year of any column).
 */
export function inferPlanYears(title: string, targetYears: readonly { year: number; isPhaseEnd: boolean }[]): Guess<{ from: number; to: number }> | null {
  const original = title.replace(/\s+/g, ' ').trim();
  const f = foldText(original);
  const quote = (m: RegExpExecArray) => originalSlice(original, f, m.index, m[0].length);
  const span = /\b(giai doan |tu nam )?((?:19|20)\d{2})\s*(?:[-–—]|den nam)\s*((?:19|20)\d{2})\b/.exec(f);
  const single = /\bnam ((?:19|20)\d{2})\b/.exec(f);
  // "Chương trình … giai đoạn 2021-2030 … năm 2024": a year's plan of a longer programme.
  if (single && (!span || single.index > span.index)) {
    const y = Number(single[1]);
    return { value: { from: y, to: y }, why: `tên kế hoạch ghi "${quote(single)}"${span ? ` (giai đoạn ${span[2]}–${span[3]} là của chương trình)` : ''}`, sure: true };
  }
  if (span && Number(span[2]) <= Number(span[3])) {
    return { value: { from: Number(span[2]), to: Number(span[3]) }, why: `tên kế hoạch ghi "${quote(span)}"`, sure: true };
  }
  if (targetYears.length === 0) return null;
  const annual = targetYears.filter((t) => !t.isPhaseEnd).map((t) => t.year);
  const years = annual.length ? annual : targetYears.map((t) => t.year);
  const from = Math.min(...years);
  const to = Math.max(...years);
  return { value: { from, to }, why: `tên kế hoạch không ghi năm; lấy theo các cột chỉ tiêu ${from === to ? `năm ${from}` : `${from}–${to}`}`, sure: false };
}
