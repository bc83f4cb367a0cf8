import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { Signer } from '@signpdf/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { OID } from '../../electron/backend/pdf/cms';
import { p12Signer, signPdfWith } from '../../electron/backend/pdf/sign';
import { verifyPdf } from '../../electron/backend/pdf/verify';
import { call, tempDir, testBackend } from '../helpers/backend';
import { opensslP12 } from '../helpers/certificates';

const tools = ['/usr/bin/pdfsig', '/usr/bin/openssl', '/usr/bin/pdftotext'].every((t) => fs.existsSync(t));
if (!tools) console.log('[pdf-incremental-sign] pdfsig, pdftotext or openssl missing: apt-get install poppler-utils openssl (done by .ci/run)');

/** The raw value of a key in each signature dictionary, decoded from UTF-16BE hex. */
function rawNames(pdf: Buffer, key: string): string[] {
  return [...pdf.toString('latin1').matchAll(new RegExp(`/${key} <FEFF([0-9A-F]*)>`, 'g'))].map((m) => Buffer.from(m[1]!, 'hex').swap16().toString('utf16le'));
}

/** Another tool's CMS: openssl cms over the bytes @signpdf hands it (signingTime and all, as most tools write). */
class OpensslSigner extends Signer {
  constructor(private readonly dir: string) {
    super();
  }
  override async sign(content: Buffer): Promise<Buffer> {
    fs.writeFileSync(path.join(this.dir, 'content.bin'), content);
    execFileSync('openssl', ['cms', '-sign', '-binary', '-in', 'content.bin', '-signer', 'c.pem', '-inkey', 'k.pem', '-outform', 'DER', '-out', 'sig.der', '-md', 'sha256'], { cwd: this.dir, stdio: 'pipe' });
    return fs.readFileSync(path.join(this.dir, 'sig.der'));
  }
}

const pdfsig = (file: string) => execFileSync('pdfsig', [file], { encoding: 'utf8' });

