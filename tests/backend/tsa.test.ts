/**
 * RFC 3161 timestamps, optional: with a TSA address set, each signature's value is timestamped
 * and the token is an unsigned attribute of the CMS. No TSA is reachable here, so a stub on
 * 127.0.0.1 answers with `openssl ts -reply` (a TSA certificate with the critical timeStamping
 * EKU), and `openssl ts -verify` checks the token against the signature it covers.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { OID } from '../../electron/backend/pdf/cms';
import { call, callError, tempDir, testBackend } from '../helpers/backend';

const tools = ['/usr/bin/openssl', '/usr/bin/pdfsig'].every((t) => fs.existsSync(t));
if (!tools) console.log('[tsa] openssl or pdfsig missing: apt-get install openssl poppler-utils (done by .ci/run)');

const TSA_CONFIG = `
[ tsa ]
default_tsa = tsa_config1
[ tsa_config1 ]
dir = .
serial = ./tsaserial
crypto_device = builtin
signer_cert = ./tsa.crt
certs = ./tsa.crt
signer_key = ./tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = yes
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

describe.skipIf(!tools && process.env.CI !== 'true')('RFC 3161 timestamps from a configured TSA', () => {
  let backend: Backend;
  let dir: string;
  let server: http.Server;
  let url: string;
  /** What the stub answers: a real reply, a rejection, or a reply to another query. */
  let mode: 'reply' | 'reject' | 'other' = 'reply';
  const requests: Array<{ contentType: string | undefined; query: Buffer }> = [];
  let key: { p12Base64: string; password: string };

  beforeAll(async () => {
    backend = await testBackend({ demo: true });
    dir = tempDir();
    const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    run(['req', '-x509', '-newkey', 'rsa:2048', '-keyout', 'tsa.key', '-out', 'tsa.crt', '-days', '30', '-nodes', '-utf8', '-subj', '/CN=Máy chủ dấu thời gian thử', '-addext', 'extendedKeyUsage=critical,timeStamping']);
    fs.writeFileSync(path.join(dir, 'tsa.cnf'), TSA_CONFIG);
    fs.writeFileSync(path.join(dir, 'tsaserial'), '01\n');
    run(['req', '-x509', '-newkey', 'rsa:2048', '-keyout', 'k.pem', '-out', 'c.pem', '-days', '30', '-nodes', '-utf8', '-subj', '/CN=Nguyễn Văn An']);
    run(['pkcs12', '-export', '-inkey', 'k.pem', '-in', 'c.pem', '-out', 'a.p12', '-passout', 'pass:mk']);
    key = { p12Base64: fs.readFileSync(path.join(dir, 'a.p12')).toString('base64'), password: 'mk' };
    // Another query's reply, for the mismatch case.
    run(['ts', '-query', '-data', 'tsa.cnf', '-sha256', '-cert', '-out', 'other.tsq']);
    run(['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', 'other.tsq', '-out', 'other.tsr']);
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const query = Buffer.concat(chunks);
        requests.push({ contentType: req.headers['content-type'], query });
        fs.writeFileSync(path.join(dir, 'q.tsq'), query);
        if (mode === 'reject') {
          // TimeStampResp { status { rejection (2) } }
          res.end(Buffer.from('30053003020102', 'hex'));
          return;
        }
        if (mode === 'other') return res.end(fs.readFileSync(path.join(dir, 'other.tsr')));
        run(['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', 'q.tsq', '-out', 'r.tsr']);
        res.setHeader('Content-Type', 'application/timestamp-reply');
        res.end(fs.readFileSync(path.join(dir, 'r.tsr')));
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  });
  afterAll(async () => {
    backend.close();
    await new Promise((ok) => server.close(ok));
  });

  const settings = async (tsaUrl: string) => call(backend, 'settings-set', { ...(await call(backend, 'settings-get', {})), tsaUrl });
  const sign = async () => call(backend, 'merge-pdf', { periodId: 2, document: { ...(await call(backend, 'document-settings-get', { periodId: 2 })), signerName: 'Nguyễn Văn An' }, sign: { signer: key } });

  it('asks the TSA over HTTP with a proper query, and the token it puts in the CMS verifies with openssl ts', async () => {
    await settings(url);
    mode = 'reply';
    const r = await sign();
    const pdf = Buffer.from(r.dataBase64, 'base64');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.contentType).toBe('application/timestamp-query');
    const query = execFileSync('openssl', ['ts', '-query', '-in', 'q.tsq', '-text'], { cwd: dir, encoding: 'utf8' });
    expect(query).toContain('Hash Algorithm: sha256');
    expect(query).toMatch(/Nonce: 0x[0-9A-F]+/);
    expect(query).toContain('Certificate required: yes');

    const file = path.join(dir, 'signed.pdf');
    fs.writeFileSync(file, pdf);
    expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature Validation: Signature is Valid.');
    // The CMS: signerInfo's [1] unsigned attributes hold id-aa-timeStampToken over the signature value.
    const hex = /\/Contents <([0-9a-f]+)>/.exec(pdf.toString('latin1'))![1]!;
    const root = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(hex, 'hex').toString('binary')), { parseAllBytes: false } as unknown as boolean);
    const signedData = ((root.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const signerInfo = (signedData[signedData.length - 1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const signatureValue = Buffer.from(signerInfo[5]!.value as string, 'binary');
    const unsigned = signerInfo[6]!;
    expect(unsigned.tagClass).toBe(forge.asn1.Class.CONTEXT_SPECIFIC);
    const attribute = (unsigned.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    expect(forge.asn1.derToOid(attribute[0]!.value as string)).toBe(OID.timeStampToken);
    const token = (attribute[1]!.value as forge.asn1.Asn1[])[0]!;
    fs.writeFileSync(path.join(dir, 'token.der'), Buffer.from(forge.asn1.toDer(token).getBytes(), 'binary'));
    fs.writeFileSync(path.join(dir, 'sig.bin'), signatureValue);
    const verified = execFileSync('openssl', ['ts', '-verify', '-data', 'sig.bin', '-in', 'token.der', '-token_in', '-CAfile', 'tsa.crt'], { cwd: dir, encoding: 'utf8' });
    expect(verified).toContain('Verification: OK');
    // Kiểm tra chữ ký shows the TSA's time.
    const [check] = await call(backend, 'pdf-verify', { fileName: 'signed.pdf', dataBase64: r.dataBase64 });
    expect(check!.problems).toEqual([]);
    expect(Math.abs(new Date(check!.timestampedAt!).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('signs nothing and says why when the TSA refuses, answers for another request, or cannot be reached', async () => {
    await settings(url);
    mode = 'reject';
    expect((await callError(backend, 'merge-pdf', { periodId: 2, document: await call(backend, 'document-settings-get', { periodId: 2 }), sign: { signer: key } })).message).toBe(`Máy chủ dấu thời gian ${url} từ chối yêu cầu; văn bản chưa được ký.`);
    mode = 'other';
    expect((await callError(backend, 'merge-pdf', { periodId: 2, document: await call(backend, 'document-settings-get', { periodId: 2 }), sign: { signer: key } })).message).toBe(`Dấu thời gian của ${url} không khớp chữ ký vừa tạo; văn bản chưa được ký.`);
    const closed = 'http://127.0.0.1:9/tsa';
    await settings(closed);
    expect((await callError(backend, 'merge-pdf', { periodId: 2, document: await call(backend, 'document-settings-get', { periodId: 2 }), sign: { signer: key } })).message).toContain(`Không kết nối được máy chủ dấu thời gian ${closed}; văn bản chưa được ký.`);
    // No address: signed without asking anyone.
    await settings('');
    const before = requests.length;
    await sign();
    expect(requests.length).toBe(before);
    expect((await callError(backend, 'settings-set', { ...(await call(backend, 'settings-get', {})), tsaUrl: 'tsa.ca.gov.vn' })).message).toContain('http://');
  });
});
