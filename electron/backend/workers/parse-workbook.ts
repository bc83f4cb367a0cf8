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

interface Job {
  id: number;
  bytes: Uint8Array;
  limits: ParseLimits;
  resolve: (reply: WorkerReply) => void;
  reject: (e: Error) => void;
}

/**
 * Files handed to a worker ahead of the one it parses: enough for the next call's files while this
 * thread stores a call's (16 reports are about 0,3 MB). Each is copied into the worker, so large
 * files are handed one at a time: at most AHEAD_BYTES ahead, and always the next one.
 */
const AHEAD = 16;
const AHEAD_BYTES = 16 * 1024 * 1024;

const limitsKey = (limits: ParseLimits) => `${limits.maxMemoryMb}`;

/**
 * The parsing worker, kept between files (starting one costs far more than parsing a report).
 * Files are handed to it ahead of time, so it parses the next ones while this thread checks and
 * stores (a reply waits in its queue until this thread is free; the worker does not). It parses
 * one file at a time, in order: the file at the head is the one it is on, and the one to blame
 * when it runs past its time or dies (memory limit, crash). It is then replaced, and the files
 * handed to it after that one go to the new worker.
 */
class WorkbookParser {
  private worker: Worker | null = null;
  private workerLimits = '';
  /** Handed to the worker, not yet answered, in order. */
  private handed: Job[] = [];
  private queued: Job[] = [];
  private timer: NodeJS.Timeout | null = null;
  private nextId = 1;

  /** Files given to this worker and not yet answered. */
  get waiting(): number {
    return this.handed.length + this.queued.length;
  }

  /** Files handed to the worker itself (the others wait on this thread). */
  get ahead(): number {
    return this.handed.length;
  }

  private spawn(limits: ParseLimits): Worker {
    if (this.worker && this.workerLimits === limitsKey(limits)) return this.worker;
    this.kill();
    const { source, eval: isEval } = workerSource('parse-workbook');
    const worker = new Worker(source, {
      eval: isEval,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    });
    worker.on('message', (m: { id: number; reply: WorkerReply }) => {
      if (this.worker !== worker || this.handed[0]?.id !== m.id) return;
      this.settleHead((job) => job.resolve(m.reply));
    });
    worker.on('error', (e) => this.fail(worker, e));
    worker.on('exit', (code) => this.fail(worker, new Error(`exit ${code}`)));
    worker.unref();
    this.worker = worker;
    this.workerLimits = limitsKey(limits);
    return worker;
  }

  /** The head's answer (or failure); the worker goes on with the next file it was handed. */
  private settleHead(settle: (job: Job) => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const job = this.handed.shift();
    if (job) settle(job);
    this.startClock();
    this.pump();
  }

  /** The head's time runs from when it is known to be the one parsed (at the latest). */
  private startClock(): void {
    const head = this.handed[0];
    if (!head || this.timer) return;
    this.timer = setTimeout(() => {
      if (this.handed[0] !== head) return;
      this.replaceWorker((job) => job.reject(new TimeoutError()));
    }, head.limits.timeoutMs);
  }

  /** The head is blamed; the files handed after it wait for a new worker. */
  private replaceWorker(blame: (job: Job) => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const [head, ...after] = this.handed;
    this.handed = [];
    this.queued.unshift(...after);
    this.kill();
    if (head) blame(head);
    this.pump();
  }

  private fail(worker: Worker, e: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.replaceWorker((job) => job.reject(e));
  }

  kill(): void {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
  }

  /** Hands queued files to the worker, up to AHEAD (and AHEAD_BYTES) of it; a file needing other limits waits until the worker has none. */
  private pump(): void {
    while (this.queued.length && this.handed.length < AHEAD) {
      const job = this.queued[0]!;
      if (this.handed.length && limitsKey(job.limits) !== this.workerLimits) break;
      if (this.handed.length && this.handed.reduce((n, j) => n + j.bytes.length, job.bytes.length) > AHEAD_BYTES) break;
      this.queued.shift();
      const worker = this.spawn(job.limits);
      this.handed.push(job);
      worker.ref();
      worker.postMessage({ id: job.id, bytes: job.bytes, maxCells: job.limits.maxCells, maxRows: job.limits.maxRows, maxSheets: job.limits.maxSheets });
    }
    // Kept alive while a file is waiting (a command-line import has nothing else to wait on), not after.
    if (!this.handed.length) this.worker?.unref();
    this.startClock();
  }

  parse(bytes: Uint8Array, limits: ParseLimits): Promise<WorkerReply> {
    return new Promise<WorkerReply>((resolve, reject) => {
      this.queued.push({ id: this.nextId++, bytes, limits, resolve, reject });
      this.pump();
    });
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

/** How many files each parsing worker holds right now (what the tests check). */
export const filesHandedToWorkers = (): number[] => pool.map((p) => p.ahead);

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
