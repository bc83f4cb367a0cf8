/** How far a unit got with a task it leads or cooperates on: the words the plans and reports use. Pure. */

export const TASK_STATUSES = {
  done: 'Đã hoàn thành',
  in_progress: 'Đang thực hiện',
  not_started: 'Chưa thực hiện',
  not_applicable: 'Không phát sinh',
} as const;
export type TaskStatus = keyof typeof TASK_STATUSES;

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^a-z]+/g, ' ').trim();
const BY_WORDS: [string, TaskStatus][] = [
  ['da hoan thanh', 'done'],
  ['hoan thanh', 'done'],
  ['dang thuc hien', 'in_progress'],
  ['dang trien khai', 'in_progress'],
  ['chua thuc hien', 'not_started'],
  ['chua trien khai', 'not_started'],
  ['khong phat sinh', 'not_applicable'],
];

/** The status a cell says ("Đã hoàn thành", "đang thực hiện", "Không phát sinh" …): null when empty, undefined when not understood. */
export function parseTaskStatus(text: string): TaskStatus | null | undefined {
  const f = fold(text);
  if (!f) return null;
  return BY_WORDS.find(([words]) => f === words)?.[1];
}

/** What a unit reports on one task: where it stands, what was done, and optional figures. */
export interface TaskReport {
  taskId: number;
  status: TaskStatus | null;
  progress: string;
  /** Number of activities held, of participants, funds in million dong. */
  events: number | null;
  participants: number | null;
  funds: number | null;
}

export const isEmptyTaskReport = (t: Omit<TaskReport, 'taskId'>) => !t.status && !t.progress.trim() && t.events === null && t.participants === null && t.funds === null;

/**
 * Where a task stands when no lead among the reporting units speaks for it (the compiling unit
 * leads it, as with a district's own activities): from what the units said. All done → done; all
 * not started → not started; all "không phát sinh" → the same; any other mix → in progress.
 * Units that say nothing, or "không phát sinh", do not count against the others.
 */
export function combinedStatus(statuses: readonly (TaskStatus | null)[]): TaskStatus | null {
  const said = statuses.filter((s): s is TaskStatus => s !== null);
  if (said.length === 0) return null;
  const relevant = said.filter((s) => s !== 'not_applicable');
  if (relevant.length === 0) return 'not_applicable';
  if (relevant.every((s) => s === 'done')) return 'done';
  if (relevant.every((s) => s === 'not_started')) return 'not_started';
  return 'in_progress';
}
