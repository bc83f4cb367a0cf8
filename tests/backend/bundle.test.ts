import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { ReadReply } from '../../electron/backend/workers/read-query-types';
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
    const w = new Worker(file);
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      w.once('message', (m: { id: number; reply: WorkerReply }) => resolve(m.reply));
      w.once('error', reject);
      w.postMessage({ id: 1, bytes: new Uint8Array(appendixWorkbook()), maxCells: 10_000, maxRows: 20_000, maxSheets: 200 });
    });
    await w.terminate();
    expect(reply.ok).toBe(true);
    if (reply.ok) expect(reply.workbook.sheets[0]!.name).toBe('Phụ lục');
  });

  it('carries a read worker that answers a query from its own read-only connection', async () => {
    const dir = fs.mkdtempSync(path.join(REPO_ROOT, 'dist', 'read-worker-'));
    try {
      const file = path.join(dir, 'r.sqlite');
      const db = new Database(file);
      db.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (2), (3)");
      db.close();
      const w = new Worker(path.join(DIST, 'read-query.worker.cjs'));
      const ask = (sql: string) =>
        new Promise<ReadReply>((resolve, reject) => {
          w.once('message', resolve);
          w.once('error', reject);
          w.postMessage({ id: 1, file, sql, parameters: [] });
        });
      expect(await ask('SELECT sum(x) AS s FROM t')).toEqual({ id: 1, ok: true, rows: [{ s: 5 }] });
      expect(await ask('DELETE FROM t')).toMatchObject({ ok: false });
      await w.terminate();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the preload to the bridge: it requires nothing but electron', () => {
    const preload = fs.readFileSync(path.join(DIST, 'preload.cjs'), 'utf8');
    const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(preload).toContain('tonghop:invoke');
    expect(preload.length).toBeLessThan(2000);
  });

  it('loads the main bundle only inside Electron (electron, better-sqlite3 and pdfmake stay external; pdfmake and the token library loaded on first use)', () => {
    const main = fs.readFileSync(path.join(DIST, 'main.cjs'), 'utf8');
    expect(main).toMatch(/require\(["']electron["']\)/);
    expect(main).toMatch(/require\(["']better-sqlite3["']\)/);
    expect(main).toMatch(/load\(["']pdfmake["']\)/);
    expect(main).not.toMatch(/require\(["'](pdfmake|pdfkit|graphene-pk11)["']\)/);
    expect(main).not.toContain('/data/Helvetica.afm');
    expect(main).toContain('0001-init');
  });

  it('renders a PDF from code bundled the same way, with the bundled fonts', async () => {
    const out = path.join(DIST, 'test-render-pdf.cjs');
    const { build } = await import('esbuild');
    await build({
      entryPoints: [path.join(REPO_ROOT, 'electron/backend/pdf/submission-pdf.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: out,
      external: ['electron', 'better-sqlite3', 'pdfmake', 'pdfkit'],
      define: { 'import.meta.url': '__import_meta_url' },
      banner: { js: 'const __import_meta_url = require("url").pathToFileURL(__filename).href;' },
      logLevel: 'silent',
    });
    const script = `require(${JSON.stringify(out)}).renderPdf({ content: ['Tổng hợp báo cáo'], defaultStyle: { font: 'Serif' } }).then((b) => process.stdout.write(String(b.subarray(0, 5))))`;
    const printed = execFileSync(process.execPath, ['-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
    fs.rmSync(out);
    expect(printed).toBe('%PDF-');
  }, 60_000);
});

describe('the command line as built JavaScript (dist/node, run by plain node)', () => {
  it('is built when missing or older than the sources, then runs a command and imports a file without tsx', () => {
    const dir = fs.mkdtempSync(path.join(REPO_ROOT, 'dist', 'cli-test-'));
    try {
      const bundle = path.join(REPO_ROOT, 'dist/node/cli.cjs');
      // Older than every source: the launcher must rebuild it.
      if (fs.existsSync(bundle)) fs.utimesSync(bundle, new Date(0), new Date(0));
      const db = path.join(dir, 'cli.sqlite');
      const cli = (...args: string[]) => execFileSync(process.execPath, ['electron/tools/launch.cjs', 'cli', ...args, '--db', db], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, INIT_CWD: REPO_ROOT } });
      cli('demo');
      expect(fs.statSync(bundle).mtimeMs).toBeGreaterThan(Date.now() - 120_000);
      const plans = JSON.parse(cli('plan', 'list', '--json')) as Array<{ title: string }>;
      expect(plans.some((p) => p.title.includes('Kon Tum'))).toBe(true);
      // A command that makes no PDF and signs nothing starts without pdfmake, pdfkit or the token library (a third of a start).
      const seen = path.join(dir, 'loaded.json');
      fs.writeFileSync(path.join(dir, 'loaded.cjs'), `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(seen)}, JSON.stringify(Object.keys(require.cache))));`);
      execFileSync(process.execPath, ['-r', path.join(dir, 'loaded.cjs'), 'electron/tools/launch.cjs', 'cli', 'plan', 'list', '--json', '--db', db], { cwd: REPO_ROOT, encoding: 'utf8' });
      const loaded = JSON.parse(fs.readFileSync(seen, 'utf8')) as string[];
      expect(loaded.some((f) => f.includes('better-sqlite3'))).toBe(true);
      expect(loaded.filter((f) => /node_modules\/(pdfmake|pdfkit|fontkit|graphene-pk11|pkcs11js)\//.test(f))).toEqual([]);
      // The bundle finds its parse worker and the fonts beside it: a template out, the same file in, a PDF.
      cli('template', '--period', '2', '--unit', 'KT.ST', '--out', dir);
      const template = fs.readdirSync(dir).find((f) => f.endsWith('.xlsx'))!;
      // An empty template is read (by the worker) and refused as empty, exit 1.
      const imported = spawnSync(process.execPath, ['electron/tools/launch.cjs', 'cli', 'import', path.join(dir, template), '--json', '--db', db], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(imported.status).toBe(1);
      expect((JSON.parse(imported.stdout) as Array<{ outcome: string; problems: Array<{ message: string }> }>)[0]).toMatchObject({ outcome: 'rejected', problems: [{ message: expect.stringContaining('tệp trống') }] });
      cli('export', '--period', '2', '--format', 'pdf', '--out', path.join(dir, 'bao-cao.pdf'));
      expect(fs.readFileSync(path.join(dir, 'bao-cao.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
