import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadFailure, electronBinary, installElectron } from '../../electron/tools/electron-binary';
import { tempDir } from '../helpers/backend';

const lock = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package-lock.json'), 'utf8'));

describe("Electron's program on a machine without internet", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('is not fetched by npm install, so installing works offline', () => {
    // npm runs a package's install script only when the lockfile marks it; Electron 40+ has none.
    expect(lock.packages['node_modules/electron'].version).toMatch(/^45\./);
    expect(lock.packages['node_modules/electron'].hasInstallScript).toBeUndefined();
    const withScripts = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean }>).filter(([, p]) => p.hasInstallScript).map(([name]) => name.replace(/^node_modules\//, ''));
    // Only scripts known to work offline: better-sqlite3 builds from source when its prebuilt binary is
    // unreachable, esbuild picks its platform package, es5-ext prints a notice, electron-winstaller copies files, pkcs11js (USB tokens) builds with node-gyp.
    for (const name of withScripts) expect(['better-sqlite3', 'esbuild', 'electron-winstaller', 'es5-ext', 'pkcs11js'].some((ok) => name === ok || name.endsWith(`/${ok}`)), name).toBe(true);
  });

  it("is downloaded on first start; a failed download is said in Vietnamese, with why, and nothing is left half-installed", async (ctx) => {
    if (electronBinary()) {
      console.log('Skipped: Electron is installed on this machine, so its failed download cannot be tried here without removing it.');
      ctx.skip();
    }
    process.env.electron_config_cache = tempDir();
    delete process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    // A mirror that is not there (a closed port): no network is touched.
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    process.env.ELECTRON_MIRROR = `http://127.0.0.1:${port}/`;
    const refused = await installElectron();
    expect(refused).toMatchObject({ ok: false, skipped: false });
    expect(!refused.ok && refused.reason).toMatch(/^không kết nối được máy chủ tải Electron \(github\.com\): TypeError: fetch failed/);
    // A mirror that answers 404 (a blocked or wrong address).
    const notFound = http.createServer((_req, res) => res.writeHead(404).end('not here'));
    await new Promise<void>((r) => notFound.listen(0, '127.0.0.1', () => r()));
    process.env.ELECTRON_MIRROR = `http://127.0.0.1:${(notFound.address() as AddressInfo).port}/`;
    const refused404 = await installElectron();
    notFound.close();
    expect(refused404.ok).toBe(false);
    expect(!refused404.ok && refused404.reason).toMatch(/^máy chủ tải từ chối: /);
    expect(electronBinary()).toBeNull();
    // Told not to download: no attempt, and said so.
    process.env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
    expect(await installElectron()).toEqual({ ok: false, skipped: true, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD được đặt nên không tải' });
  });

  it('names why a download failed from the installer output', () => {
    expect(downloadFailure('TypeError: fetch failed\n    at node:internal/deps/undici\n')).toBe('không kết nối được máy chủ tải Electron (github.com): TypeError: fetch failed');
    expect(downloadFailure('Error: EACCES: permission denied, open …/dist/version')).toBe('không ghi được tệp Electron vào thư mục node_modules: Error: EACCES: permission denied, open …/dist/version');
    expect(downloadFailure('Error: Generated checksum for "electron.zip" did not match expected checksum.')).toMatch(/^tệp tải về không đúng mã kiểm tra/);
    expect(downloadFailure('')).toBe('không rõ lý do');
  });
});
