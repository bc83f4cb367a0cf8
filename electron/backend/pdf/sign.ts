/**
 * Digital signature of the report: a PAdES-compatible signature (subFilter ETSI.CAdES.detached)
 * made with the user's PKCS#12 certificate. The visible stamp is drawn by the document itself
 * (signer name from the certificate, signing time in Vietnam time); this module checks the
 * certificate and signs the bytes.
 */
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SUBFILTER_ETSI_CADES_DETACHED, Signer } from '@signpdf/utils';
import { formatIsoDate, vietnamDate } from '../../../shared/domain/org-units';
import { UserError } from '../errors';

export interface CertificateInfo {
  commonName: string;
  organisation: string | null;
  notBefore: Date;
  notAfter: Date;
}

/**
 * Opens a PKCS#12 store. Its MAC key comes from the password as BMPString (what forge does with a
 * JS string), but OpenSSL 3 encrypts the contents with PBES2 over the password's UTF-8 bytes:
 * when the MAC checks out and decryption fails, decrypt again with the UTF-8 form.
 */
function openP12(p12: Buffer, password: string): forge.pkcs12.Pkcs12Pfx {
  const der = () => forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
  try {
    return forge.pkcs12.pkcs12FromAsn1(der(), false, password);
  } catch (e) {
    if (!/decrypt/i.test(String((e as Error).message)) || password === forge.util.encodeUtf8(password)) throw e;
    const asn1 = der();
    (asn1.value as forge.asn1.Asn1[]).splice(2); // the MAC was verified above
    return forge.pkcs12.pkcs12FromAsn1(asn1, false, forge.util.encodeUtf8(password));
  }
}

/** Opens a .p12/.pfx with its password and checks it can sign now; every failure says why in Vietnamese. */
export function readCertificate(p12: Buffer, password: string, now: Date): CertificateInfo {
  let store: forge.pkcs12.Pkcs12Pfx;
  try {
    store = openP12(p12, password);
  } catch (e) {
    const message = String((e as Error).message ?? e);
    if (/password|MAC could not be verified|Invalid password/i.test(message)) throw new UserError('validation', 'Mật khẩu của tệp chữ ký số không đúng.');
    throw new UserError('validation', 'Tệp chữ ký số không đọc được: cần tệp .p12 hoặc .pfx do nhà cung cấp chứng thư số cấp.');
  }
  const keys = [
    ...(store.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(store.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const certs = store.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  if (keys.length === 0 || !keys[0]!.key) throw new UserError('validation', 'Tệp chữ ký số chỉ có chứng thư, không có khóa bí mật để ký. Hãy xuất lại tệp .p12/.pfx kèm khóa bí mật.');
  const cert = certs.find((c) => c.cert)?.cert;
  if (!cert) throw new UserError('validation', 'Tệp chữ ký số không có chứng thư số.');
  const field = (name: string) => (cert.subject.getField(name)?.value as string | undefined) ?? null;
  const info: CertificateInfo = { commonName: decodeUtf8(field('CN') ?? 'Không rõ tên'), organisation: field('O') ? decodeUtf8(field('O')!) : null, notBefore: cert.validity.notBefore, notAfter: cert.validity.notAfter };
  if (now > info.notAfter) throw new UserError('validation', `Chứng thư số của "${info.commonName}" đã hết hạn ngày ${formatIsoDate(vietnamDate(info.notAfter))}; không thể ký.`);
  if (now < info.notBefore) throw new UserError('validation', `Chứng thư số của "${info.commonName}" chỉ có hiệu lực từ ngày ${formatIsoDate(vietnamDate(info.notBefore))}.`);
  return info;
}

/** forge returns UTF-8 subject values as byte strings. */
function decodeUtf8(s: string): string {
  try {
    return Buffer.from(s, 'binary').toString('utf8');
  } catch {
    return s;
  }
}

/** ISO 8601 in Vietnam time: `2026-12-05T09:30:00+07:00`. */
export function vietnamIso(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

export async function signPdf(pdf: Buffer, p12: Buffer, password: string, meta: { name: string; reason: string; location: string; signingTime: Date }): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: meta.reason,
    contactInfo: '',
    name: meta.name,
    location: meta.location,
    signingTime: meta.signingTime,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: [0, 0, 0, 0],
    appName: 'TongHop',
  });
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  return Buffer.from(await new SignPdf().sign(prepared, new CertificateSigner(p12, password), meta.signingTime));
}

/**
 * A PKCS#7 detached signer over a PKCS#12 key and certificate. Like @signpdf/signer-p12, but it
 * keeps UTF-8 names (Vietnamese certificates carry them) intact in the SignerInfo's issuer:
 * forge would encode them twice, and readers then cannot find the signer's certificate.
 */
class CertificateSigner extends Signer {
  constructor(private readonly p12: Buffer, private readonly password: string) {
    super();
  }

  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    const store = openP12(this.p12, this.password);
    const keyBag =
      store.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!]?.[0] ??
      store.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!]?.[0];
    const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
    if (!key) throw new UserError('validation', 'Tệp chữ ký số không có khóa bí mật để ký.');
    const certs = (store.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []).flatMap((b) => (b.cert ? [b.cert] : []));
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdf.toString('binary'));
    for (const c of certs) p7.addCertificate(c);
    const certificate = certs.find((c) => {
      const pub = c.publicKey as forge.pki.rsa.PublicKey;
      return pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
    });
    if (!certificate) throw new UserError('validation', 'Khóa bí mật trong tệp chữ ký số không khớp với chứng thư nào.');
    const issuer = {
      ...certificate,
      issuer: {
        ...certificate.issuer,
        attributes: certificate.issuer.attributes.map((a) => ((a.valueTagClass as unknown as number) === forge.asn1.Type.UTF8 && typeof a.value === 'string' ? { ...a, value: forge.util.decodeUtf8(a.value) } : a)),
      },
    } as forge.pki.Certificate;
    p7.addSigner({
      key,
      certificate: issuer,
      digestAlgorithm: forge.pki.oids.sha256!,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime!, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest! },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}
