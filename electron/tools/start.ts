/**
 * `npm start`: build, then open the Electron app. Electron's program is downloaded the first
 * time (npm install does not fetch it); where that fails (no internet), say why and open the
 * same app through the local web host instead.
 */
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronBuild, ensureNodeBuild } from './native-abi';
import { electronBinary, installElectron } from './electron-binary';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const shell = process.platform === 'win32';


execFileSync(npm, ['run', '-s', 'build'], { cwd: root, stdio: 'inherit', shell });
if (!electronBinary() && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) console.log('\nĐang tải Electron (chương trình cửa sổ của TongHop, khoảng 100 MB) từ Internet — chỉ lần đầu…');
const electron = await installElectron();
if (electron.ok) {
  ensureElectronBuild(root);
  const child = spawn(electron.binary, [path.join(root, 'dist/electron/main.cjs')], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  // Said plainly, not hidden: where Electron should install, the user sees why it did not.
  console.log(`\nKhông có Electron trên máy này: ${electron.reason}.`);
  console.log('TongHop mở bằng trình duyệt mặc định thay cho cửa sổ ứng dụng (cùng chức năng, dữ liệu ở cùng chỗ).');
  if (!electron.skipped) console.log('Khi máy có Internet, chạy lại npm start để tải Electron.');
  console.log(`Electron binary missing (${electron.reason}): opening TongHop through the local web host instead.\n`);
  ensureNodeBuild(root);
  const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'electron/backend/web-host.ts'), '--open', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
