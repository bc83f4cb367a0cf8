/**
 * The local HTTP host: serves the built renderer and answers the API contract at
 * POST /api/:method, on 127.0.0.1 only. Same backend as the Electron shell.
 *
 * Nothing reaches the data without this start's token: the host prints an address carrying a
 * random 256-bit token once; the page opened there trades it for an HttpOnly, SameSite=Strict
 * cookie, and every /api call without that cookie gets 401. Another program or another Windows
 * account on the same PC does not have it. The Host and Origin must be the host's own; no
 * request, however malformed, ends the process.
 *
 *   npm run web -- [--db PATH] [--port N] [--open]
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';
import { parseArgs, stringFlag } from './args';
import { defaultDbPath } from './default-paths';
import { startBackend, type Backend } from './index';
import { UploadTooLarge } from './services/uploads';

const MB = 1024 * 1024;
/**
 * What a call's JSON may carry: files only to the methods that take them. The page streams a
 * file to POST /api/upload first (UPLOAD_LIMIT, to disk) and names it by id, so these bodies
 * stay small; base64 inline is for small files only (a whole database always comes streamed).
 */
const BODY_LIMITS: Record<string, number> = {
  'report-import': 42 * MB,
  'plan-import-preview': 42 * MB,
  'plan-import-commit': 42 * MB,
  'catalogue-import-preview': 42 * MB,
  'catalogue-import-commit': 42 * MB,
  'file-open': 62 * MB,
};
const DEFAULT_BODY_LIMIT = 2 * MB;
/** The largest file streamed: a whole database (200 MB). */
export const UPLOAD_LIMIT = 200 * MB;
export const bodyLimit = (method: string) => BODY_LIMITS[method] ?? DEFAULT_BODY_LIMIT;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebHost {
  /** The host's address (every /api call there needs the session cookie). */
  url: string;
  /** The address to open once: it carries the token and sets the session cookie. */
  openUrl: string;
  /** The cookie a client outside the browser sends (tests, the bench): `name=token`. */
  cookie: string;
  server: http.Server;
  backend: Backend;
  close(): Promise<void>;
}

export function defaultRendererDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // From source: electron/backend → dist/renderer; bundled: dist/node → dist/renderer.
  const candidates = [path.resolve(here, '../../dist/renderer'), path.resolve(here, '../renderer')];
  return candidates.find((c) => fs.existsSync(path.join(c, 'index.html'))) ?? candidates[0]!;
}

