/**
 * Kiểm tra chữ ký: every signature of a PDF (ours or a district's, signed with any tool), who
 * signed it, when, in which role, whether the signed bytes are unchanged, whether it covers the
 * whole file or something was added after it, and whether the certificate was valid then.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { formFields, pdfText as text } from './form-fields';
import { OID, parseCms } from './cms';
import { tstInfoOf } from './tsa';
import type { SignatureCheck } from '../../../shared/api/types';
import { roleOfField, subjectField } from './sign';


/** A PDF date (D:20261202093000+07'00') as ISO 8601. */
export function isoOfPdfDate(d: string | null): string | null {
  const m = d && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(d);
  if (!m) return null;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5) || '00'}`;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`;
}

export async function verifyPdf(pdf: Buffer): Promise<SignatureCheck[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  const found = formFields(doc).flatMap(({ name, signature: value }) => {
    if (!value) return [];
    const range = value.lookup(PDFName.of('ByteRange'), PDFArray).asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
    return [{ name, value, range }];
  });
  const ends = found.map((f) => (f.range[2] ?? 0) + (f.range[3] ?? 0));
  return found.map(({ name, value, range }, i) => {
    const problems: string[] = [];
    const [a, b, c, d] = range as [number, number, number, number];
    const end = c + d;
    const check: SignatureCheck = {
      field: name,
      role: roleOfField(name),
      commonName: null,
      organisation: null,
      signedAt: isoOfPdfDate(text(value.lookup(PDFName.of('M')))),
      reason: text(value.lookup(PDFName.of('Reason'))),
      intact: false,
      coversWholeFile: end === pdf.length,
      changedAfter: end !== pdf.length && !ends.some((e, j) => j !== i && e > end && e === pdf.length),
      certificateValidAtSigning: null,
      timestampedAt: null,
      pades: { signingCertificateV2: false, signingTimeAttribute: false },
      problems,
    };
    try {
      if (a !== 0 || !(b > 0 && c > b && end <= pdf.length)) throw new Error('range');
      const contents = value.lookup(PDFName.of('Contents'));
      const bytes = contents instanceof PDFHexString ? Buffer.from(contents.asString(), 'hex') : contents instanceof PDFString ? Buffer.from(contents.asString(), 'latin1') : Buffer.alloc(0);
      const cms = parseCms(bytes);
      check.pades = { signingCertificateV2: cms.attributes.has(OID.signingCertificateV2), signingTimeAttribute: cms.attributes.has(OID.signingTime) };
      if (!check.signedAt && cms.attributes.has(OID.signingTime)) {
        check.signedAt = forge.asn1.utcTimeToDate(cms.attributes.get(OID.signingTime)!.value as string).toISOString();
      }
      // A timestamp (RFC 3161) over the signature's value: its time, when it is over this signature.
      const token = cms.unsignedAttributes.get(OID.timeStampToken);
      if (token) {
        const info = tstInfoOf(token);
        if (info && info.imprint.equals(crypto.createHash('sha256').update(cms.signature).digest())) check.timestampedAt = info.time.toISOString();
        else problems.push('Dấu thời gian kèm theo không khớp với chữ ký này.');
      }
      if (!cms.signerCertificate) throw new Error('no certificate');
      const cert = new crypto.X509Certificate(cms.signerCertificate);
      check.commonName = subjectField(cert, 'CN');
      check.organisation = subjectField(cert, 'O');
      const hash = cms.digestAlgorithm === OID.sha256 ? 'sha256' : cms.digestAlgorithm === '2.16.840.1.101.3.4.2.2' ? 'sha384' : cms.digestAlgorithm === '2.16.840.1.101.3.4.2.3' ? 'sha512' : 'sha1';
      const digest = crypto.createHash(hash).update(pdf.subarray(a, b)).update(pdf.subarray(c, end)).digest();
      const claimed = cms.attributes.get(OID.messageDigest);
      const digestOk = !!claimed && Buffer.from(claimed.value as string, 'binary').equals(digest);
      const signatureOk = crypto.verify(hash, cms.signedAttributesDer, cert.publicKey, cms.signature);
      check.intact = digestOk && signatureOk;
      if (!digestOk) problems.push('Nội dung đã bị thay đổi sau khi ký (mã băm không khớp).');
      else if (!signatureOk) problems.push('Chữ ký không khớp với chứng thư số của người ký.');
      if (check.signedAt) {
        const at = new Date(check.signedAt);
        check.certificateValidAtSigning = at >= new Date(cert.validFrom) && at <= new Date(cert.validTo);
        if (!check.certificateValidAtSigning) problems.push(`Chứng thư số không còn hiệu lực lúc ký (hiệu lực từ ${cert.validFrom} đến ${cert.validTo}).`);
      }
    } catch {
      if (!problems.length) problems.push('Không đọc được chữ ký (dữ liệu chữ ký hỏng hoặc không theo chuẩn PDF).');
    }
    if (check.changedAfter) problems.push('Tệp có phần được thêm hoặc sửa sau chữ ký này mà không có chữ ký nào sau đó bao trùm.');
    return check;
  });
}
