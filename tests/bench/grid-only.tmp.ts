import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchBrowser } from './browser';
const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grid-'));
const db = path.join(dir, 'g.sqlite');
execFileSync(process.execPath, ['electron/tools/launch.cjs', 'cli', 'demo', '--db', db], { cwd: ROOT });
execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT });
for (let i = 0; i < Number(process.env.N ?? 1); i++) {
  const rows = await benchBrowser(db, ROOT);
  const g = rows.find((r) => r.what === 'grid')!;
  console.log(process.env.LABEL ?? '', 'grid p95', g.ms, 'floor', g.floorMs, g.note);
}
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
