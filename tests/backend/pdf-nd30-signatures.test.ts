/**
 * The two signatures of an electronic administrative document as NĐ 30/2020 Phụ lục I places
 * them: the signer's image between the title and the name, the organisation's seal at real size
 * over its left third, and the organisation's details at the top right of each annex's first
 * page — checked in the file's fields, by pdfsig, by pdftotext and in the rendered pixels.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { formFields } from '../../electron/backend/pdf/form-fields';
import { MM, type Rect } from '../../electron/backend/pdf/signature-placement';
import { readSigningLayout } from '../../electron/backend/pdf/signing-layout';
import { call, tempDir, testBackend } from '../helpers/backend';
import { opensslP12 } from '../helpers/certificates';
import { sealPng, signaturePng } from '../helpers/png';

const tools = ['/usr/bin/pdfsig', '/usr/bin/openssl', '/usr/bin/pdftotext', '/usr/bin/pdftoppm'].every((t) => fs.existsSync(t));
if (!tools) console.log('[pdf-nd30-signatures] poppler-utils or openssl missing: apt-get install poppler-utils openssl (done by .ci/run)');

/** A page rendered by pdftoppm as raw RGB (PPM), at 72 dpi: one pixel per point. */
function renderPage(file: string, page: number): { width: number; height: number; rgb: (x: number, y: number) => [number, number, number] } {
  const out = execFileSync('pdftoppm', ['-r', '72', '-f', String(page + 1), '-l', String(page + 1), file], { maxBuffer: 64 << 20 });
  const head = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(out.subarray(0, 50).toString('latin1'))!;
  const width = Number(head[1]);
  const height = Number(head[2]);
  const start = head[0].length;
  return { width, height, rgb: (x, y) => [...out.subarray(start + (Math.round(y) * width + Math.round(x)) * 3, start + (Math.round(y) * width + Math.round(x)) * 3 + 3)] as [number, number, number] };
}

/** Pixels of a rectangle (PDF points, origin bottom left) that look red / blue. */
function colours(page: ReturnType<typeof renderPage>, rect: number[]): { red: number; blue: number } {
  let red = 0;
  let blue = 0;
  for (let x = Math.ceil(rect[0]!); x < rect[2]!; x++) {
    for (let y = Math.ceil(page.height - rect[3]!); y < page.height - rect[1]!; y++) {
      const [r, g, b] = page.rgb(x, y);
      if (r > 150 && g < 110 && b < 120) red++;
      if (b > 120 && r < 110 && g < 120) blue++;
    }
  }
  return { red, blue };
}

