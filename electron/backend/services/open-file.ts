/**
 * Shows a file the app made in the system's default application (the PDF viewer, from which the
 * user prints through the system's print dialog). The file goes to a private temporary folder
 * (0700, the file 0600), deleted an hour later, at the next start or the next file shown (a
 * report may name children; it must not stay in %TEMP%).
 * No shell ever sees the file's name: Electron's shell.openPath in the app, a plain spawn
 * elsewhere ("&", "^", "%" in a name are just characters).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BackendContext } from '../context';
import { UserError } from '../errors';
import { fileSafeName } from '../../../shared/domain/file-names';

const PREFIX = 'tonghop-xem-';
const KEEP_MS = 60 * 60 * 1000;

function opener(file: string): [string, string[]] {
  const custom = process.env.TONGHOP_OPEN_WITH;
  if (custom) return [custom, [file]];
  // explorer.exe opens a file with its default application, without cmd.exe's parsing of the name.
  if (process.platform === 'win32') return ['explorer.exe', [file]];
  if (process.platform === 'darwin') return ['open', [file]];
  return ['xdg-open', [file]];
}

/** Deletes the folders of files shown more than an hour ago (at each start and each file shown). */
export function sweepOpenedFiles(olderThanMs = KEEP_MS): void {
  const now = Date.now();
  try {
    for (const name of fs.readdirSync(os.tmpdir())) {
      if (!name.startsWith(PREFIX)) continue;
      const dir = path.join(os.tmpdir(), name);
      try {
        if (now - fs.statSync(dir).mtimeMs >= olderThanMs) fs.rmSync(dir, { recursive: true, force: true });
      } catch {
        // Still open in a viewer (Windows), or someone else's: left for the next sweep.
      }
    }
  } catch {
    // No temporary folder to read: nothing to sweep.
  }
}


export async function openFile(ctx: Pick<BackendContext, 'openPath'>, fileName: string, bytes: Buffer): Promise<{ path: string }> {
  sweepOpenedFiles(KEEP_MS);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), PREFIX));
  fs.chmodSync(dir, 0o700);
  const file = path.join(dir, fileSafeName(path.basename(fileName)));
  fs.writeFileSync(file, bytes, { mode: 0o600 });
  if (ctx.openPath && !process.env.TONGHOP_OPEN_WITH) {
    const failed = await ctx.openPath(file);
    if (failed) throw new UserError('validation', `Không mở được tệp bằng ứng dụng mặc định của máy (${failed}). Tệp đã được lưu tại ${file}.`);
    return { path: file };
  }
  const [command, args] = opener(file);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true, shell: false });
    child.once('error', () => reject(new UserError('validation', `Không mở được tệp bằng ứng dụng mặc định của máy. Tệp đã được lưu tại ${file}.`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
  return { path: file };
}
