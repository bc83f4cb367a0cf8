/**
 * Where a worker thread's code is. Bundled builds carry each worker as a `.cjs` beside the bundle.
 * From source (tests, the bench, tsx) the worker's TypeScript is bundled once per process by
 * esbuild into one script whose packages are required from the repository, instead of tsx
 * registered inside each worker (its loader and transformer in every thread: 27 MB resident at a
 * worker's start against 18 MB bundled, and a higher national merge peak in the bench).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

type WorkerName = 'parse-workbook' | 'read-query';
const fromSource = new Map<WorkerName, string>();

export function workerSource(name: WorkerName): { source: string | URL; eval: boolean } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { source: new URL(`./${name}.worker.cjs`, here), eval: false };
  let script = fromSource.get(name);
  if (!script) {
    // esbuild is a development dependency: required only here, never by the bundles.
    const esbuild = createRequire(here)('esbuild') as typeof import('esbuild');
    const built = esbuild.buildSync({
      entryPoints: [fileURLToPath(new URL(`./${name}.worker.ts`, here))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    // The script's `require` resolves packages from this folder, as the module's own would.
    script = `(function (require) {\n${built.outputFiles[0]!.text}\n})(require('node:module').createRequire(${JSON.stringify(here)}));`;
    fromSource.set(name, script);
  }
  return { source: script, eval: true };
}
