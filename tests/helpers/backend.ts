/** Test helpers: a real backend on a real SQLite file in a fresh temporary folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiArgs, ApiMethod, ApiResult } from '../../shared/api/contract';
import { startBackend, type Backend } from '../../electron/backend/index';

export const REPO_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export function tempDir(prefix = 'tonghop-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function testBackend(options: { demo?: boolean; now?: Date } = {}): Promise<Backend & { dir: string }> {
  const dir = tempDir();
  const backend = await startBackend({
    dbPath: path.join(dir, 'tonghop.sqlite'),
    demoOnEmpty: options.demo ?? false,
    now: options.now ? () => options.now! : undefined,
    log: () => undefined,
  });
  return Object.assign(backend, { dir });
}

/** Calls a method and returns its result; fails the test with the backend's message otherwise. */
export async function call<M extends ApiMethod>(backend: Backend, method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
  const r = await backend.dispatch(method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.type}: ${r.error.message}`);
  return r.result as ApiResult<M>;
}

/** Calls a method that must fail, and returns its error. */
export async function callError<M extends ApiMethod>(backend: Backend, method: M, args: unknown) {
  const r = await backend.dispatch(method, args);
  if (r.ok) throw new Error(`${method} succeeded but was expected to fail`);
  return r.error;
}
