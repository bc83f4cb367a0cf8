/**
 * The Electron app end to end. Runs only where Electron's binary is installed (it is
 * downloaded from the internet on `npm install`, which these build machines cannot reach).
 */
import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBinary } from '../../electron/tools/electron-binary';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');


const binary = electronBinary();
const reason = 'Electron binary not installed here (npm could not download it: no internet); run on a machine with Electron to exercise the desktop shell.';
if (!binary) console.log(`[e2e-electron] skipped: ${reason}`);

test.describe('Electron shell', () => {
  test.skip(!binary, reason);

  test('opens the hardened window on the demo data', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-electron-'));
    const app = await electron.launch({ args: [path.join(ROOT, 'dist/electron/main.cjs')], env: { ...process.env, TONGHOP_DATA_DIR: dataDir } });
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Kế hoạch', level: 1 })).toBeVisible();
    // No Node in the page, only the one bridge function.
    expect(await window.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((globalThis as unknown as { tonghop: object }).tonghop))).toEqual(['invoke']);
    // Navigation away from the app is blocked.
    await window.evaluate(() => ((globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/'));
    await window.waitForTimeout(500);
    expect(window.url()).toMatch(/^app:\/\/tonghop\//);
    await app.close();
  });
});
