/**
 * Bundles the Electron shell (main, preload) and the worker threads into dist/electron with
 * esbuild. better-sqlite3 stays external (native); electron is provided by the runtime.
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
  // Native modules, and pdfmake/pdfkit which read their font metrics from beside their own files.
  external: ['electron', 'better-sqlite3', 'pdfmake', 'pdfkit', 'graphene-pk11', 'pkcs11js'],
  // Bundled CommonJS has no import.meta: derive it from __filename.
  define: { 'import.meta.url': '__import_meta_url' },
  banner: { js: 'const __import_meta_url = require("url").pathToFileURL(__filename).href;' },
};

await Promise.all([
  build({ ...common, entryPoints: [path.join(root, 'electron/main/index.ts')], outfile: path.join(out, 'main.cjs') }),
  build({ ...common, entryPoints: [path.join(root, 'electron/preload/index.ts')], outfile: path.join(out, 'preload.cjs'), banner: {}, define: {} }),
  build({ ...common, entryPoints: [path.join(root, 'electron/backend/workers/parse-workbook.worker.ts')], outfile: path.join(out, 'parse-workbook.worker.cjs') }),
]);
console.log('Built dist/electron (main, preload, workers).');
