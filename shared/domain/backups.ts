/**
 * Backups of the database: why one was made, how its file is named, which ones are kept.
 * Pure: the backend does the file work.
 */
import { formatVnNumber } from './vn-number';
import { vietnamDay } from './vietnam-time';

export const BACKUP_REASONS = {
  daily: 'Sao lưu đầu ngày',
  import: 'Trước khi nhận báo cáo',
  plan_import: 'Trước khi nhập kế hoạch',
  catalogue_import: 'Trước khi nhập bộ chỉ tiêu thống kê',
  migration: 'Trước khi nâng cấp dữ liệu',
  restore: 'Trước khi khôi phục',
  open: 'Trước khi mở tệp dữ liệu khác',
  manual: 'Sao lưu thủ công',
  period_delete: 'Trước khi xóa kỳ báo cáo',
} as const;
export type BackupReason = keyof typeof BACKUP_REASONS;

/** How many of the latest backups are always kept; older ones keep one per month. */
export const KEEP_LATEST = 30;

const FILE_PATTERN = /^tonghop-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(\d{3})-([a-z_]+)\.sqlite$/;

/** `tonghop-20261123-173529123-import.sqlite` — UTC time, so names sort by time. */
export function backupFileName(at: Date, reason: BackupReason): string {
  const iso = at.toISOString(); // 2026-11-23T17:35:29.123Z
  const digits = iso.slice(0, 23).replace(/[-:T.]/g, '');
  return `tonghop-${digits.slice(0, 8)}-${digits.slice(8)}-${reason}.sqlite`;
}

export interface BackupName {
  fileName: string;
  createdAt: string;
  reason: BackupReason;
}

/** Reads a backup's time and reason from its name; null for a file that is not a backup. */
export function parseBackupFileName(fileName: string): BackupName | null {
  const m = FILE_PATTERN.exec(fileName);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, reason] = m;
  if (!reason || !(reason in BACKUP_REASONS)) return null;
  const createdAt = `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`;
  if (Number.isNaN(Date.parse(createdAt))) return null;
  return { fileName, createdAt, reason: reason as BackupReason };
}

/** "2,4 MB", "512 KB" */
export function formatFileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${formatVnNumber(bytes / 1024 / 1024, { decimals: 1 })} MB` : `${formatVnNumber(Math.ceil(bytes / 1024), { decimals: 0 })} KB`;
}

/**
 * Which backups stay: the latest KEEP_LATEST, and of the older ones the earliest of each month
 * (Vietnam time). Returns the names to delete.
 */
export function backupsToPrune(backups: readonly BackupName[], keepLatest = KEEP_LATEST): string[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const monthsKept = new Set<string>();
  const prune: string[] = [];
  // Oldest first, so the month keeps its first backup.
  for (const b of newestFirst.slice(keepLatest).reverse()) {
    const month = vietnamDay(b.createdAt).slice(0, 7);
    if (monthsKept.has(month)) prune.push(b.fileName);
    else monthsKept.add(month);
  }
  return prune;
}
