/**
 * Where a worker thread's code is. Bundled builds carry each worker as a `.cjs` beside the bundle;
 * from source (tests, tsx) the worker is its `.ts` file, started through a tiny bootstrap that
 * registers tsx inside the worker.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export function workerSource(name: 'parse-workbook' | 'read-query'): { source: string | URL; eval: boolean } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { source: new URL(`./${name}.worker.cjs`, here), eval: false };
  const tsxPackage = createRequire(here).resolve('tsx/package.json');
  const tsxApi = pathToFileURL(path.join(path.dirname(tsxPackage), 'dist/esm/api/index.mjs')).href;
  const worker = new URL(`./${name}.worker.ts`, here).href;
  return {
    source: `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`,
    eval: true,
  };
}