describe.skipIf(!tools && process.env.CI !== 'true')('NĐ 30 signatures: signer image, seal over it, details on the annexes', () => {
  let backend: Backend;
  let dir: string;
  let signerKey: { p12Base64: string; password: string };
  let orgKey: { p12Base64: string; password: string };
  const now = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000);
  const iso = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00';
  let file: string;
  let signed: Buffer;
  const docOf = async () => ({
    ...(await call(backend, 'document-settings-get', { periodId: 2 })),
    number: '15',
    signerName: 'Nguyễn Văn An',
    date: '2024-12-05',
    signatureImage: signaturePng().toString('base64'),
    sealImage: sealPng().toString('base64'),
  });

  beforeAll(async () => {
    backend = await testBackend({ demo: true, now });
    dir = tempDir();
    signerKey = { p12Base64: opensslP12(dir, '/CN=Nguyễn Văn An/O=Sở Lao động - Thương binh và Xã hội', 'mk1').toString('base64'), password: 'mk1' };
    orgKey = { p12Base64: opensslP12(dir, '/CN=Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum/O=UBND tỉnh Kon Tum', 'mk2').toString('base64'), password: 'mk2' };
    const r = await call(backend, 'merge-pdf', { periodId: 2, document: await docOf(), sign: { signer: signerKey, organisation: orgKey } });
    expect(r.signedBy).toBe('Nguyễn Văn An, Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum');
    signed = Buffer.from(r.dataBase64, 'base64');
    file = path.join(dir, 'hai-chu-ky.pdf');
    fs.writeFileSync(file, signed);
  });
  afterAll(() => backend.close());

  it('carries two signatures, the signer then the organisation, both valid (pdfsig)', () => {
    const out = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    const blocks = out.split(/^Signature #\d+:$/m).slice(1);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain('Signer Certificate Common Name: Nguyễn Văn An');
    expect(blocks[1]).toContain('Signer Certificate Common Name: Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum');
    for (const b of blocks) expect(b).toContain('Signature Validation: Signature is Valid.');
    expect(blocks[1]).toContain('Total document signed');
  });

  it('puts the signer image in the room and the seal, at real size, over its left third', async () => {
    const doc = await PDFDocument.load(signed);
    const layout = readSigningLayout(doc);
    const fields = formFields(doc).filter((f) => f.signature);
    expect(fields.map((f) => f.name)).toEqual(['Người ký', 'Cơ quan']);
    const [signer, seal] = fields.map((f) => f.rect!) as unknown as [Rect, Rect];
    const room = layout.room!.rect;
    // The signature image (3:1) fills the room's width or height, centred in it.
    expect(signer[0]).toBeGreaterThanOrEqual(room[0] - 0.01);
    expect(signer[2]).toBeLessThanOrEqual(room[2] + 0.01);
    expect((signer[2] - signer[0]) / (signer[3] - signer[1])).toBeCloseTo(3, 2);
    expect((signer[0] + signer[2]) / 2).toBeCloseTo((room[0] + room[2]) / 2, 1);
    // The seal: 35 mm across, centred on the left third of the signature.
    expect(seal[2] - seal[0]).toBeCloseTo(35 * MM, 1);
    expect((seal[0] + seal[2]) / 2).toBeCloseTo(signer[0] + (signer[2] - signer[0]) / 6, 1);
    expect((seal[1] + seal[3]) / 2).toBeCloseTo((signer[1] + signer[3]) / 2, 1);
  });

  it('renders them so: the red seal over the blue signature, the rest of the signature still blue', async () => {
    const doc = await PDFDocument.load(signed);
    const [signer, seal] = formFields(doc).filter((f) => f.signature).map((f) => f.rect!) as unknown as [Rect, Rect];
    const page = renderPage(file, readSigningLayout(doc).room!.page);
    const inSeal = colours(page, seal);
    expect(inSeal.red).toBeGreaterThan(1500);
    // Right of the seal, the signature is not covered.
    const rightPart = colours(page, [seal[2], signer[1], signer[2], signer[3]]);
    expect(rightPart.blue).toBeGreaterThan(200);
    expect(rightPart.red).toBe(0);
    fs.mkdirSync(path.resolve('tests/artifacts'), { recursive: true });
    execFileSync('pdftoppm', ['-r', '110', '-png', '-f', String(readSigningLayout(doc).room!.page + 1), '-l', String(readSigningLayout(doc).room!.page + 1), file, path.resolve('tests/artifacts/pdf-hai-chu-ky')]);
  });

  it("prints the organisation's details at the top right of each annex's first page, 10 pt, and nowhere else", async () => {
    const doc = await PDFDocument.load(signed);
    const { attachmentPages } = readSigningLayout(doc);
    expect(attachmentPages.length).toBeGreaterThanOrEqual(1);
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const pages = html.split('<page ').slice(1);
    for (const [i, p] of pages.entries()) {
      const has = p.includes('>15/BC-SLĐTBXH</word>') && p.includes(`>${iso}</word>`);
      const isAnnexStart = attachmentPages.includes(i);
      if (!isAnnexStart) {
        expect(p.includes(`>${iso}</word>`) && !p.includes('>Người</word>'), `page ${i + 1}`).toBe(false);
        continue;
      }
      expect(has, `page ${i + 1}`).toBe(true);
      const width = Number(/width="([\d.]+)"/.exec(p)![1]);
      const word = (w: string) => /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/.exec(p.slice(p.indexOf(`>${w}</word>`) - 120))!.slice(1).map(Number);
      const time = word(iso);
      // Right-aligned on the 15 mm right margin, in the top margin, about 10 pt tall.
      expect(Math.abs(width - 15 * MM - time[2]!)).toBeLessThan(2);
      expect(time[3]!).toBeLessThan(20 * MM);
      expect(time[3]! - time[1]!).toBeGreaterThan(8);
      expect(time[3]! - time[1]!).toBeLessThan(13);
      const number = word('15/BC-SLĐTBXH');
      expect(Math.abs(width - 15 * MM - number[2]!)).toBeLessThan(2);
      expect(number[3]!).toBeLessThan(time[1]! + 1);
    }
    const text = execFileSync('pdftotext', ['-f', String(attachmentPages[0]! + 1), '-l', String(attachmentPages[0]! + 1), file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Số: 15/BC-SLĐTBXH');
    expect(text).toContain(`Thời gian ký: ${iso}`);
  });

  it('signs the same way a report exported unsigned, later, on the Chữ ký số page: one role at a time', async () => {
    const plain = await call(backend, 'merge-pdf', { periodId: 2, document: await docOf() });
    const first = await call(backend, 'pdf-sign', { fileName: 'bao-cao.pdf', dataBase64: plain.dataBase64, ...signerKey, role: 'signer', imageBase64: signaturePng().toString('base64') });
    const both = await call(backend, 'pdf-sign', { fileName: 'bao-cao.pdf', dataBase64: first.dataBase64, ...orgKey, role: 'organisation', imageBase64: sealPng().toString('base64'), sealSizeMm: 40 });
    const bytes = Buffer.from(both.dataBase64, 'base64');
    const later = path.join(dir, 'ky-sau.pdf');
    fs.writeFileSync(later, bytes);
    expect(execFileSync('pdfsig', [later], { encoding: 'utf8' }).match(/Signature is Valid\./g)).toHaveLength(2);
    const [signer, seal] = formFields(await PDFDocument.load(bytes)).filter((f) => f.signature).map((f) => f.rect!) as unknown as [Rect, Rect];
    const [signer0] = formFields(await PDFDocument.load(signed)).filter((f) => f.signature).map((f) => f.rect!) as unknown as [Rect];
    expect(signer.map((n) => Math.round(n))).toEqual(signer0.map((n) => Math.round(n)));
    expect(seal[2] - seal[0]).toBeCloseTo(40 * MM, 1);
    expect((seal[0] + seal[2]) / 2).toBeCloseTo(signer[0] + (signer[2] - signer[0]) / 6, 1);
  });

  it('refuses an image that is not a PNG, saying so', async () => {
    const plain = await call(backend, 'merge-pdf', { periodId: 2, document: await docOf() });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]).toString('base64');
    const { callError } = await import('../helpers/backend');
    const e = await callError(backend, 'pdf-sign', { fileName: 'bao-cao.pdf', dataBase64: plain.dataBase64, ...signerKey, role: 'signer', imageBase64: jpeg });
    expect(e.message).toContain('PNG');
  });

  it('does the same from the command line: export --sign … --image, then sign --role organisation --image', () => {
    const db = path.join(dir, 'cli.sqlite');
    const tsx = path.resolve('node_modules/.bin/tsx');
    const cli = (args: string[]) => execFileSync(tsx, ['electron/backend/cli.ts', ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    cli(['demo']);
    const write = (name: string, bytes: Buffer | string) => (fs.writeFileSync(path.join(dir, name), bytes), path.join(dir, name));
    const [signerP12, orgP12] = [write('nguoi-ky.p12', Buffer.from(signerKey.p12Base64, 'base64')), write('co-quan.p12', Buffer.from(orgKey.p12Base64, 'base64'))];
    const out = path.join(dir, 'cli-nguoi-ky.pdf');
    cli(['export', '--period', '2', '--format', 'pdf', '--out', out, '--sign', signerP12, '--password-file', write('pw1.txt', 'mk1\n'), '--image', write('chu-ky.png', signaturePng())]);
    const both = path.join(dir, 'cli-hai-chu-ky.pdf');
    const stdout = cli(['sign', out, '--out', both, '--p12', orgP12, '--password-file', write('pw2.txt', 'mk2\n'), '--role', 'organisation', '--image', write('con-dau.png', sealPng()), '--seal-size', '38']);
    expect(stdout).toContain('Đã ký (cơ quan) bởi Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum');
    expect(execFileSync('pdfsig', [both], { encoding: 'utf8' }).match(/Signature is Valid\./g)).toHaveLength(2);
    const verified = JSON.parse(cli(['verify', both, '--json'])) as { signatures: Array<{ role: string; intact: boolean }> };
    expect(verified.signatures.map((s) => [s.role, s.intact])).toEqual([['signer', true], ['organisation', true]]);
    // A picture that is not a PNG is refused, saying which file.
    const jpg = write('anh.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    let message = '';
    try {
      cli(['sign', out, '--out', path.join(dir, 'x.pdf'), '--p12', orgP12, '--password-file', path.join(dir, 'pw2.txt'), '--role', 'organisation', '--image', jpg]);
    } catch (e) {
      message = String((e as { stderr?: string }).stderr);
    }
    expect(message).toContain(`Tệp "${jpg}" không phải ảnh PNG`);
  }, 90_000);
});
