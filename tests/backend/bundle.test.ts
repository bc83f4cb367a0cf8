import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkerReply } from '../../electron/backend/workers/workbook-types';
import { appendixWorkbook } from '../helpers/appendix-workbook';
import { REPO_ROOT } from '../helpers/backend';

const DIST = path.join(REPO_ROOT, 'dist/electron');

describe('the Electron bundle', () => {
  beforeAll(() => {
    execFileSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['electron/tools/build.ts'], { cwd: REPO_ROOT });
  }, 60_000);

  it('carries a workbook worker that runs on its own', async () => {
    const file = path.join(DIST, 'parse-workbook.worker.cjs');
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      const w = new Worker(file, { workerData: { bytes: new Uint8Array(appendixWorkbook()), maxCells: 10_000 } });
      w.once('message', resolve);
      w.once('error', reject);
    });
    expect(reply.ok).toBe(true);
    if (reply.ok) expect(reply.workbook.sheets[0]!.name).toBe('Phụ lục');
  });

  it('keeps the preload to the bridge: it requires nothing but electron', () => {
    const preload = fs.readFileSync(path.join(DIST, 'preload.cjs'), 'utf8');
    const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(preload).toContain('tonghop:invoke');
    expect(preload.length).toBeLessThan(2000);
  });

  it('loads the main bundle only inside Electron (electron and better-sqlite3 stay external)', () => {
    const main = fs.readFileSync(path.join(DIST, 'main.cjs'), 'utf8');
    expect(main).toMatch(/require\(["']electron["']\)/);
    expect(main).toMatch(/require\(["']better-sqlite3["']\)/);
    expect(main).toContain('0001-init');
  });
});