export async function startWebHost(options: { dbPath: string; port?: number; rendererDir?: string }): Promise<WebHost> {
  const backend = await startBackend({ dbPath: options.dbPath });
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  const token = randomBytes(32).toString('base64url');
  let cookieName = 'tonghop_session';
  const isToken = (candidate: string | null | undefined) => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  const hasSession = (req: http.IncomingMessage) => isToken(cookieOf(req.headers.cookie, cookieName));

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // Refuse requests whose Host is not this loopback address (DNS rebinding), and pages of other sites.
    if (!allowedHosts.has(req.headers.host ?? '')) return plain(res, 421, 'Misdirected request');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return plain(res, 403, 'Không nhận yêu cầu từ trang khác.');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return plain(res, 400, 'Địa chỉ không hợp lệ.');
    }
    // The address printed at start: trade the token for the session cookie, then drop it from the address bar.
    const offered = url.searchParams.get('t');
    if (offered !== null) {
      if (!isToken(offered)) return plain(res, 401, 'Mã truy cập không đúng: hãy mở địa chỉ TongHop in ra khi khởi động.');
      res.writeHead(303, { location: '/', 'set-cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`, 'cache-control': 'no-store' }).end();
      return;
    }
    const pathname = safeDecode(url.pathname);
    if (pathname === null) return plain(res, 400, 'Địa chỉ không hợp lệ.');
    if (pathname.startsWith('/api/')) {
      if (!hasSession(req)) {
        res.writeHead(401, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ ok: false, error: { type: 'transport', message: 'Chưa đăng nhập phiên làm việc: hãy mở TongHop bằng địa chỉ in ra khi khởi động (có mã truy cập).', method: pathname.slice(5) } }));
        req.resume();
        return;
      }
      void handleApi(req, res, backend, pathname.slice(5)).catch(() => {
        if (!res.headersSent) plain(res, 500, 'Lỗi máy chủ.');
        else res.destroy();
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, '');
    serveStatic(res, rendererDir, pathname);
  };
  const server = http.createServer((req, res) => {
    // No request may end the process: anything thrown while answering is a 500.
    try {
      handle(req, res);
    } catch {
      if (!res.headersSent) plain(res, 500, 'Lỗi máy chủ.');
      else res.destroy();
    }
  });
  // A request that is not HTTP at all (bad headers, a broken line): answer 400 and close, nothing more.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  // Cookies are per host, not per port: each running host has its own name.
  cookieName = `tonghop_${port}`;
  return {
    url: `http://127.0.0.1:${port}/`,
    openUrl: `http://127.0.0.1:${port}/?t=${token}`,
    cookie: `${cookieName}=${token}`,
    server,
    backend,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.close();
    },
  };
}

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, backend: Backend, method: string): Promise<void> {
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  if (method === 'upload') return handleUpload(req, res, backend, send);
  if (req.method !== 'POST' || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
    send(405, { ok: false, error: { type: 'transport', message: 'Chỉ nhận POST application/json.', method } });
    return;
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  const limit = bodyLimit(method);
  const tooLarge = () => refuseRest(req, res, () => send(413, { ok: false, error: { type: 'validation', message: `Dữ liệu gửi lên quá lớn (tối đa ${Math.round(limit / MB)} MB cho chức năng này).`, method } }));
  if (declared > limit) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return tooLarge();
    chunks.push(chunk as Buffer);
  }
  let args: unknown;
  try {
    args = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
  } catch {
    send(400, { ok: false, error: { type: 'transport', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.', method } });
    return;
  }
  send(200, await backend.dispatch(method, args));
}

/** Answers, then closes once the answer is out (the rest of the body is not read). */
function refuseRest(req: http.IncomingMessage, res: http.ServerResponse, answer: () => void): void {
  res.setHeader('connection', 'close');
  res.once('finish', () => setTimeout(() => req.destroy(), 50));
  answer();
}

/** POST /api/upload: a file's raw bytes, written to disk as they come; answers the id that names it in a later call. */
async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, backend: Backend, send: (status: number, body: unknown) => void): Promise<void> {
  const method = 'upload';
  if (req.method !== 'POST' || !(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
    return refuseRest(req, res, () => send(405, { ok: false, error: { type: 'transport', message: 'Chỉ nhận POST application/octet-stream.', method } }));
  }
  const tooLarge = () => refuseRest(req, res, () => send(413, { ok: false, error: { type: 'validation', message: `Tệp quá lớn (tối đa ${UPLOAD_LIMIT / MB} MB).`, method } }));
  if (Number(req.headers['content-length'] ?? 0) > UPLOAD_LIMIT) return tooLarge();
  try {
    send(200, { ok: true, result: await backend.ctx.uploads.receive(req, UPLOAD_LIMIT) });
  } catch (e) {
    if (e instanceof UploadTooLarge) return tooLarge();
    // The page went away mid-file, or the disk is full: nothing was kept.
    if (!res.headersSent && !req.destroyed) send(500, { ok: false, error: { type: 'internal', message: 'Không lưu được tệp gửi lên (ổ đĩa đầy hoặc bị ngắt giữa chừng).', method } });
  }
}

function plain(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(text);
}

/** A path's %-escapes decoded; null when they are not valid UTF-8 (/%zz, /%E0). */
function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** One cookie's value from a Cookie header. */
export function cookieOf(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return null;
}

/** Opens the address in the default browser, without a shell (the address carries the token). */
function openInBrowser(url: string): void {
  const custom = process.env.TONGHOP_OPEN_WITH;
  const [command, args] = custom ? [custom, [url]] : process.platform === 'win32' ? ['explorer.exe', [url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
  child.once('error', () => console.log('Không tự mở được trình duyệt: hãy mở địa chỉ trên bằng trình duyệt.'));
  child.unref();
}

function serveStatic(res: http.ServerResponse, root: string, pathname: string): void {
  const relative = path.normalize(pathname).replace(/^([/\\])+/, '');
  let file = path.resolve(root, relative || 'index.html');
  if (!file.startsWith(path.resolve(root) + path.sep) && file !== path.resolve(root)) {
    res.writeHead(403).end();
    return;
  }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Chưa build giao diện: hãy chạy "npm run build".');
    return;
  }
  res.writeHead(200, {
    'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  });
  fs.createReadStream(file).pipe(res);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dbPath = path.resolve(stringFlag(args, 'db') ?? defaultDbPath());
  const portFlag = stringFlag(args, 'port');
  const port = portFlag === undefined ? 0 : Number(portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Cổng không hợp lệ: ${portFlag}`);
    process.exit(2);
  }
  try {
    const host = await startWebHost({ dbPath, port });
    console.log(`TongHop đang chạy. Mở địa chỉ này bằng trình duyệt (chỉ dùng được trên máy này, cho lần chạy này):\n  ${host.openUrl}\n(dữ liệu: ${dbPath})`);
    console.log(`LISTENING ${host.openUrl}`);
    if (args.flags.get('open') === true) openInBrowser(host.openUrl);
    const stop = () => void host.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}

const isEntry = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) void main();
