/** One batch of filled files imported as the home screen sends it, against SheetJS reading them. */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import type { Backend } from '../../electron/backend/index';
import type { PeriodDto } from '../../shared/api/types';
import { call } from '../helpers/backend';
import { peakMb, resetPeak, time } from './measure';

/** Files a batch sends per call, as the home screen does (HomePage's IMPORT_CHUNK), the next call sent while one is stored. */
export const IMPORT_CHUNK = 8;

export interface FilledFiles {
  period: PeriodDto;
  paths: string[];
}

export interface ImportMeasure {
  ms: number;
  floorMs: number;
  peak: number;
  /** The first answer: the backup of the whole database before the batch, then its first files. */
  firstMs: number;
  /** The longest wait between two answers after the first. */
  maxGapMs: number;
}

/**
 * One batch, as the home screen sends it: IMPORT_CHUNK files a call, the progress moving after
 * each. Against SheetJS reading the same files from disk (the floor).
 */
export async function importBatch(b: Backend, files: FilledFiles, options: { floor?: boolean } = {}): Promise<ImportMeasure> {
  const floorMs = options.floor === false ? NaN : await time(() => {
    for (const p of files.paths) XLSX.read(fs.readFileSync(p), { type: 'buffer', dense: true });
  }, 1);
  resetPeak();
  const started = performance.now();
  let lastProgress = started;
  let firstMs = 0;
  let maxGapMs = 0;
  // One batch: the database is backed up once, before its first file (as the home screen's batch).
  const batchId = `bench-${files.period.id}-${started}`;
  // As the home screen: the next call on its way while one is stored.
  const send = (i: number) => {
    const chunk = files.paths.slice(i, i + IMPORT_CHUNK).map((p) => ({ fileName: path.basename(p), dataBase64: fs.readFileSync(p).toString('base64') }));
    const answers = call(b, 'report-import', { files: chunk, periodId: files.period.id, batchId });
    answers.catch(() => undefined);
    return answers;
  };
  let next: ReturnType<typeof send> | null = send(0);
  for (let i = 0; next; i += IMPORT_CHUNK) {
    const answers = next;
    next = i + IMPORT_CHUNK < files.paths.length ? send(i + IMPORT_CHUNK) : null;
    const bad = (await answers).find((r) => r.outcome !== 'imported');
    if (bad) throw new Error(`import: ${bad.fileName}: ${bad.problems[0]?.message}`);
    const now = performance.now();
    if (i === 0) firstMs = now - started;
    else maxGapMs = Math.max(maxGapMs, now - lastProgress);
    lastProgress = now;
  }
  return { ms: performance.now() - started, floorMs, peak: peakMb(), firstMs, maxGapMs };
}
