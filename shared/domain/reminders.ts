/**
 * Reminding the units that have not reported: when to start (N days before the deadline), what
 * each still owes in words, and the short message to paste into e-mail or Zalo. Pure.
 */
import { formatIsoDate } from './org-units';

/** An ISO date plus (or minus) whole days. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `today` to `dueOn` (negative once it has passed). */
export function daysUntil(today: string, dueOn: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export interface RemindWindow {
  /** The deadline the reminder is about: the next one on or after today, else the last one passed. */
  dueOn: string | null;
  daysLeft: number | null;
  /** Whether the home screen offers the reminder now: from `daysBefore` days before the deadline, and after it. */
  open: boolean;
}

export function remindWindow(deadlines: readonly string[], today: string, daysBefore: number): RemindWindow {
  const sorted = [...new Set(deadlines)].sort();
  const dueOn = sorted.find((d) => d >= today) ?? sorted.at(-1) ?? null;
  if (!dueOn) return { dueOn: null, daysLeft: null, open: false };
  const daysLeft = daysUntil(today, dueOn);
  return { dueOn, daysLeft, open: daysLeft <= daysBefore };
}

/** "còn 3 ngày đến hạn 05/12/2024" / "hạn là hôm nay" / "đã quá hạn 2 ngày". */
export function deadlineWords(dueOn: string, daysLeft: number): string {
  if (daysLeft > 0) return `còn ${daysLeft} ngày đến hạn ${formatIsoDate(dueOn)}`;
  if (daysLeft === 0) return `hạn nộp là hôm nay (${formatIsoDate(dueOn)})`;
  return `đã quá hạn ${formatIsoDate(dueOn)} ${-daysLeft} ngày`;
}

export interface Owed {
  measures: readonly string[];
  tasks: readonly string[];
}

const list = (codes: readonly string[], max = 12) => (codes.length > max ? `${codes.slice(0, max).join(', ')} và ${codes.length - max} mục khác` : codes.join(', '));

/** What a unit still owes, in words: "12 chỉ tiêu (1.1, 1.2, …) và 2 nhiệm vụ (I.1, II.3)". */
export function owedText(owed: Owed): string {
  const parts = [owed.measures.length ? `${owed.measures.length} chỉ tiêu (${list(owed.measures)})` : '', owed.tasks.length ? `${owed.tasks.length} nhiệm vụ (${list(owed.tasks)})` : ''].filter(Boolean);
  return parts.length ? parts.join(' và ') : 'phần nội dung báo cáo (không có chỉ tiêu, nhiệm vụ riêng)';
}

/** The message to a unit that has sent nothing: which report, what it holds, by when; signed by the compiling unit. */
export function missingReportMessage(m: { unitName: string; compiledBy: string; periodName: string; dueOn: string; newDueOn: string | null; today: string; owed: Owed }): string {
  const passed = m.today > m.dueOn;
  return [
    `Kính gửi ${m.unitName},`,
    '',
    `Đến ngày ${formatIsoDate(m.today)}, ${m.compiledBy} chưa nhận được báo cáo ${m.periodName} của đơn vị (hạn nộp ${formatIsoDate(m.dueOn)}${passed ? ', đã quá hạn' : ''}).`,
    `Báo cáo gồm ${owedText(m.owed)}, điền vào biểu mẫu đã gửi.`,
    `Đề nghị đơn vị gửi báo cáo ${m.newDueOn ? `trước ngày ${formatIsoDate(m.newDueOn)}` : passed ? 'ngay' : `trước ngày ${formatIsoDate(m.dueOn)}`}.`,
    '',
    'Trân trọng.',
  ].join('\n');
}
