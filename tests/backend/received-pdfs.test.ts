/**
 * A district's signed PDF kept with its received files: stored byte for byte, its signatures
 * checked again from the kept bytes each time it is listed; a changed copy shows as changed,
 * the same file twice and a file that is not a PDF are refused with the reason.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { call, callError, tempDir, testBackend } from '../helpers/backend';
import { opensslP12 } from '../helpers/certificates';

const hasOpenssl = fs.existsSync('/usr/bin/openssl');
if (!hasOpenssl) console.log('[received-pdfs] openssl missing: apt-get install openssl (done by .ci/run)');

describe.skipIf(!hasOpenssl && process.env.CI !== 'true')("a unit's signed PDFs among its received files", () => {
  let backend: Backend;
  let signed: Buffer;
  let unitId: number;

  beforeAll(async () => {
    backend = await testBackend({ demo: true });
    const dir = tempDir();
    const p12 = opensslP12(dir, '/CN=Trần Văn Bình/O=UBND huyện Sa Thầy', 'mk');
    // The district's report, made and signed elsewhere (here: our own export, signed as its head).
    const plain = await call(backend, 'merge-pdf', { periodId: 2, document: await call(backend, 'document-settings-get', { periodId: 2 }) });
    const r = await call(backend, 'pdf-sign', { fileName: 'Bao cao huyen Sa Thay.pdf', dataBase64: plain.dataBase64, p12Base64: p12.toString('base64'), password: 'mk', role: 'signer' });
    signed = Buffer.from(r.dataBase64, 'base64');
    unitId = (await call(backend, 'period-status', { id: 2 }))!.units.find((u) => u.unitName === 'Huyện Sa Thầy')!.unitId;
  });
  afterAll(() => backend.close());

  it('keeps the PDF with the unit and the period, and lists its signature as valid', async () => {
    const added = await call(backend, 'received-pdf-add', { periodId: 2, unitId, fileName: 'Bao cao huyen Sa Thay.pdf', dataBase64: signed.toString('base64') });
    expect(added.signatures.map((s) => [s.role, s.commonName, s.organisation, s.intact, s.problems])).toEqual([['signer', 'Trần Văn Bình', 'UBND huyện Sa Thầy', true, []]]);
    const list = await call(backend, 'received-pdf-list', { periodId: 2, unitId });
    expect(list.map((p) => p.fileName)).toEqual(['Bao cao huyen Sa Thay.pdf']);
    expect(Buffer.from((await call(backend, 'received-pdf-get', { id: list[0]!.id })).dataBase64, 'base64').equals(signed)).toBe(true);
    // Another unit's files are its own.
    const other = (await call(backend, 'period-status', { id: 2 }))!.units.find((u) => u.unitName === 'Huyện Kon Rẫy')!.unitId;
    expect(await call(backend, 'received-pdf-list', { periodId: 2, unitId: other })).toEqual([]);
  });

  it('shows a copy changed after signing as changed, and refuses the same file twice or a file that is not a PDF', async () => {
    const changed = Buffer.from(signed);
    const at = changed.indexOf('TongHop');
    expect(at).toBeGreaterThan(0);
    changed[at] = 'X'.charCodeAt(0);
    const added = await call(backend, 'received-pdf-add', { periodId: 2, unitId, fileName: 'ban sua.pdf', dataBase64: changed.toString('base64') });
    expect(added.signatures[0]!.intact).toBe(false);
    expect(added.signatures[0]!.problems.join(' ')).toMatch(/sửa|thay đổi/);
    expect((await callError(backend, 'received-pdf-add', { periodId: 2, unitId, fileName: 'lan 2.pdf', dataBase64: signed.toString('base64') })).message).toBe('lan 2.pdf: tệp này đã có trong các tệp PDF đã nhận của đơn vị (đã lưu với tên Bao cao huyen Sa Thay.pdf).');
    expect((await callError(backend, 'received-pdf-add', { periodId: 2, unitId, fileName: 'bao cao.xlsx', dataBase64: Buffer.from('PK\u0003\u0004 không phải PDF').toString('base64') })).message).toBe('bao cao.xlsx: không phải tệp PDF.');
    expect((await call(backend, 'received-pdf-list', { periodId: 2, unitId })).map((p) => p.fileName)).toEqual(['Bao cao huyen Sa Thay.pdf', 'ban sua.pdf']);
  });
});
