/** Builds the renderer once, so every test serves what `npm run web` serves. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export default function globalSetup(): void {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  if (!fs.existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
    throw new Error('Chromium not found at /usr/bin/chromium: install it with "apt-get install -y chromium" (see .ci/run).');
  }
  if (process.env.TONGHOP_SKIP_BUILD !== '1') {
    execFileSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
  fs.mkdirSync(path.join(root, 'tests/artifacts'), { recursive: true });
}
