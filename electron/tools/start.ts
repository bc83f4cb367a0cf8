/**
 * `npm start`: build, then open the Electron app. Where Electron's binary is missing (it is
 * downloaded on install and some machines have no internet), say so and open the same app
 * through the local web host instead.
 */
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronBuild, ensureNodeBuild } from './native-abi';
import { electronBinary } from './electron-binary';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const shell = process.platform === 'win32';


execFileSync(npm, ['run', '-s', 'build'], { cwd: root, stdio: 'inherit', shell });
const binary = electronBinary();
if (binary) {
  ensureElectronBuild(root);
  const child = spawn(binary, [path.join(root, 'dist/electron/main.cjs')], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('\nKhông có Electron trên máy này (tệp chạy Electron được tải từ Internet khi cài đặt).');
  console.log('Electron binary missing: opening TongHop through the local web host instead, in the default browser.\n');
  ensureNodeBuild(root);
  const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'electron/backend/web-host.ts'), '--open', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
