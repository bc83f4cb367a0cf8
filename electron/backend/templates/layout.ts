/** The layout of a unit's report template: one place for what the writer writes and the reader reads. */
import { createHash } from 'node:crypto';
import { REPORT_COLUMNS } from '../../../shared/domain/entry-layout';
import { fileSafeName } from '../../../shared/domain/file-names';

export const TEMPLATE_FORMAT = 'tonghop-bao-cao';
export const TEMPLATE_VERSION = 1;

export const SHEETS = {
  measures: 'Chỉ tiêu',
  tasks: 'Nhiệm vụ',
  narrative: 'Báo cáo',
  meta: 'TongHop',
} as const;

/** Columns of the measures sheet (0-based): the entry grid's too, so a cell has the same letter in both. */
export const COL = REPORT_COLUMNS;
export const MEASURE_HEADER_ROW = 5; // 0-based: row 6 in Excel
/** Columns of the tasks sheet: what was done, then (added later, so older files still read) status and figures. */
export const TASK_COL = { key: 0, content: 1, role: 2, timeframe: 3, progress: 4, status: 5, events: 6, participants: 7, funds: 8 } as const;
export const TASK_HEADER_ROW = 4;

export { NARRATIVE_SECTIONS, type NarrativeKey } from '../../../shared/domain/narratives';

export interface TemplateMeta {
  format: string;
  version: number;
  planId: number;
  periodId: number;
  periodName: string;
  unitId: number;
  unitCode: string;
  unitName: string;
  layoutChecksum: string;
  generatedAt: string;
}

/** A checksum of what the layout promises: the measure codes and task keys, in order. */
export function layoutChecksum(measureCodes: string[], taskKeys: string[]): string {
  return createHash('sha256').update(JSON.stringify({ v: TEMPLATE_VERSION, measureCodes, taskKeys })).digest('hex').slice(0, 16);
}

export function templateFileName(unitName: string, periodName: string): string {
  return fileSafeName(`${unitName} - ${periodName}.xlsx`);
}
