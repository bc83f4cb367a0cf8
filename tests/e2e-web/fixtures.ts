/**
 * Each test gets its own web host (`tsx electron/backend/web-host.ts`, as `npm run web` runs it)
 * on a fresh temporary database, and a page opened on it.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const ARTIFACTS = path.join(ROOT, 'tests/artifacts');

async function startHost(dbPath: string): Promise<{ url: string; openUrl: string; proc: ChildProcess }> {
  const proc = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'electron/backend/web-host.ts'), '--db', dbPath, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    // "Open in the system's viewer" runs this instead of a desktop application.
    env: { ...process.env, TONGHOP_OPEN_WITH: '/usr/bin/true' },
  });
  let output = '';
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /LISTENING (http:\/\/127\.0\.0\.1:\d+\/\?t=[\w-]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
  return { url: openUrl.replace(/\?t=.*$/, ''), openUrl, proc };
}

export const test = base.extend<{ app: { url: string; dbPath: string; page: Page } }>({
  app: async ({ page }, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-e2e-'));
    const dbPath = path.join(dir, 'tonghop.sqlite');
    const { url, openUrl, proc } = await startHost(dbPath);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    // The first-start question (the user's name) is answered for tests that are about something else.
    await page.addInitScript(() => sessionStorage.setItem('tonghop.userNameAsked', '1'));
    // The printed address carries the token; the page trades it for the session cookie (page.request shares it).
    await page.goto(openUrl);
    await use({ url, dbPath, page });
    proc.kill('SIGTERM');
    expect(errors, 'errors in the browser console').toEqual([]);
  },
});

export { expect };

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}
