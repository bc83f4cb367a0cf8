/** Reporting periods, deadlines and the status of a unit's report: pure rules. */
import type { UnitKind } from './org-units';

export const PERIOD_KINDS = {
  half_year: 'Báo cáo 6 tháng',
  annual: 'Báo cáo năm',
  ad_hoc: 'Báo cáo đột xuất',
} as const;
export type PeriodKind = keyof typeof PERIOD_KINDS;

/** Who reports to the compiling unit, each with its own due date. */
export const DEADLINE_LEVELS = {
  district: 'Huyện, thành phố → tỉnh',
  department: 'Sở, ban, ngành → tỉnh',
  commune: 'Xã, phường, thị trấn → huyện',
} as const;
export type DeadlineLevel = keyof typeof DEADLINE_LEVELS;

export function levelOfUnit(kind: UnitKind): DeadlineLevel {
  if (kind === 'commune') return 'commune';
  if (kind === 'district' || kind === 'province') return 'district';
  return 'department';
}

/** A unit's due date in a period: its level's deadline, else the period's first, else its cut-off. */
export function dueOnFor(period: { deadlines: readonly { level: DeadlineLevel; dueOn: string }[]; dataTo: string }, kind: UnitKind): string {
  return period.deadlines.find((d) => d.level === levelOfUnit(kind))?.dueOn ?? period.deadlines[0]?.dueOn ?? period.dataTo;
}

export function periodName(kind: PeriodKind, year: number): string {
  return kind === 'half_year' ? `6 tháng đầu năm ${year}` : kind === 'annual' ? `Năm ${year}` : `Đột xuất năm ${year}`;
}

export interface PeriodDefaults {
  dataFrom: string;
  dataTo: string;
  deadlines: Record<DeadlineLevel, string>;
}

/**
 * Defaults of the plans: districts and departments report to the province before 05/06 and
 * 05/12; communes to their district a few days earlier. Data run from 15/12 of the year before
 * to 14/06 or 14/12 (Nghị định 09/2019/NĐ-CP). All editable.
 */
export function periodDefaults(kind: PeriodKind, year: number): PeriodDefaults {
  const prev = `${year - 1}-12-15`;
  if (kind === 'half_year') {
    return { dataFrom: prev, dataTo: `${year}-06-14`, deadlines: { district: `${year}-06-05`, department: `${year}-06-05`, commune: `${year}-05-31` } };
  }
  if (kind === 'annual') {
    return { dataFrom: prev, dataTo: `${year}-12-14`, deadlines: { district: `${year}-12-05`, department: `${year}-12-05`, commune: `${year}-11-30` } };
  }
  return { dataFrom: `${year}-01-01`, dataTo: `${year}-12-31`, deadlines: { district: `${year}-12-31`, department: `${year}-12-31`, commune: `${year}-12-31` } };
}

export const REPORT_STATUSES = {
  missing: 'Chưa nhận',
  received: 'Đã nhận',
  has_errors: 'Có lỗi',
  valid: 'Hợp lệ',
  approved: 'Đã duyệt',
} as const;
export type ReportStatus = keyof typeof REPORT_STATUSES;
export const LATE_LABEL = 'Trễ hạn';

export interface StatusInput {
  dueOn: string;
  today: string;
  /** The current report, if one was imported or typed. */
  report: { status: Exclude<ReportStatus, 'missing' | 'has_errors'>; receivedOn: string } | null;
  /** Date of the last rejected file, if any came after the current report. */
  rejectedOn: string | null;
}

/** Late: received after the due date, or still missing (or only rejected files) after it. */
export function reportStatus(input: StatusInput): { status: ReportStatus; late: boolean } {
  if (input.report) {
    return { status: input.report.status, late: input.report.receivedOn > input.dueOn };
  }
  return { status: input.rejectedOn ? 'has_errors' : 'missing', late: input.today > input.dueOn };
}

/** Whole days from `today` to `due` (negative when past). */
export function daysBetween(today: string, due: string): number {
  return Math.round((Date.parse(due + 'T00:00:00Z') - Date.parse(today + 'T00:00:00Z')) / 86_400_000);
}

export function countdownText(today: string, due: string): string {
  const d = daysBetween(today, due);
  if (d > 1) return `còn ${d} ngày`;
  if (d === 1) return 'còn 1 ngày (hạn là ngày mai)';
  if (d === 0) return 'hạn là hôm nay';
  return `đã quá hạn ${-d} ngày`;
}

/**
 * Whose target a unit's form shows: the plans give one target for the whole territory, not one per
 * unit, so the column says it is the province's (or the district's) — "của tỉnh", "của huyện".
 */
export function targetOwnerLabel(parentUnitName: string | null): string {
  const f = (parentUnitName ?? '').trim().toLowerCase();
  if (f.startsWith('tỉnh') || f.startsWith('thành phố trực thuộc')) return 'của tỉnh';
  if (f.startsWith('huyện') || f.startsWith('thị xã') || f.startsWith('thành phố')) return 'của huyện';
  if (f.startsWith('xã') || f.startsWith('phường') || f.startsWith('thị trấn')) return 'của xã';
  return 'chung';
}
