import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Electron's program. Since Electron 40 `npm install` no longer downloads it (the package has no
 * install script, so installing works offline); it is fetched from GitHub the first time it is
 * needed. TongHop asks for it explicitly, says what happened, and falls back to the web host.
 */

function electronDir(): string | null {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The path of Electron's program when it is there; never downloads (requiring `electron` would). */
export function electronBinary(): string | null {
  const dir = electronDir();
  if (!dir) return null;
  try {
    const relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8');
    const bin = process.env.ELECTRON_OVERRIDE_DIST_PATH ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative) : path.join(dir, 'dist', relative);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** Why a download failed, in a few words, from the installer's output (an error and its stack). */
export function downloadFailure(output: string): string {
  const lines = output.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('at ') && !/^Downloading Electron/i.test(l));
  const first = lines[0] ?? 'không rõ lý do';
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|socket hang up|getaddrinfo/i.test(output)) {
    return `không kết nối được máy chủ tải Electron (github.com): ${first}`;
  }
  if (/HTTPError|Response code 4\d\d|404/i.test(output)) return `máy chủ tải từ chối: ${first}`;
  if (/checksum|sha256/i.test(output)) return `tệp tải về không đúng mã kiểm tra: ${first}`;
  if (/EACCES|EPERM|ENOSPC/i.test(output)) return `không ghi được tệp Electron vào thư mục node_modules: ${first}`;
  return first;
}

export type ElectronInstall = { ok: true; binary: string } | { ok: false; reason: string; skipped: boolean };

/** Downloads Electron's program (Electron's own installer, with its checksums) unless it is there or the user said not to. */
export async function installElectron(): Promise<ElectronInstall> {
  const existing = electronBinary();
  if (existing) return { ok: true, binary: existing };
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { ok: false, skipped: true, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD được đặt nên không tải' };
  const dir = electronDir();
  if (!dir) return { ok: false, skipped: false, reason: 'chưa cài gói electron (hãy chạy npm install)' };
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(dir, 'install.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', (e) => resolve({ code: null, output: String(e) }));
    child.on('close', (code) => resolve({ code, output }));
  });
  const binary = electronBinary();
  if (code === 0 && binary) return { ok: true, binary };
  return { ok: false, skipped: false, reason: downloadFailure(output) };
}
