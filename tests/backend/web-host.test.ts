import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/backend/web-host';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';
import { tempDir } from '../helpers/backend';

/** A raw request, so tests can set any Host header. */
function request(url: string, options: { method?: string; host?: string; body?: string; contentType?: string } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname, method: options.method ?? 'GET', headers: { host: options.host ?? u.host, ...(options.contentType ? { 'content-type': options.contentType } : {}) } },
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

  it('answers the contract at POST /api/:method, errors as data', async () => {
    const plans = await request(`${host.url}api/plan-list`, { method: 'POST', body: '{}', contentType: 'application/json' });
    const body = JSON.parse(plans.body);
    expect(body.ok).toBe(true);
    expect(body.result.length).toBe(5); // demo loaded on first start
    const unknown = JSON.parse((await request(`${host.url}api/plan-explode`, { method: 'POST', body: '{}', contentType: 'application/json' })).body);
    expect(unknown).toEqual({ ok: false, error: { type: 'unknown_method', message: 'Không có chức năng "plan-explode".', method: 'plan-explode' } });
    const invalid = JSON.parse((await request(`${host.url}api/plan-get`, { method: 'POST', body: '{"id":"abc"}', contentType: 'application/json' })).body);
    expect(invalid.error.type).toBe('validation');
    expect(invalid.error.message).toMatch(/^Mục đã chọn /);
    const notJson = await request(`${host.url}api/plan-list`, { method: 'POST', body: '{', contentType: 'application/json' });
    expect(notJson.status).toBe(400);
    const get = await request(`${host.url}api/plan-list`);
    expect(get.status).toBe(405);
  });

  it('refuses another Host (DNS rebinding)', async () => {
    const r = await request(`${host.url}api/plan-list`, { method: 'POST', host: 'evil.example:80', body: '{}', contentType: 'application/json' });
    expect(r.status).toBe(421);
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
