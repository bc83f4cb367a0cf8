/** Runs the workbook parser in a worker thread with a time and memory limit. */
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import * as XLSX from 'xlsx';
import { UserError } from '../errors';
import type { ParsedWorkbook, WorkerReply } from './workbook-types';
import { sniffFile } from './sniff-file';
import { workerSource } from './worker-source';

export interface ParseLimits {
  timeoutMs: number;
  maxMemoryMb: number;
  maxCells: number;
  /** Rows of one sheet: a plan or a report has a few hundred. */
  maxRows: number;
  maxSheets: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { timeoutMs: 20_000, maxMemoryMb: 512, maxCells: 2_000_000, maxRows: 20_000, maxSheets: 200 };

interface Pending {
  id: number;
  resolve: (reply: WorkerReply) => void;
  reject: (e: Error) => void;
}

/**
 * The parsing worker, kept between files (starting one costs far more than parsing a report).
 * It is replaced when a parse runs past its time, or when it dies (memory limit, crash).
 */
class WorkbookParser {
  private worker: Worker | null = null;
  private limitsKey = '';
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  /** Files given to this worker and not yet answered. */
  waiting = 0;

  private spawn(limits: ParseLimits): Worker {
    const key = `${limits.maxMemoryMb}`;
    if (this.worker && this.limitsKey === key) return this.worker;
    this.kill();
    const { source, eval: isEval } = workerSource('parse-workbook');
    const worker = new Worker(source, {
      eval: isEval,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    });
    worker.on('message', (m: { id: number; reply: WorkerReply }) => {
      if (this.pending?.id === m.id) {
        const p = this.pending;
        this.pending = null;
        p.resolve(m.reply);
      }
    });
    worker.on('error', (e) => this.fail(worker, e));
    worker.on('exit', (code) => this.fail(worker, new Error(`exit ${code}`)));
    worker.unref();
    this.worker = worker;
    this.limitsKey = key;
    return worker;
  }

  private fail(worker: Worker, e: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const p = this.pending;
    this.pending = null;
    p?.reject(e);
  }

  kill(): void {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
  }

