/**
 * Shows a file the app made in the system's default application (the PDF viewer, from which the
 * user prints through the system's print dialog). The file goes to a private temporary folder.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors';

function opener(file: string): [string, string[]] {
  const custom = process.env.TONGHOP_OPEN_WITH;
  if (custom) return [custom, [file]];
  if (process.platform === 'win32') return ['cmd.exe', ['/c', 'start', '""', file]];
  if (process.platform === 'darwin') return ['open', [file]];
  return ['xdg-open', [file]];
}

export async function openFile(fileName: string, bytes: Buffer): Promise<{ path: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-'));
  const file = path.join(dir, path.basename(fileName));
  fs.writeFileSync(file, bytes, { mode: 0o600 });
  const [command, args] = opener(file);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.once('error', () => reject(new UserError('validation', `Không mở được tệp bằng ứng dụng mặc định của máy. Tệp đã được lưu tại ${file}.`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
  return { path: file };
}
