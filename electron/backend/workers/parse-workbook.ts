/** Runs the workbook parser in a worker thread with a time and memory limit. */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../errors';
import type { ParsedWorkbook, WorkerReply } from './workbook-types';

export interface ParseLimits {
  timeoutMs: number;
  maxMemoryMb: number;
  maxCells: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { timeoutMs: 20_000, maxMemoryMb: 512, maxCells: 2_000_000 };

/**
 * Bundled builds carry the worker as a sibling `.cjs`; from source (tests, tsx) the worker is
 * the `.ts` file, started through a tiny bootstrap that registers tsx inside the worker.
 */
function workerSource(): { source: string | URL; eval: boolean } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { source: new URL('./parse-workbook.worker.cjs', here), eval: false };
  const tsxPackage = createRequire(here).resolve('tsx/package.json');
  const tsxApi = pathToFileURL(path.join(path.dirname(tsxPackage), 'dist/esm/api/index.mjs')).href;
  const worker = new URL('./parse-workbook.worker.ts', here).href;
  return {
    source: `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`,
    eval: true,
  };
}

export function parseWorkbook(bytes: Uint8Array, fileName: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<ParsedWorkbook> {
  const { source, eval: isEval } = workerSource();
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, {
      eval: isEval,
      workerData: { bytes, maxCells: limits.maxCells },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () => finish(() => reject(new UserError('validation', `${fileName}: đọc tệp quá ${Math.round(limits.timeoutMs / 1000)} giây nên đã dừng. Tệp có thể bị hỏng hoặc quá lớn.`))),
      limits.timeoutMs,
    );
    worker.once('message', (reply: WorkerReply) =>
      finish(() => {
        if (reply.ok) return resolve(reply.workbook);
        if (reply.message.startsWith('TOO_MANY_CELLS')) {
          return reject(new UserError('validation', `${fileName}: tệp có quá nhiều ô (trên ${limits.maxCells.toLocaleString('vi-VN')} ô), không phải một biểu mẫu báo cáo.`));
        }
        reject(new UserError('validation', describeReadError(fileName, reply.message)));
      }),
    );
    worker.once('error', (e) =>
      finish(() => {
        const oom = /memory|heap|ERR_WORKER_OUT_OF_MEMORY/i.test(String((e as Error & { code?: string }).code ?? '') + e.message);
        reject(new UserError('validation', oom ? `${fileName}: tệp cần quá nhiều bộ nhớ để đọc (giới hạn ${limits.maxMemoryMb} MB). Tệp có thể bị hỏng hoặc là tệp nén độc hại.` : describeReadError(fileName, e.message)));
      }),
    );
    worker.once('exit', (code) => finish(() => reject(new UserError('validation', `${fileName}: không đọc được tệp (trình đọc dừng với mã ${code}).`))));
  });
}

function describeReadError(fileName: string, message: string): string {
  if (/password|encrypt/i.test(message)) return `${fileName}: tệp được đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại.`;
  if (/zip|corrupt|compressed|central directory|Unsupported|invalid|cannot find|header signature|truncated/i.test(message)) {
    return `${fileName}: tệp bị hỏng hoặc không phải tệp Excel (.xlsx, .xls). Hãy mở lại bằng Excel và lưu lại.`;
  }
  return `${fileName}: không đọc được tệp (${message}).`;
}
