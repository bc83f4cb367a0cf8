/**
 * Files sent to the web host as a raw body, streamed to disk instead of held in memory as JSON
 * base64 (a 200 MB database was 270 MB of JSON, buffered whole). The browser sends the file's
 * bytes to `POST /api/upload`; the answer's id then stands for the file in a call's arguments
 * (`{ fileName, uploadId }` in place of `{ fileName, dataBase64 }`).
 *
 * The staged files are in a private folder (0700, each file 0600), kept for an hour so that a
 * file waiting for the compiler's answer (replace a report? which unit?) can be sent again,
 * and removed when the host closes: a report may name children and must not stay in %TEMP%.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { UserError } from '../errors';

const KEEP_MS = 60 * 60 * 1000;
const ID = /^[0-9a-f]{32}$/;

export interface FileRef {
  fileName: string;
  dataBase64?: string;
  uploadId?: string;
}

export class UploadTooLarge extends Error {}

export class UploadStore {
  private dir: string | null = null;

  constructor(private readonly keepMs = KEEP_MS) {}

  private folder(): string {
    if (!this.dir || !fs.existsSync(this.dir)) {
      this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-tai-len-'));
      fs.chmodSync(this.dir, 0o700);
    }
    return this.dir;
  }

  /** Writes the stream to a new staged file, chunk by chunk; refuses (and removes it) past `limit` bytes. */
  async receive(body: AsyncIterable<Buffer | string> & Partial<Pick<Readable, 'destroy'>>, limit: number): Promise<{ uploadId: string; size: number }> {
    this.sweep();
    const uploadId = crypto.randomBytes(16).toString('hex');
    const file = path.join(this.folder(), uploadId);
    const fd = fs.openSync(file, 'wx', 0o600);
    let size = 0;
    try {
      for await (const chunk of body) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        size += bytes.length;
        if (size > limit) throw new UploadTooLarge(`${size} > ${limit}`);
        fs.writeSync(fd, bytes);
      }
      fs.fsyncSync(fd);
    } catch (e) {
      fs.closeSync(fd);
      fs.rmSync(file, { force: true });
      throw e;
    }
    fs.closeSync(fd);
    return { uploadId, size };
  }

  /** The bytes of a staged file; a clear message when the id is unknown or the file has expired. */
  read(uploadId: string, fileName: string): Buffer {
    const file = this.dir && ID.test(uploadId) ? path.join(this.dir, uploadId) : null;
    if (!file || !fs.existsSync(file)) {
      throw new UserError('validation', `${fileName}: tệp gửi lên không còn (đã quá một giờ hoặc chương trình đã khởi động lại). Hãy chọn lại tệp.`);
    }
    return fs.readFileSync(file);
  }

  /** Removes the staged files older than an hour. */
  sweep(): void {
    if (!this.dir) return;
    const now = Date.now();
    try {
      for (const name of fs.readdirSync(this.dir)) {
        const file = path.join(this.dir, name);
        try {
          if (now - fs.statSync(file).mtimeMs >= this.keepMs) fs.rmSync(file, { force: true });
        } catch {
          // Gone already.
        }
      }
    } catch {
      // The folder was removed: the next upload makes a new one.
    }
  }

  /** Removes every staged file and the folder. */
  close(): void {
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

/** A sent file's bytes, whichever way it came (base64 in the call, or staged by the web host). */
export function sentBytes(uploads: UploadStore, ref: FileRef): Buffer {
  if (ref.uploadId !== undefined) return uploads.read(ref.uploadId, ref.fileName);
  if (ref.dataBase64 === undefined) throw new UserError('validation', `${ref.fileName}: thiếu nội dung tệp.`);
  return Buffer.from(ref.dataBase64, 'base64');
}

/** A sent file's bytes; an empty file is refused. */
export function fileBytes(uploads: UploadStore, ref: FileRef): Buffer {
  const bytes = sentBytes(uploads, ref);
  if (bytes.length === 0) throw new UserError('validation', `${ref.fileName}: tệp rỗng.`);
  return bytes;
}
