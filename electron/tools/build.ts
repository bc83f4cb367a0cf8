/**
 * Bundles the Electron shell (main, preload) and the worker threads into dist/electron with
 * esbuild; with --node-tools, the command line and the web host into dist/node. better-sqlite3 stays external (native); electron is provided by the runtime.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'dist/electron');

const common = {
  bundle: true,
  platform: 'node' as const,
  format: 'cjs' as const,
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning' as const,
  // Native modules, pdfmake/pdfkit which read their font metrics from beside their own files, and
  // ECharts, loaded on the first chart only (the CLI starts without parsing it).
  external: ['electron', 'better-sqlite3', 'pdfmake', 'pdfkit', 'graphene-pk11', 'pkcs11js', 'echarts'],
  // Bundled CommonJS has no import.meta: derive it from __filename.
  define: { 'import.meta.url': '__import_meta_url' },
  banner: { js: 'const __import_meta_url = require("url").pathToFileURL(__filename).href;' },
};

const worker = (dir: string) =>
  Promise.all(
    ['parse-workbook', 'read-query'].map((name) => build({ ...common, entryPoints: [path.join(root, `electron/backend/workers/${name}.worker.ts`)], outfile: path.join(dir, `${name}.worker.cjs`) })),
  );

if (process.argv.includes('--node-tools')) {
  // The command line and the web host as plain JavaScript for node (electron/tools/launch.cjs builds them when stale).
  const tools = path.join(root, 'dist/node');
  await Promise.all([
    build({ ...common, entryPoints: [path.join(root, 'electron/backend/cli.ts')], outfile: path.join(tools, 'cli.cjs') }),
    build({ ...common, entryPoints: [path.join(root, 'electron/backend/web-host.ts')], outfile: path.join(tools, 'web-host.cjs') }),
    worker(tools),
  ]);
} else {
  await Promise.all([
    build({ ...common, entryPoints: [path.join(root, 'electron/main/index.ts')], outfile: path.join(out, 'main.cjs') }),
    build({ ...common, entryPoints: [path.join(root, 'electron/preload/index.ts')], outfile: path.join(out, 'preload.cjs'), banner: {}, define: {} }),
    worker(out),
  ]);
  console.log('Built dist/electron (main, preload, workers).');
}
