import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { listTokenCertificates, tokenMessage, tokenSigner } from '../../electron/backend/pdf/pkcs11-signer';
import { signPdfWith } from '../../electron/backend/pdf/sign';
import { verifyPdf } from '../../electron/backend/pdf/verify';
import { buildSubmissionPdf } from '../../electron/backend/pdf/submission-pdf';
import { mergeView } from '../../electron/backend/services/merge';
import { call, tempDir, testBackend } from '../helpers/backend';
import { SOFTHSM_LIBRARY, hasSoftHsm, softToken } from '../helpers/softhsm';

if (!hasSoftHsm) console.log('[pkcs11-sign] SoftHSM2 or OpenSC missing: apt-get install softhsm2 opensc openssl (done by .ci/run)');

describe.skipIf(!hasSoftHsm && process.env.CI !== 'true')('signing on a USB token (PKCS#11, SoftHSM2)', () => {
  let backend: Backend;
  let token: ReturnType<typeof softToken>;
  const saved = process.env.SOFTHSM2_CONF;

  beforeAll(async () => {
    backend = await testBackend({ demo: true });
    token = softToken({ label: 'VNPT-CA Token', pin: '123456', subject: '/CN=Nguyễn Thị Hằng/O=Sở Y tế tỉnh Quảng Ngãi' });
  });
  afterAll(async () => {
    await backend.close();
    if (saved === undefined) delete process.env.SOFTHSM2_CONF;
    else process.env.SOFTHSM2_CONF = saved;
  });

  it('lists the certificates on the token without the PIN, and signs the report on it: pdfsig calls it valid', async () => {
    const certs = listTokenCertificates(SOFTHSM_LIBRARY!);
    expect(certs.map((c) => [c.tokenLabel, c.id, c.label])).toEqual([['VNPT-CA Token', '01', 'chu-ky']]);
    expect(certs[0]!.der.equals(token.certificateDer)).toBe(true);
    const doc = { ...(await call(backend, 'document-settings-get', { periodId: 2 })), signerName: 'Nguyễn Thị Hằng' };
    const view = await mergeView(backend.ctx.db, backend.ctx, 2, undefined, { parts: 'totals' });
    const pdf = await buildSubmissionPdf(view, doc);
    const signer = tokenSigner(SOFTHSM_LIBRARY!, { tokenLabel: 'VNPT-CA Token', certificateId: '01', pin: '123456' });
    let signed: Buffer;
    try {
      signed = await signPdfWith(pdf, signer, { name: 'Nguyễn Thị Hằng', reason: 'Ký báo cáo', location: 'Quảng Ngãi', signingTime: new Date(), role: 'signer' });
    } finally {
      signer.close();
    }
    const file = path.join(tempDir(), 'token.pdf');
    fs.writeFileSync(file, signed);
    const out = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(out).toContain('Signer Certificate Common Name: Nguyễn Thị Hằng');
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect((await verifyPdf(signed)).map((c) => [c.field, c.commonName, c.intact])).toEqual([['Người ký', 'Nguyễn Thị Hằng', true]]);
  });

  it('signs from the command line on the token (--pkcs11, --token, --pin-file), after another signature', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.pdf');
    const doc = { ...(await call(backend, 'document-settings-get', { periodId: 2 })), signerName: 'Nguyễn Thị Hằng' };
    fs.writeFileSync(input, Buffer.from((await call(backend, 'merge-pdf', { periodId: 2, document: doc })).dataBase64, 'base64'));
    fs.writeFileSync(path.join(dir, 'pin.txt'), '123456\n');
    const tsx = path.resolve('node_modules/.bin/tsx');
    const cli = (args: string[]) => spawnSync(tsx, ['electron/backend/cli.ts', ...args, '--db', path.join(dir, 'cli.sqlite')], { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    const once = path.join(dir, 'once.pdf');
    const twice = path.join(dir, 'twice.pdf');
    const base = ['--pkcs11', SOFTHSM_LIBRARY!, '--token', 'VNPT-CA Token', '--pin-file', path.join(dir, 'pin.txt')];
    expect(cli(['sign', input, '--out', once, ...base, '--role', 'signer']).stdout).toContain('Đã ký (người ký) bởi Nguyễn Thị Hằng');
    expect(cli(['sign', once, '--out', twice, ...base, '--role', 'organisation']).status).toBe(0);
    const report = JSON.parse(cli(['verify', twice, '--json']).stdout);
    expect(report.signatures.map((c: { field: string; intact: boolean }) => [c.field, c.intact])).toEqual([
      ['Người ký', true],
      ['Cơ quan', true],
    ]);
    fs.writeFileSync(path.join(dir, 'pin.txt'), '999999');
    const wrong = cli(['sign', input, '--out', once, ...base]);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr.trim()).toBe('Mã PIN không đúng.');
  }, 90_000);

  it('says in Vietnamese when the PIN is wrong, the token is not there, or it was pulled out mid-session', async () => {
    expect(() => tokenSigner(SOFTHSM_LIBRARY!, { pin: '000000' })).toThrow('Mã PIN không đúng.');
    expect(() => tokenSigner(SOFTHSM_LIBRARY!, { tokenLabel: 'Viettel-CA', pin: '123456' })).toThrow('Không thấy thiết bị ký số "Viettel-CA". Các thiết bị đang cắm: VNPT-CA Token.');
    expect(() => tokenSigner('/khong/co/thu-vien.dll', { pin: '1' })).toThrow('Không tìm thấy thư viện của thiết bị ký số "/khong/co/thu-vien.dll"');
    const notPkcs11 = path.join(tempDir(), 'not-a-library.so');
    fs.writeFileSync(notPkcs11, 'không phải thư viện');
    expect(() => tokenSigner(notPkcs11, { pin: '1' })).toThrow(/^Không mở được thư viện của thiết bị ký số/);
    // Locked after too many wrong PINs (SoftHSM2 does not lock; the token's answer is mapped the same way).
    expect(tokenMessage({ code: 0xa4 })).toBe('Thiết bị ký số đã bị khoá vì nhập sai mã PIN quá số lần cho phép. Hãy liên hệ nhà cung cấp chứng thư số để mở khoá.');
    expect(tokenMessage(new Error('CKR_DEVICE_REMOVED'))).toBe('Thiết bị ký số đã bị rút ra trong khi ký: hãy cắm lại rồi ký lại.');
    // Pulled out: the token's files disappear while a session is open.
    const signer = tokenSigner(SOFTHSM_LIBRARY!, { pin: '123456' });
    token.removeToken();
    let failure: Error | null = null;
    try {
      await signer.sign(Buffer.from('dữ liệu'));
    } catch (e) {
      failure = e as Error;
    } finally {
      signer.close();
    }
    expect(failure?.message).toMatch(/^(Thiết bị ký số|Phiên làm việc với thiết bị ký số|Không thấy thiết bị ký số)/);
    expect(() => tokenSigner(SOFTHSM_LIBRARY!, { pin: '123456' })).toThrow('Không thấy thiết bị ký số (USB token): hãy cắm thiết bị vào máy rồi thử lại.');
    expect(listTokenCertificates(SOFTHSM_LIBRARY!)).toEqual([]);
  });
});
