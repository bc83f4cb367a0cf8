/**
 * The local HTTP host: serves the built renderer and answers the API contract at
 * POST /api/:method, on 127.0.0.1 only. Same backend as the Electron shell.
 *
 *   npm run web -- [--db PATH] [--port N]
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';
import { parseArgs, stringFlag } from './args';
import { defaultDbPath } from './default-paths';
import { startBackend, type Backend } from './index';

// A whole database file (restore from another computer) is the largest thing sent: 200 MB as base64.
const MAX_BODY_BYTES = 290 * 1024 * 1024;

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
  url: string;
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

  const server = http.createServer((req, res) => {
    // Refuse requests whose Host is not this loopback address (DNS rebinding).
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('Misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      void handleApi(req, res, backend, decodeURIComponent(url.pathname.slice(5)));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(res, rendererDir, url.pathname);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/`,
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
  if (req.method !== 'POST' || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
    send(405, { ok: false, error: { type: 'transport', message: 'Chỉ nhận POST application/json.', method } });
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      send(413, { ok: false, error: { type: 'validation', message: 'Dữ liệu gửi lên quá lớn (tối đa 30 MB mỗi tệp báo cáo, 200 MB cho tệp dữ liệu).', method } });
      req.destroy();
      return;
    }
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

function serveStatic(res: http.ServerResponse, root: string, pathname: string): void {
  const relative = path.normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
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
    console.log(`TongHop đang chạy tại ${host.url}  (dữ liệu: ${dbPath})`);
    console.log(`LISTENING ${host.url}`);
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
