/**
 * The hostile and broken files of tests/fixtures/hostile: each one gets a clear Vietnamese
 * message naming the file (and the sheet and cell where there is one) within the time limit;
 * the app stays up and no report data is written. (The import log keeps a line per rejected
 * file, which is how the home screen shows "có lỗi".)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { REPO_ROOT, call, testBackend } from '../helpers/backend';
import { filledReports, province } from '../helpers/test-province';

const CORPUS = path.join(REPO_ROOT, 'tests/fixtures/hostile');
const manifest = JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as Record<string, { about: string; message: string }>;
/** Past the parsing worker's own 20 s limit, with room for a slow machine. */
const TIME_LIMIT_MS = 25_000;

const DATA_TABLES = ['report', 'report_value', 'report_narrative', 'report_task_progress', 'plan', 'measure', 'org_unit'];

describe('hostile and broken files', () => {
  let backend: Backend;
  let periodId: number;
  const counts = () => Object.fromEntries(DATA_TABLES.map((t) => [t, backend.database.raw.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]));
  let before: Record<string, unknown>;

  beforeAll(async () => {
    // The same setup make-corpus.ts used for the templates inside the files.
    backend = await testBackend({ now: new Date('2026-06-01T03:00:00Z') });
    periodId = (await province(backend, 3)).period.id;
    before = counts();
  });
  afterAll(() => backend.close());

  it('has at least 30 files, each described in the manifest', () => {
    const files = fs.readdirSync(CORPUS).filter((n) => /^\d\d-/.test(n));
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.sort()).toEqual(Object.keys(manifest).sort());
  });

  for (const [fileName, expected] of Object.entries(manifest)) {
    it(`${fileName} (${expected.about})`, { timeout: TIME_LIMIT_MS + 10_000 }, async () => {
      const dataBase64 = fs.readFileSync(path.join(CORPUS, fileName)).toString('base64');
      const started = Date.now();
      const [result] = await call(backend, 'report-import', { files: [{ fileName, dataBase64 }], periodId, batchId: 'hostile' });
      const elapsed = Date.now() - started;
      expect(elapsed).toBeLessThan(TIME_LIMIT_MS);
      expect(result!.outcome).toBe('rejected');
      const errors = result!.problems.filter((p) => p.severity === 'error').map((p) => p.message);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]!.startsWith(fileName)).toBe(true);
      expect(errors.join(' | ')).toMatch(new RegExp(expected.message));
      // The same file offered as a plan: refused in Vietnamese too, never an unexpected error.
      const plan = await backend.dispatch('plan-import-preview', { fileName, dataBase64 });
      if (!plan.ok) {
        expect(plan.error.type).toBe('validation');
        expect(plan.error.message).not.toMatch(/Lỗi không mong đợi/);
      }
      expect(counts()).toEqual(before);
    });
  }

  it('stays up: after the whole corpus, the prototype is clean and a good file imports', async () => {
    expect(Object.getOwnPropertyNames(Object.prototype).filter((k) => /polluted|__proto__x/.test(k))).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const districts = (await call(backend, 'period-status', { id: periodId }))!.units.map((u) => ({ id: u.unitId }));
    const [good] = await filledReports(backend, periodId, districts.slice(0, 1));
    const [r] = await call(backend, 'report-import', { files: [good!], periodId });
    expect(r!.outcome).toBe('imported');
    expect(fs.existsSync('/tmp/tonghop-pwned.txt')).toBe(false);
  });
});
