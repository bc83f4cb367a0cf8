/**
 * `npm test`: typecheck, build, then every runner (vitest, Playwright), and one closing line
 * totalling them all: "N passed, N failed, N skipped".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeBuild } from '../electron/tools/native-abi';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'tests/artifacts');
fs.mkdirSync(out, { recursive: true });
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const failedSteps: string[] = [];

function step(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failedSteps.push(`${name} (exit ${r.status ?? r.signal})`);
  return r.status === 0;
}

ensureNodeBuild(root);
const typed = step('typecheck', bin('tsc'), ['-p', 'tsconfig.json']) && step('typecheck renderer', bin('tsc'), ['-p', 'renderer/tsconfig.json']);
const built = step('build renderer', bin('vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']) && step('build electron', bin('tsx'), ['electron/tools/build.ts']);

const vitestJson = path.join(out, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
step('vitest (unit + backend)', bin('vitest'), ['run', '--config', 'tests/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (fs.existsSync(vitestJson)) {
  const v = JSON.parse(fs.readFileSync(vitestJson, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  total.passed += v.numPassedTests;
  total.failed += v.numFailedTests;
  total.skipped += v.numPendingTests + v.numTodoTests;
} else failedSteps.push('vitest wrote no results');

const playwrightJson = path.join(out, 'playwright.json');
fs.rmSync(playwrightJson, { force: true });
step('playwright (Chromium, Electron)', bin('playwright'), ['test', '--config', 'tests/playwright.config.ts', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson,
  TONGHOP_SKIP_BUILD: built ? '1' : '0',
});
if (fs.existsSync(playwrightJson)) {
  const p = JSON.parse(fs.readFileSync(playwrightJson, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  total.passed += p.stats.expected + p.stats.flaky;
  total.failed += p.stats.unexpected;
  total.skipped += p.stats.skipped;
} else failedSteps.push('playwright wrote no results');

if (!typed) console.log('\nTypecheck failed.');
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join('; ')}`);
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedSteps.length === 0 && total.failed === 0 && total.passed > 0 ? 0 : 1);
