import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { call, callError, tempDir, testBackend } from '../helpers/backend';

const tools = ['/usr/bin/pdfsig', '/usr/bin/openssl'].every((t) => fs.existsSync(t));
if (!tools) console.log('[pdf-sign] pdfsig or openssl missing: apt-get install poppler-utils openssl (done by .ci/run)');

/** A self-signed certificate and key in a .p12, made by openssl as a CA's export would be. */
function opensslP12(dir: string, cn: string, password: string): Buffer {
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run(['req', '-x509', '-newkey', 'rsa:2048', '-keyout', 'k.pem', '-out', 'c.pem', '-days', '365', '-nodes', '-utf8', '-subj', `/CN=${cn}/O=Sở Lao động - Thương binh và Xã hội`]);
  run(['pkcs12', '-export', '-inkey', 'k.pem', '-in', 'c.pem', '-out', 'a.p12', '-passout', `pass:${password}`]);
  run(['pkcs12', '-export', '-nokeys', '-in', 'c.pem', '-out', 'nokey.p12', '-passout', `pass:${password}`]);
  return fs.readFileSync(path.join(dir, 'a.p12'));
}

/** An expired certificate (node-forge can date it in the past). */
function expiredP12(password: string): Buffer {
  const keys = forge.pki.rsa.generateKeyPair(1024);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date('2022-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2023-01-01T00:00:00Z');
  const attrs = [{ name: 'commonName', value: 'Tran Thi B' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

describe.skipIf(!tools && process.env.CI !== 'true')('digital signature of the report', () => {
  let backend: Backend;
  let dir: string;
  let p12: Buffer;
  // An hour after the certificate is made, on whole seconds.
  const now = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000);
  const vn = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00';
  const doc = async () => ({ ...(await call(backend, 'document-settings-get', { periodId: 2 })), number: '15', signerName: 'Nguyễn Văn An', date: '2024-12-05' });

  beforeAll(async () => {
    backend = await testBackend({ demo: true, now });
    dir = tempDir();
    p12 = opensslP12(dir, 'Nguyễn Văn An', 'mật khẩu');
  });
  afterAll(() => backend.close());

  it('signs with the certificate: pdfsig calls the signature valid, and the stamp shows signer and time', async () => {
    const r = await call(backend, 'merge-pdf', { periodId: 2, document: await doc(), sign: { signer: { p12Base64: p12.toString('base64'), password: 'mật khẩu' } } });
    expect(r.signedBy).toBe('Nguyễn Văn An');
    const file = path.join(dir, 'signed.pdf');
    fs.writeFileSync(file, Buffer.from(r.dataBase64, 'base64'));
    const sig = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(sig).toContain('Signature Type: ETSI.CAdES.detached');
    expect(sig).toContain('Signer Certificate Common Name: Nguyễn Văn An');
    expect(sig).toContain('Signature Validation: Signature is Valid.');
    expect(sig).toContain('Total document signed');
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Đã ký số');
    expect(text).toContain('Người ký: Nguyễn Văn An');
    expect(text).toContain(`Thời gian ký: ${vn}`);
    fs.mkdirSync(path.resolve('tests/artifacts'), { recursive: true });
    execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '1', file, path.resolve('tests/artifacts/pdf-da-ky')]);
  });

  it('says plainly when the password is wrong, the certificate expired, or there is no private key', async () => {
    const wrong = await callError(backend, 'merge-pdf', { periodId: 2, document: await doc(), sign: { signer: { p12Base64: p12.toString('base64'), password: 'sai' } } });
    expect(wrong.message).toBe('Mật khẩu của tệp chữ ký số không đúng.');
    const expired = await callError(backend, 'merge-pdf', { periodId: 2, document: await doc(), sign: { signer: { p12Base64: expiredP12('x').toString('base64'), password: 'x' } } });
    expect(expired.message).toBe('Chứng thư số của "Tran Thi B" đã hết hạn ngày 01/01/2023; không thể ký.');
    const noKey = await callError(backend, 'merge-pdf', { periodId: 2, document: await doc(), sign: { signer: { p12Base64: fs.readFileSync(path.join(dir, 'nokey.p12')).toString('base64'), password: 'mật khẩu' } } });
    expect(noKey.message).toContain('không có khóa bí mật');
    // A certificate for encryption only (key usage keyEncipherment): not for signing.
    const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    run(['req', '-x509', '-newkey', 'rsa:2048', '-keyout', 'ke.pem', '-out', 'ce.pem', '-days', '30', '-nodes', '-utf8', '-subj', '/CN=Mã hoá', '-addext', 'keyUsage=critical,keyEncipherment']);
    run(['pkcs12', '-export', '-inkey', 'ke.pem', '-in', 'ce.pem', '-out', 'enc.p12', '-passout', 'pass:x']);
    const encryption = await callError(backend, 'merge-pdf', { periodId: 2, document: await doc(), sign: { signer: { p12Base64: fs.readFileSync(path.join(dir, 'enc.p12')).toString('base64'), password: 'x' } } });
    expect(encryption.message).toBe('Chứng thư số của "Mã hoá" không dùng để ký (mục đích sử dụng khóa không có Chữ ký số / Chống chối bỏ). Hãy dùng chứng thư ký số do nhà cung cấp cấp.');
    const garbage = await callError(backend, 'merge-pdf', { periodId: 2, document: await doc(), sign: { signer: { p12Base64: Buffer.from('không phải p12').toString('base64'), password: '' } } });
    expect(garbage.message).toContain('cần tệp .p12 hoặc .pfx');
  });

  it('signs from the command line with --sign and --password-file', async () => {
    const db = path.join(dir, 'cli.sqlite');
    const tsx = path.resolve('node_modules/.bin/tsx');
    const cli = (args: string[]) => execFileSync(tsx, ['electron/backend/cli.ts', ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    cli(['demo']);
    fs.writeFileSync(path.join(dir, 'pw.txt'), 'mật khẩu\n');
    const out = path.join(dir, 'cli-signed.pdf');
    const stdout = cli(['export', '--period', '2', '--format', 'pdf', '--out', out, '--sign', path.join(dir, 'a.p12'), '--password-file', path.join(dir, 'pw.txt')]);
    expect(stdout).toContain('Đã ký số bởi Nguyễn Văn An.');
    expect(execFileSync('pdfsig', [out], { encoding: 'utf8' })).toContain('Signature Validation: Signature is Valid.');
  }, 60_000);
});
