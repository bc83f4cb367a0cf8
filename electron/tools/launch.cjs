#!/usr/bin/env node
/**
 * Runs the command line or the web host as built JavaScript with plain node (`node launch.cjs
 * cli …`, `node launch.cjs web-host …`): starting TypeScript through tsx took 4–5 s per
 * command. The bundle in dist/node is rebuilt (once, a few seconds) when any source is newer.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '../..');
const [tool, ...args] = process.argv.slice(2);
if (tool !== 'cli' && tool !== 'web-host') {
  console.error('Dùng: node electron/tools/launch.cjs cli|web-host …');
  process.exit(2);
}
const bundle = path.join(root, 'dist/node', `${tool}.cjs`);

/** The newest modification time of the sources the bundles are made from. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of ['electron/backend', 'shared']) walk(path.join(root, d));
  return Math.max(newest, fs.statSync(path.join(root, 'electron/tools/build.ts')).mtimeMs, fs.statSync(path.join(root, 'package.json')).mtimeMs);
}

const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
if (built < newestSource()) {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'electron/tools/build.ts'), '--node-tools'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) {
    console.error('Không dựng được chương trình dòng lệnh (dist/node). Hãy chạy lại "npm ci".');
    process.exit(1);
  }
}
process.argv = [process.argv[0], bundle, ...args];
require(bundle);