  /** One file at a time: a request waits for the one before it. */
  parse(bytes: Uint8Array, limits: ParseLimits): Promise<WorkerReply> {
    const run = () =>
      new Promise<WorkerReply>((resolve, reject) => {
        const worker = this.spawn(limits);
        const id = this.nextId++;
        const timer = setTimeout(() => {
          if (this.pending?.id !== id) return;
          this.pending = null;
          this.kill();
          reject(new TimeoutError());
        }, limits.timeoutMs);
        this.pending = {
          id,
          resolve: (r) => (clearTimeout(timer), resolve(r)),
          reject: (e) => (clearTimeout(timer), reject(e)),
        };
        worker.postMessage({ id, bytes, maxCells: limits.maxCells, maxRows: limits.maxRows, maxSheets: limits.maxSheets });
      });
    this.waiting++;
    const result = this.queue.then(run, run).finally(() => this.waiting--);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

class TimeoutError extends Error {}

/**
 * Workers sized to the machine's cores: one core is the main thread's, which checks and stores a
 * file while the workers parse the next ones; the others parse (at least one worker, at most 4:
 * each may take its memory limit). A worker is started when the others are all busy.
 */
const POOL_SIZE = Math.max(1, Math.min(4, os.availableParallelism() - 1));
const pool: WorkbookParser[] = [];

/** The worker with the fewest files waiting (a new one while the pool is not full). */
function parserFor(): WorkbookParser {
  const idle = pool.find((p) => p.waiting === 0);
  if (idle) return idle;
  if (pool.length < POOL_SIZE) {
    const parser = new WorkbookParser();
    pool.push(parser);
    return parser;
  }
  return pool.reduce((a, b) => (b.waiting < a.waiting ? b : a));
}

export async function parseWorkbook(bytes: Uint8Array, fileName: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<ParsedWorkbook> {
  const sniffed = sniffFile(bytes, fileName);
  if (!sniffed.ok) throw new UserError('validation', `${fileName}: ${sniffed.reason}`);
  let reply: WorkerReply;
  try {
    reply = await parserFor().parse(bytes, limits);
  } catch (e) {
    if (e instanceof TimeoutError) {
      throw new UserError('validation', `${fileName}: đọc tệp quá ${Math.round(limits.timeoutMs / 1000)} giây nên đã dừng. Tệp có thể bị hỏng hoặc quá lớn.`);
    }
    const err = e as Error & { code?: string };
    const oom = /memory|heap|ERR_WORKER_OUT_OF_MEMORY/i.test(String(err.code ?? '') + err.message);
    throw new UserError(
      'validation',
      oom ? `${fileName}: tệp cần quá nhiều bộ nhớ để đọc (giới hạn ${limits.maxMemoryMb} MB). Tệp có thể bị hỏng hoặc là tệp nén độc hại.` : describeReadError(fileName, err.message, bytes),
    );
  }
  if (reply.ok) return reply.workbook;
  if (reply.message.startsWith('TOO_MANY_ROWS:')) {
    const sheet = reply.message.slice('TOO_MANY_ROWS:'.length);
    throw new UserError('validation', `${fileName} › ${sheet}: trang tính có hơn ${limits.maxRows.toLocaleString('vi-VN')} dòng, không phải một biểu mẫu báo cáo hay bảng chỉ tiêu.`);
  }
  if (reply.message.startsWith('TOO_MANY_SHEETS:')) {
    throw new UserError('validation', `${fileName}: tệp có ${Number(reply.message.split(':')[1]).toLocaleString('vi-VN')} trang tính (quá ${limits.maxSheets}), không phải một biểu mẫu báo cáo.`);
  }
  if (reply.message.startsWith('TOO_MANY_CELLS')) {
    throw new UserError('validation', `${fileName}: tệp có quá nhiều ô (trên ${limits.maxCells.toLocaleString('vi-VN')} ô), không phải một biểu mẫu báo cáo.`);
  }
  throw new UserError('validation', describeReadError(fileName, reply.message, bytes));
}

/** An OpenDocument file saved with a password: its manifest says its parts are encrypted. */
function isEncryptedOds(bytes: Uint8Array): boolean {
  try {
    const zip = XLSX.CFB.read(bytes, { type: 'array' } as never);
    const manifest = XLSX.CFB.find(zip, '/META-INF/manifest.xml');
    return Boolean(manifest?.content && Buffer.from(manifest.content as Uint8Array).toString('utf8').includes('encryption-data'));
  } catch {
    return false;
  }
}

function describeReadError(fileName: string, message: string, bytes?: Uint8Array): string {
  if (/password|encrypt/i.test(message) || (bytes && isEncryptedOds(bytes))) return `${fileName}: tệp được đặt mật khẩu. Hãy mở bằng Excel hoặc LibreOffice, bỏ mật khẩu rồi lưu lại.`;
  if (/string longer than|Invalid string length|Array buffer allocation/i.test(message)) {
    return `${fileName}: tệp quá lớn hoặc là tệp nén độc hại, TongHop không mở tệp này.`;
  }
  if (/is not a spreadsheet|Could not find workbook|Unsupported file/i.test(message)) {
    return `${fileName}: tệp không phải bảng tính Excel (.xlsx, .xls). Hãy mở lại bằng Excel và lưu lại.`;
  }
  if (/zip|corrupt|compressed|central directory|Unsupported|invalid|cannot find|header signature|truncated/i.test(message)) {
    return `${fileName}: tệp bị hỏng hoặc không phải tệp Excel (.xlsx, .xls). Hãy mở lại bằng Excel và lưu lại.`;
  }
  return `${fileName}: không đọc được tệp (${message}).`;
}
