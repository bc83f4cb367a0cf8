/**
 * better-sqlite3 is a native module built for one runtime at a time: Node (tests, web host, CLI)
 * or Electron. These helpers check which one it loads under and rebuild it when needed.
 */
import { execFileSync, spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** True when better-sqlite3 loads in plain Node. */
export function loadsInNode(cwd: string): boolean {
  const r = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd, encoding: 'utf8' });
  return r.status === 0;
}

export function ensureNodeBuild(cwd: string): void {
  if (loadsInNode(cwd)) return;
  console.log('better-sqlite3 was built for another runtime (Electron); rebuilding it for Node (about 2 minutes)…');
  execFileSync(npm, ['rebuild', 'better-sqlite3'], { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
}

export function ensureElectronBuild(cwd: string): void {
  console.log('Building better-sqlite3 for Electron (electron-builder install-app-deps)…');
  execFileSync(npm, ['exec', '--', 'electron-builder', 'install-app-deps'], { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
}
