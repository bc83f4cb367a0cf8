import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/backend/web-host';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';
import { tempDir } from '../helpers/backend';
import { fillTemplate } from '../helpers/fill-template';
import { UploadStore, UploadTooLarge } from '../../electron/backend/services/uploads';

/** A raw request, so tests can set any Host header (and send the session cookie or not). */
function request(
  url: string,
  options: { method?: string; host?: string; body?: string | Buffer; contentType?: string; cookie?: string; headers?: Record<string, string>; rawPath?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: options.rawPath ?? u.pathname + u.search,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? u.host, ...(options.contentType ? { 'content-type': options.contentType } : {}), ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('local HTTP host', () => {
  let host: WebHost;
  let renderer: string;

  beforeAll(async () => {
    const dir = tempDir();
    renderer = path.join(dir, 'renderer');
    fs.mkdirSync(renderer);
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>TongHop</title>');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    host = await startWebHost({ dbPath: path.join(dir, 'tonghop.sqlite'), rendererDir: renderer });
  });
  afterAll(() => host.close());

  it('listens on 127.0.0.1 only, on a random port', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const address = host.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  const api = (method: string, body: string | Buffer, extra: Parameters<typeof request>[1] = {}) => request(`${host.url}api/${method}`, { method: 'POST', body, contentType: 'application/json', cookie: host.cookie, ...extra });

  it('answers the contract at POST /api/:method, errors as data', async () => {
    const plans = await api('plan-list', '{}');
    const body = JSON.parse(plans.body);
    expect(body.ok).toBe(true);
    expect(body.result.length).toBe(5); // demo loaded on first start
    const unknown = JSON.parse((await api('plan-explode', '{}')).body);
    expect(unknown).toEqual({ ok: false, error: { type: 'unknown_method', message: 'Không có chức năng "plan-explode".', method: 'plan-explode' } });
    const invalid = JSON.parse((await api('plan-get', '{"id":"abc"}')).body);
    expect(invalid.error.type).toBe('validation');
    expect(invalid.error.message).toMatch(/^Mục đã chọn /);
    const notJson = await api('plan-list', '{');
    expect(notJson.status).toBe(400);
    const get = await request(`${host.url}api/plan-list`, { cookie: host.cookie });
    expect(get.status).toBe(405);
  });

  it('refuses another Host (DNS rebinding)', async () => {
    const r = await api('plan-list', '{}', { host: 'evil.example:80' });
    expect(r.status).toBe(421);
  });

  it('lets nothing reach the data without this start\'s token, and trades the token for a strict cookie', async () => {
    expect(host.openUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?t=[\w-]{43}$/);
    // Another program on the PC, without the cookie: the whole database cannot be taken.
    for (const method of ['database-export', 'plan-list', 'database-open', 'file-open']) {
      const r = await request(`${host.url}api/${method}`, { method: 'POST', body: '{}', contentType: 'application/json' });
      expect(r.status, method).toBe(401);
      expect(JSON.parse(r.body).error.message).toContain('mã truy cập');
    }
    const wrong = await request(`${host.url}api/plan-list`, { method: 'POST', body: '{}', contentType: 'application/json', cookie: `${host.cookie.split('=')[0]}=${'A'.repeat(43)}` });
    expect(wrong.status).toBe(401);
    const guessed = await request(`${host.url}?t=${'B'.repeat(43)}`);
    expect(guessed.status).toBe(401);
    expect(guessed.headers['set-cookie']).toBeUndefined();
    const opened = await request(host.openUrl);
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/');
    const cookie = opened.headers['set-cookie']![0]!;
    expect(cookie).toBe(`${host.cookie}; HttpOnly; SameSite=Strict; Path=/`);
    expect((await api('plan-list', '{}', { cookie: cookie.split(';')[0] })).status).toBe(200);
  });

  it('refuses calls from another site\'s page (Origin)', async () => {
    const r = await api('plan-list', '{}', { headers: { origin: 'http://evil.example' } });
    expect(r.status).toBe(403);
    const own = await api('plan-list', '{}', { headers: { origin: host.url.replace(/\/$/, '') } });
    expect(own.status).toBe(200);
  });

  it('caps each call\'s body: files only where files are sent', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 0x20);
    const refused = await api('plan-list', big);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body).error.message).toBe('Dữ liệu gửi lên quá lớn (tối đa 2 MB cho chức năng này).');
    // The same size is a normal report upload.
    const upload = await api('report-import', Buffer.concat([Buffer.from('{"files":[{"fileName":"a.xlsx","dataBase64":"'), Buffer.alloc(3 * 1024 * 1024, 0x41), Buffer.from('"}]}')]));
    expect(upload.status).toBe(200);
  });

  const upload = (body: Buffer | (() => AsyncGenerator<Buffer>), extra: Parameters<typeof request>[1] = {}) =>
    typeof body === 'function'
      ? new Promise<{ status: number; body: string }>((resolve, reject) => {
          const u = new URL(`${host.url}api/upload`);
          const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-type': 'application/octet-stream', cookie: host.cookie } }, (res) => {
            let text = '';
            res.on('data', (c) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          });
          req.on('error', reject);
          void (async () => {
            for await (const chunk of body()) if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
            req.end();
          })();
        })
      : request(`${host.url}api/upload`, { method: 'POST', body, contentType: 'application/octet-stream', cookie: host.cookie, ...extra });

  it('streams files to disk (POST /api/upload) and takes them by id in a call', async () => {
    const status = JSON.parse((await api('period-status', '{"id":2}')).body).result;
    const unitId = status.units.find((u: { unitName: string }) => u.unitName === 'Huyện Sa Thầy').unitId;
    const t = JSON.parse((await api('template-build', JSON.stringify({ periodId: 2, unitId }))).body).result;
    const filled = fillTemplate(Buffer.from(t.dataBase64, 'base64'), { '1.1': { G: 4 } });
    const sent = await upload(filled);
    expect(sent.status).toBe(200);
    const { uploadId, size } = JSON.parse(sent.body).result;
    expect(uploadId).toMatch(/^[0-9a-f]{32}$/);
    expect(size).toBe(filled.length);
    const [imported] = JSON.parse((await api('report-import', JSON.stringify({ files: [{ fileName: 'Sa Thay.xlsx', uploadId }], periodId: 2 }))).body).result;
    expect(imported.outcome).toBe('imported');
    expect(imported.unitName).toBe('Huyện Sa Thầy');
    // The same bytes: the stored file's SHA-256 is that of the file sent.
    const { createHash } = await import('node:crypto');
    expect(imported.sha256).toBe(createHash('sha256').update(filled).digest('hex'));
    // An id that names nothing is that file's refusal, in Vietnamese; the other files of the batch go on.
    const [gone, other] = JSON.parse((await api('report-import', JSON.stringify({ files: [{ fileName: 'Cu.xlsx', uploadId: '0'.repeat(32) }, { fileName: 'Sa Thay.xlsx', uploadId }], periodId: 2 }))).body).result;
    expect(gone.outcome).toBe('rejected');
    expect(gone.problems[0].message).toBe('Cu.xlsx: tệp gửi lên không còn (đã quá một giờ hoặc chương trình đã khởi động lại). Hãy chọn lại tệp.');
    expect(other.outcome).toBe('needs_replace');
    // Neither bytes nor id; an id that is not one.
    expect(JSON.parse((await api('plan-import-preview', '{"fileName":"a.xlsx"}')).body).error.message).toBe('a.xlsx: thiếu nội dung tệp.');
    expect(JSON.parse((await api('plan-import-preview', '{"fileName":"a.xlsx","uploadId":"../../etc/passwd"}')).body).error.type).toBe('validation');
    // Only raw bytes, only with the session, and at most 200 MB.
    expect((await upload(Buffer.from('x'), { contentType: 'application/json' })).status).toBe(405);
    expect((await upload(Buffer.from('x'), { cookie: 'tonghop_1=nope' })).status).toBe(401);
    const declared = await upload(Buffer.from('x'), { headers: { 'content-length': String(201 * 1024 * 1024) } }).catch(() => ({ status: 413 }));
    expect(declared.status).toBe(413);
    expect((await api('plan-list', '{}')).status).toBe(200);
  });

  it('opens a whole database sent as a stream, holding no more than a few chunks of it in memory', async () => {
    const exported = JSON.parse((await api('database-export', '{}')).body).result;
    const db = Buffer.from(exported.dataBase64, 'base64');
    const sent = JSON.parse((await upload(db)).body).result;
    const opened = JSON.parse((await api('database-open', JSON.stringify({ fileName: 'tonghop.sqlite', uploadId: sent.uploadId }))).body);
    expect(opened.ok).toBe(true);
    // Base64 inline is for small files: a whole database always comes streamed.
    const inline = await api('database-open', JSON.stringify({ fileName: 'tonghop.sqlite', dataBase64: exported.dataBase64 + 'A'.repeat(3 * 1024 * 1024) }));
    expect(inline.status).toBe(413);
    // 120 MB in 1 MB chunks: the host writes each to disk as it comes.
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    globalThis.gc?.();
    const before = process.memoryUsage();
    let peak = 0;
    const timer = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed + m.arrayBuffers - before.heapUsed - before.arrayBuffers);
    }, 5);
    const big = await upload(async function* () {
      for (let i = 0; i < 120; i++) yield chunk;
    });
    clearInterval(timer);
    expect(big.status).toBe(200);
    expect(JSON.parse(big.body).result.size).toBe(120 * 1024 * 1024);
    expect(peak).toBeLessThan(60 * 1024 * 1024);
  });

  it('survives malformed paths, headers and bodies, and still answers', async () => {
    for (const raw of ['/%zz', '/api/%E0', '/api/%', '/%E0%A4%A', '/api/plan-list%00', '//\\..\\..', '/?t=%zz']) {
      const r = await request(`${host.url}`, { rawPath: raw, method: raw.startsWith('/api') ? 'POST' : 'GET', body: '{}', contentType: 'application/json', cookie: host.cookie });
      expect(r.status, raw).toBeGreaterThanOrEqual(200);
    }
    for (const body of ['{"a":', '\u0000\u0001', '[1,2', 'null', '"x"', '{"__proto__":{"x":1}}']) {
      const r = await api('plan-list', body);
      expect([200, 400]).toContain(r.status);
    }
    // Not HTTP at all, and a header line that is not one.
    const port = Number(new URL(host.url).port);
    for (const junk of ['GARBAGE\r\n\r\n', 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n', 'POST /api/plan-list HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n']) {
      await new Promise<void>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.end(junk));
        socket.on('data', () => undefined);
        socket.on('close', () => resolve());
        socket.on('error', () => resolve());
      });
    }
    expect((await api('plan-list', '{}')).status).toBe(200);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const index = await request(host.url);
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
    const escape = await request(`${host.url}..%2Fsecret.txt`);
    expect(escape.body).not.toContain('secret');
    const deep = await request(`${host.url}assets/..%2F..%2Fsecret.txt`);
    expect(deep.body).not.toContain('secret');
  });
});

describe('the staged uploads', () => {
  it('stops a file past its limit and keeps nothing of it; files are private, swept after an hour and removed on close', async () => {
    const store = new UploadStore(60 * 60 * 1000);
    async function* chunks(n: number) {
      for (let i = 0; i < n; i++) yield Buffer.alloc(1000, 1);
    }
    const ok = await store.receive(chunks(3), 5000);
    expect(store.read(ok.uploadId, 'a.xlsx').length).toBe(3000);
    await expect(store.receive(chunks(6), 5000)).rejects.toBeInstanceOf(UploadTooLarge);
    const dir = path.dirname(path.join((store as unknown as { dir: string }).dir, 'x'));
    expect(fs.readdirSync(dir)).toEqual([ok.uploadId]);
    if (process.platform !== 'win32') {
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dir, ok.uploadId)).mode & 0o777).toBe(0o600);
    }
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(path.join(dir, ok.uploadId), old, old);
    store.sweep();
    expect(() => store.read(ok.uploadId, 'a.xlsx')).toThrow('a.xlsx: tệp gửi lên không còn');
    await store.receive(chunks(1), 5000);
    store.close();
    expect(fs.existsSync(dir)).toBe(false);
  });
});