describe.skipIf(!tools && process.env.CI !== 'true')('signatures as incremental updates (PAdES B-B)', () => {
  let backend: Backend;
  let dir: string;
  let signerP12: Buffer;
  let orgP12: Buffer;
  const now = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000);
  let signed: Buffer;

  beforeAll(async () => {
    backend = await testBackend({ demo: true, now });
    dir = tempDir();
    signerP12 = opensslP12(dir, '/CN=Nguyễn Thị Hằng/O=Sở Y tế tỉnh Quảng Ngãi', 'mật khẩu');
    orgP12 = opensslP12(dir, '/CN=Sở Y tế tỉnh Quảng Ngãi/O=Sở Y tế tỉnh Quảng Ngãi', 'cơ quan');
    const doc = { ...(await call(backend, 'document-settings-get', { periodId: 2 })), number: '15', signerName: 'Nguyễn Thị Hằng', date: '2024-12-05' };
    const r = await call(backend, 'merge-pdf', { periodId: 2, document: doc, sign: { signer: { p12Base64: signerP12.toString('base64'), password: 'mật khẩu' } } });
    signed = Buffer.from(r.dataBase64, 'base64');
  });
  afterAll(() => backend.close());

  it('writes the signer and the organisation in order, both valid, unique fields, names in UTF-16BE', async () => {
    const both = await signPdfWith(signed, p12Signer(orgP12, 'cơ quan'), { name: 'Sở Y tế tỉnh Quảng Ngãi', reason: 'Cơ quan ban hành', location: 'Quảng Ngãi', signingTime: now, role: 'organisation' });
    // The first signature's bytes are the start of the new file, untouched.
    expect(both.subarray(0, signed.length).equals(signed)).toBe(true);
    const file = path.join(dir, 'both.pdf');
    fs.writeFileSync(file, both);
    const out = pdfsig(file);
    expect(out.match(/Signature Validation: Signature is Valid\./g)?.length).toBe(2);
    expect(out).toContain('Signer Certificate Common Name: Nguyễn Thị Hằng');
    expect(out).toContain('Signer Certificate Common Name: Sở Y tế tỉnh Quảng Ngãi');
    expect(out.indexOf('Nguyễn Thị Hằng')).toBeLessThan(out.indexOf('Common Name: Sở Y tế'));
    expect(out).not.toContain('Digest Mismatch');
    expect(rawNames(both, 'T')).toEqual(['Người ký', 'Cơ quan']);
    expect(rawNames(both, 'Name')).toEqual(['Nguyễn Thị Hằng', 'Sở Y tế tỉnh Quảng Ngãi']);
    expect(rawNames(both, 'Reason')[1]).toBe('Cơ quan ban hành');
    // A second signature in the same role gets its own name.
    const again = await signPdfWith(both, p12Signer(orgP12, 'cơ quan'), { name: 'Sở Y tế tỉnh Quảng Ngãi', reason: 'Ký lại', location: 'Quảng Ngãi', signingTime: now, role: 'organisation' });
    expect(rawNames(again, 'T')).toEqual(['Người ký', 'Cơ quan', 'Cơ quan 2']);
    const checks = await verifyPdf(again);
    expect(checks.map((c) => [c.field, c.role, c.commonName, c.intact, c.coversWholeFile, c.changedAfter])).toEqual([
      ['Người ký', 'signer', 'Nguyễn Thị Hằng', true, false, false],
      ['Cơ quan', 'organisation', 'Sở Y tế tỉnh Quảng Ngãi', true, false, false],
      ['Cơ quan 2', 'organisation', 'Sở Y tế tỉnh Quảng Ngãi', true, true, false],
    ]);
    expect(checks[0]!.organisation).toBe('Sở Y tế tỉnh Quảng Ngãi');
    expect(checks[0]!.certificateValidAtSigning).toBe(true);
    expect(new Date(checks[0]!.signedAt!).getTime()).toBe(now.getTime());
  });

  it('puts the widget on the stamp, and writes a CMS with signing-certificate-v2 and no signingTime', async () => {
    const rect = /\/Rect \[([\d. ]+)\]/.exec(signed.toString('latin1').slice(-50_000))![1]!.split(' ').map(Number);
    expect(rect[2]! - rect[0]!).toBeGreaterThan(150);
    expect(rect[3]! - rect[1]!).toBeGreaterThan(30);
    // "Đã ký số" (the stamp's first line) lies inside the widget, on the page that has it.
    const file = path.join(dir, 'one.pdf');
    fs.writeFileSync(file, signed);
    const pageOf = await verifyPdf(signed);
    expect(pageOf).toHaveLength(1);
    // A 2024 report printed in 2026 says what was missing at the period's cut-off, not today.
    const period = await call(backend, 'period-get', { id: 2 });
    const cutOff = period.dataTo.split('-').reverse().join('/');
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain(`(tính đến ngày ${cutOff}).`);
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    // "Số:" and the place and date line on one baseline (NĐ 30), though the issuing body takes two lines.
    const bottomOf = (w: string) => Number(new RegExp(`yMax="([\\d.]+)">${w}</word>`).exec(html)![1]);
    expect(Math.abs(bottomOf('Số:') - bottomOf('Kon'))).toBeLessThan(0.5);
    const pages = html.split('<page ');
    const at = pages.findIndex((p) => p.includes('>Đã</word>'));
    const page = pages[at]!;
    const height = Number(/height="([\d.]+)"/.exec(page)![1]);
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">Đã<\/word>/.exec(page)!.slice(1).map(Number);
    expect(word[0]).toBeGreaterThan(rect[0]!);
    expect(word[2]).toBeLessThan(rect[2]!);
    expect(height - word[1]!).toBeLessThan(rect[3]!);
    expect(height - word[3]!).toBeGreaterThan(rect[1]!);
    // The CMS, read with an ASN.1 parser.
    const hex = /\/Contents <([0-9a-f]+)>/.exec(signed.toString('latin1'))![1]!;
    const root = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(hex, 'hex').toString('binary')), { parseAllBytes: false } as unknown as boolean);
    const signedData = ((root.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const signerInfo = (signedData[signedData.length - 1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const attrs = (signerInfo[3]!.value as forge.asn1.Asn1[]).map((a) => forge.asn1.derToOid((a.value as forge.asn1.Asn1[])[0]!.value as string));
    expect(attrs.sort()).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort());
    expect(attrs).not.toContain(OID.signingTime);
    // Its certHash is the SHA-256 of the signer's certificate.
    const certDer = Buffer.from(forge.asn1.toDer((signedData[3]!.value as forge.asn1.Asn1[])[0]!).getBytes(), 'binary');
    const v2 = (signerInfo[3]!.value as forge.asn1.Asn1[]).find((a) => forge.asn1.derToOid((a.value as forge.asn1.Asn1[])[0]!.value as string) === OID.signingCertificateV2)!;
    const certHash = (((((v2.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[])[0]!.value as string;
    expect(Buffer.from(certHash, 'binary').toString('hex')).toBe(crypto.createHash('sha256').update(certDer).digest('hex'));
    expect((await PDFDocument.load(signed)).getPageCount()).toBeGreaterThan(1);
    expect(signed.subarray(0, 8).toString('latin1')).toMatch(/^%PDF-1\.[4-7]/);
  });

  it('adds its signature to a file another tool signed, keeping that one valid', async () => {
    // Signed first by @signpdf (a different writer: it rewrites the file with pdf-lib).
    const plain = await PDFDocument.load(signed.subarray(0, signed.indexOf('%%EOF') + 5));
    pdflibAddPlaceholder({ pdfDoc: plain, reason: 'Ký bởi công cụ khác', contactInfo: '', name: 'Other', location: 'Hà Nội' });
    const other = Buffer.from(await new SignPdf().sign(Buffer.from(await plain.save({ useObjectStreams: false })), new OpensslSigner(dir)));
    const ours = await signPdfWith(other, p12Signer(orgP12, 'cơ quan'), { name: 'Sở Y tế tỉnh Quảng Ngãi', reason: 'Cơ quan ban hành', location: 'Quảng Ngãi', signingTime: now, role: 'organisation' });
    const file = path.join(dir, 'third.pdf');
    fs.writeFileSync(file, ours);
    expect(pdfsig(file).match(/Signature is Valid\./g)?.length).toBe(2);
    expect((await verifyPdf(ours)).map((c) => c.intact)).toEqual([true, true]);
  });

  it('finds a file changed after signing: bytes appended, one byte changed inside the signed range', async () => {
    const appended = Buffer.concat([signed, Buffer.from('\n% thêm vào sau\n')]);
    const [a] = await verifyPdf(appended);
    expect(a).toMatchObject({ intact: true, coversWholeFile: false, changedAfter: true });
    expect(a!.problems).toEqual(['Tệp có phần được thêm hoặc sửa sau chữ ký này mà không có chữ ký nào sau đó bao trùm.']);
    const changed = Buffer.from(signed);
    const at = changed.indexOf('Tinos') > 0 ? changed.indexOf('/Producer') + 12 : 200;
    changed[at] = changed[at]! ^ 0x01;
    const [b] = await verifyPdf(changed);
    expect(b!.intact).toBe(false);
    expect(b!.problems[0]).toBe('Nội dung đã bị thay đổi sau khi ký (mã băm không khớp).');
  });

  it('signs and verifies from the command line: sign --role organisation, verify --json, exit 1 on a changed file', async () => {
    const db = path.join(dir, 'cli.sqlite');
    const tsx = path.resolve('node_modules/.bin/tsx');
    const cli = (args: string[]) => spawnSync(tsx, ['electron/backend/cli.ts', ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    const input = path.join(dir, 'nguoi-ky.pdf');
    fs.writeFileSync(input, signed);
    fs.writeFileSync(path.join(dir, 'org.p12'), orgP12);
    fs.writeFileSync(path.join(dir, 'pw-org.txt'), 'cơ quan\n');
    const output = path.join(dir, 'hai chu ky.pdf');
    const signedRun = cli(['sign', input, '--out', output, '--p12', path.join(dir, 'org.p12'), '--password-file', path.join(dir, 'pw-org.txt'), '--role', 'organisation']);
    expect(signedRun.stdout.trim()).toBe(`Đã ký (cơ quan) bởi Sở Y tế tỉnh Quảng Ngãi: ${output}`);
    expect(execFileSync('pdfsig', [output], { encoding: 'utf8' }).match(/Signature is Valid\./g)?.length).toBe(2);
    const verified = cli(['verify', output, '--json']);
    expect(verified.status).toBe(0);
    const report = JSON.parse(verified.stdout);
    expect(report.signatures.map((c: { field: string; commonName: string; intact: boolean }) => [c.field, c.commonName, c.intact])).toEqual([
      ['Người ký', 'Nguyễn Thị Hằng', true],
      ['Cơ quan', 'Sở Y tế tỉnh Quảng Ngãi', true],
    ]);
    const text = cli(['verify', output]).stdout;
    expect(text).toContain('1. Người ký (người ký): Nguyễn Thị Hằng, Sở Y tế tỉnh Quảng Ngãi; ký lúc ');
    expect(text).toContain('Hợp lệ, bao trùm toàn bộ tệp.');
    fs.appendFileSync(output, '\n% sửa sau\n');
    const broken = cli(['verify', output]);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('Tệp có phần được thêm hoặc sửa sau chữ ký này');
    const wrongRole = cli(['sign', input, '--out', output, '--p12', path.join(dir, 'org.p12'), '--password-file', path.join(dir, 'pw-org.txt'), '--role', 'giam-doc']);
    expect(wrongRole.status).not.toBe(0);
    expect(wrongRole.stderr).toContain('Vai trò "giam-doc" không có');
    const notPdf = cli(['verify', path.join(dir, 'pw-org.txt')]);
    expect(notPdf.stderr).toContain('pw-org.txt: không phải tệp PDF.');
  }, 60_000);
});

describe.skipIf(!tools && process.env.CI !== 'true')('the signature block of the NĐ 30 report', () => {
  it('never stands alone on a page: it is kept with the last paragraph, whatever the length of the text', async () => {
    const backend = await testBackend({ demo: true });
    try {
      const doc = { ...(await call(backend, 'document-settings-get', { periodId: 2 })), signerName: 'Nguyễn Thị Hằng' };
      const dir = tempDir();
      for (const n of [14, 17, 20, 23, 26]) {
        const paragraph = 'Tiếp tục triển khai các hoạt động bảo vệ, chăm sóc trẻ em trên địa bàn tỉnh theo kế hoạch đã đề ra, phối hợp với các sở, ngành và địa phương.';
        const last = `Đoạn cuối số ${n}: kiến nghị bố trí kinh phí năm sau.`;
        await call(backend, 'merge-save', { periodId: 2, narratives: { results: Array.from({ length: n }, () => paragraph).join('\n'), proposals: last } });
        const file = path.join(dir, `dai-${n}.pdf`);
        fs.writeFileSync(file, Buffer.from((await call(backend, 'merge-pdf', { periodId: 2, document: doc })).dataBase64, 'base64'));
        const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
        const withBlock = pages.findIndex((p) => p.includes('Nơi nhận:'));
        expect(pages[withBlock], `${n} paragraphs`).toContain(`Đoạn cuối số ${n}`);
      }
    } finally {
      await backend.close();
    }
  }, 60_000);
});
