/**
 * Crash safety: a TongHop process importing a batch of 50 files is killed (SIGKILL) at random
 * moments, many times. After each kill the database is sound, and every file is either fully
 * imported (its report, every value, its bytes) or absent; the next start works.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startBackend } from '../../electron/backend/index';
import { REPO_ROOT, call, tempDir, testBackend } from '../helpers/backend';
import { filledReports, province } from '../helpers/test-province';

const KILLS = 12;

interface Child {
  readyAt: number;
  exit: Promise<number | null>;
  kill(): void;
}

async function startImport(dbPath: string, folder: string, periodId: number): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/import-batch-child.ts', dbPath, folder, String(periodId)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exit = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('READY')) resolve();
    });
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    void exit.then((code) => reject(new Error(`import process exited (${code}) before it was ready: ${out}`)));
  });
  return { readyAt: Date.now(), exit, kill: () => proc.kill('SIGKILL') };
}

type Row = { unit_id: number; file_sha256: string; file_bytes: Buffer; values: string };

function reportsOf(dbPath: string): Row[] {
  const db = new Database(dbPath);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    return db
      .prepare(
        `SELECT r.unit_id, r.file_sha256, r.file_bytes,
                (SELECT group_concat(v.measure_id || ':' || ifnull(v.numerator, '') || '/' || ifnull(v.denominator, '') || '=' || ifnull(v.value, ''), ';')
                   FROM (SELECT * FROM report_value WHERE report_id = r.id ORDER BY measure_id, option_combo_id) v) AS "values"
           FROM report r ORDER BY r.unit_id`,
      )
      .all() as Row[];
  } finally {
    db.close();
  }
}

describe('killing TongHop during a batch import', () => {
  it(`leaves a sound database with each of 50 files whole or absent, after ${KILLS} kills at random moments`, { timeout: 240_000 }, async () => {
    // The province, its period and 50 filled files.
    const setup = await testBackend({ now: new Date('2026-06-01T03:00:00Z') });
    const { districts, period } = await province(setup, 50);
    const folder = tempDir('tonghop-batch-');
    const sha = new Map<number, string>();
    for (const f of await filledReports(setup, period.id, districts)) {
      const bytes = Buffer.from(f.dataBase64, 'base64');
      fs.writeFileSync(path.join(folder, f.fileName), bytes);
      sha.set(f.unitId, createHash('sha256').update(bytes).digest('hex'));
    }
    await setup.close();
    const base = path.join(tempDir(), 'base.sqlite');
    fs.copyFileSync(setup.ctx.dbPath, base);

    // A run that is not killed: what every file looks like when imported, and how long the batch takes.
    const fullDb = path.join(tempDir(), 'tonghop.sqlite');
    fs.copyFileSync(base, fullDb);
    const full = await startImport(fullDb, folder, period.id);
    expect(await full.exit).toBe(0);
    const batchMs = Date.now() - full.readyAt;
    const expected = new Map(reportsOf(fullDb).map((r) => [r.unit_id, r.values]));
    expect(expected.size).toBe(50);

    const imported: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const dbPath = path.join(tempDir(), 'tonghop.sqlite');
      fs.copyFileSync(base, dbPath);
      const child = await startImport(dbPath, folder, period.id);
      await new Promise((r) => setTimeout(r, Math.random() * batchMs));
      child.kill();
      await child.exit;

      const rows = reportsOf(dbPath);
      imported.push(rows.length);
      for (const r of rows) {
        expect(r.values, `values of unit ${r.unit_id} after kill ${kill + 1}`).toBe(expected.get(r.unit_id));
        expect(r.file_sha256).toBe(sha.get(r.unit_id));
        expect(createHash('sha256').update(r.file_bytes).digest('hex')).toBe(r.file_sha256);
      }
      // The next start takes over the dead process's lock and carries on.
      const again = await startBackend({ dbPath, demoOnEmpty: false, log: () => undefined });
      const status = (await call(again, 'period-status', { id: period.id }))!;
      expect(status.units.filter((u) => u.status !== 'missing')).toHaveLength(rows.length);
      await again.close();
    }
    console.log(`batch of 50 files: ${batchMs} ms unkilled; files found imported after each kill: ${imported.join(', ')}`);
    // The kills landed at different points of the batch, not all before or after it.
    expect(new Set(imported).size).toBeGreaterThan(3);
  });
});
