/**
 * Digital signature of the report: a PAdES-compatible signature (subFilter ETSI.CAdES.detached)
 * made with the user's PKCS#12 certificate or a USB token. This module checks the certificate,
 * places the signature where NĐ 30 puts it (signature-placement) and signs the bytes.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';
import { PDFDocument, PDFName } from 'pdf-lib';
import type { SignatureRole } from '../../../shared/api/types';
import { appearancePdf, SEAL_RED, SIGNER_BLUE, stampHeight, type Appearance } from './appearance';
import { keySigner, type CmsSigner } from './cms';
import { formFields } from './form-fields';
import { signIncrementally, type PlacedAppearance, type SignatureRequest } from './incremental-sign';
import { DEFAULT_SEAL_MM, TEXT_STAMP_WIDTH, detailsRect, organisationStampRect, pngSize, sealRect, signerRect, type Rect } from './signature-placement';
import { openForUpdate } from './incremental-update';
import { readSigningLayout } from './signing-layout';
import { requestTimestamp } from './tsa';
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
    // A wrong key fails to decrypt — or, once in ~256 times, decrypts to valid padding over
    // garbage that then fails to parse: either way, with a non-ASCII password, try the UTF-8 form.
    if (password === forge.util.encodeUtf8(password) || /MAC could not be verified|Invalid password/i.test(String((e as Error).message))) throw e;
    const asn1 = der();
    (asn1.value as forge.asn1.Asn1[]).splice(2); // the MAC was verified above
    try {
      return forge.pkcs12.pkcs12FromAsn1(asn1, false, forge.util.encodeUtf8(password));
    } catch {
      throw e;
    }
  }
}

/**
 * Opens a .p12/.pfx with its password, once: whose it is (checked that it can sign now) and a
 * signer over its key. Every failure says why in Vietnamese.
 */
export function openCertificate(p12: Buffer, password: string, now: Date): { info: CertificateInfo; signer: CmsSigner } {
  let store: forge.pkcs12.Pkcs12Pfx;
  try {
    store = openP12(p12, password);
  } catch (e) {
    const message = String((e as Error).message ?? e);
    if (/password|MAC could not be verified|Invalid password/i.test(message)) throw new UserError('validation', 'Mật khẩu của tệp chữ ký số không đúng.');
    throw new UserError('validation', 'Tệp chữ ký số không đọc được: cần tệp .p12 hoặc .pfx do nhà cung cấp chứng thư số cấp.');
  }
  const signer = storeSigner(store);
  return { info: certificateInfo(signer.certificate, now), signer };
}

export function readCertificate(p12: Buffer, password: string, now: Date): CertificateInfo {
  return openCertificate(p12, password, now).info;
}

/** A certificate (DER, e.g. from a USB token): its names and dates, checked that it can sign now. */
export function certificateInfo(der: Buffer, now: Date): CertificateInfo {
  const cert = new crypto.X509Certificate(der);
  let usage: boolean | null = null;
  try {
    usage = signingUsage(forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')))));
  } catch {
    // A key type forge does not read (EC): the token signs or refuses by itself.
  }
  return assertUsable({ commonName: subjectField(cert, 'CN') ?? 'Không rõ tên', organisation: subjectField(cert, 'O'), notBefore: new Date(cert.validFrom), notAfter: new Date(cert.validTo) }, now, usage);
}

/** One attribute of a certificate's subject (CN, O), as Node reads it (UTF-8 kept). */
export function subjectField(cert: crypto.X509Certificate, key: string): string | null {
  return cert.subject.split('\n').find((l) => l.startsWith(`${key}=`))?.slice(key.length + 1) ?? null;
}

/** Whether the certificate's key usage allows signing (digitalSignature or nonRepudiation); null when it does not say. */
function signingUsage(cert: forge.pki.Certificate): boolean | null {
  const ext = cert.getExtension('keyUsage') as { digitalSignature?: boolean; nonRepudiation?: boolean } | null;
  return ext ? !!(ext.digitalSignature || ext.nonRepudiation) : null;
}

function assertUsable(info: CertificateInfo, now: Date, usage: boolean | null): CertificateInfo {
  if (usage === false) throw new UserError('validation', `Chứng thư số của "${info.commonName}" không dùng để ký (mục đích sử dụng khóa không có Chữ ký số / Chống chối bỏ). Hãy dùng chứng thư ký số do nhà cung cấp cấp.`);
  if (now > info.notAfter) throw new UserError('validation', `Chứng thư số của "${info.commonName}" đã hết hạn ngày ${formatIsoDate(vietnamDate(info.notAfter))}; không thể ký.`);
  if (now < info.notBefore) throw new UserError('validation', `Chứng thư số của "${info.commonName}" chỉ có hiệu lực từ ngày ${formatIsoDate(vietnamDate(info.notBefore))}.`);
  return info;
}

/** ISO 8601 in Vietnam time: `2026-12-05T09:30:00+07:00`. */
export function vietnamIso(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

/** The key and certificates of a .p12/.pfx, as the CMS builder takes them. */
export function p12Signer(p12: Buffer, password: string): CmsSigner {
  return storeSigner(openP12(p12, password));
}

function storeSigner(store: forge.pkcs12.Pkcs12Pfx): CmsSigner {
  const keyBag =
    store.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!]?.[0] ??
    store.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!]?.[0];
  const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new UserError('validation', 'Tệp chữ ký số chỉ có chứng thư, không có khóa bí mật để ký. Hãy xuất lại tệp .p12/.pfx kèm khóa bí mật.');
  const certs = (store.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []).flatMap((b) => (b.cert ? [b] : []));
  const own = certs.find((b) => {
    const pub = b.cert!.publicKey as forge.pki.rsa.PublicKey;
    return pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
  });
  if (certs.length === 0) throw new UserError('validation', 'Tệp chữ ký số không có chứng thư số.');
  if (!own) throw new UserError('validation', 'Khóa bí mật trong tệp chữ ký số không khớp với chứng thư nào.');
  // The certificates as the CA wrote them (forge would re-encode UTF-8 names).
  const derOf = (b: (typeof certs)[number]) => {
    let node: forge.asn1.Asn1;
    try {
      node = certAsn1(b);
    } catch {
      node = forge.pki.certificateToAsn1(b.cert!);
    }
    return Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
  };
  return keySigner(forge.pki.privateKeyToPem(key), derOf(own), certs.filter((b) => b !== own).map(derOf));
}

/** A certificate's DER as the CA wrote it: forge keeps the parsed tbsCertificate, whose names it would re-encode. */
function certAsn1(bag: forge.pkcs12.Bag): forge.asn1.Asn1 {
  const cert = bag.cert as forge.pki.Certificate & { tbsCertificate?: forge.asn1.Asn1 };
  if (!cert.tbsCertificate) throw new Error('no tbsCertificate');
  const rebuilt = forge.pki.certificateToAsn1(cert);
  (rebuilt.value as forge.asn1.Asn1[])[0] = cert.tbsCertificate;
  return rebuilt;
}

export interface SignMeta {
  name: string;
  reason: string;
  location: string;
  signingTime: Date;
  /** "Người ký" or "Cơ quan": the field's name says the role. */
  role?: SignatureRole;
  /** The signer's organisation, shown on a text stamp. */
  organisation?: string | null;
  /** The signer's handwritten signature, or the organisation's seal: a transparent PNG. */
  image?: Buffer | null;
  /** The seal's real size (its larger side), in mm. */
  sealSizeMm?: number;
  /** A Time-Stamp Authority's address (RFC 3161): the signature is timestamped there. */
  tsaUrl?: string | null;
}

export const ROLE_FIELD: Record<SignatureRole, string> = { signer: 'Người ký', organisation: 'Cơ quan' };

export function roleOfField(name: string): SignatureRole | null {
  return (Object.entries(ROLE_FIELD).find(([, label]) => name === label || name.startsWith(`${label} `))?.[0] as SignatureRole | undefined) ?? null;
}

/** Where the signature shows and what it shows, from the report's own layout and the signatures already on it. */
export async function placeSignature(doc: PDFDocument, meta: SignMeta): Promise<Pick<SignatureRequest, 'widget' | 'stamps'>> {
  const layout = readSigningLayout(doc);
  const pages = doc.getPages();
  const time = vietnamIso(meta.signingTime);
  const image = meta.image ? pngSize(meta.image) : null;
  if (meta.image && !image) throw new UserError('validation', 'Ảnh chữ ký hoặc ảnh con dấu phải là tệp PNG (nền trong suốt).');
  const place = async (page: number, rect: Rect, appearance: Appearance) => ({ page, rect, appearance: await appearancePdf(rect, appearance) });

  if ((meta.role ?? 'signer') === 'signer') {
    if (!layout.room) return { widget: null };
    const stamp = { title: 'Đã ký số', lines: [`Người ký: ${meta.name}`, ...(meta.organisation ? [`Cơ quan: ${meta.organisation}`] : []), `Thời gian ký: ${time}`] };
    const rect = signerRect(layout.room.rect, image, stampHeight(stamp, TEXT_STAMP_WIDTH));
    return { widget: await place(layout.room.page, rect, image ? { kind: 'image', png: meta.image! } : { kind: 'stamp', ...stamp, color: SIGNER_BLUE }) };
  }

  // The organisation: the seal over the left third of the signer's signature (on the page, or where it will go).
  const signed = formFields(doc).find((f) => f.signature && f.rect && roleOfField(f.name) === 'signer');
  const signedPage = signed ? pages.findIndex((p) => p.ref === signed.dict.get(PDFName.of('P'))) : -1;
  const under = signed && signedPage >= 0 ? { page: signedPage, rect: signed.rect! } : layout.room ? { page: layout.room.page, rect: signerRect(layout.room.rect, null) } : null;
  let widget: PlacedAppearance | null = null;
  if (image && under) widget = await place(under.page, sealRect(under.rect, image, meta.sealSizeMm ?? DEFAULT_SEAL_MM), { kind: 'image', png: meta.image! });
  else if (layout.room) {
    const page = pages[layout.room.page]!;
    const stamp = { title: 'Cơ quan đã ký số', lines: [meta.name, `Thời gian ký: ${time}`] };
    widget = await place(layout.room.page, organisationStampRect(layout.room.rect, page.getWidth(), stampHeight(stamp, TEXT_STAMP_WIDTH)), { kind: 'stamp', ...stamp, color: SEAL_RED });
  }
  // Its details on the first page of each attachment.
  const details = [...(layout.documentNumber ? [`Số: ${layout.documentNumber}`] : []), `Thời gian ký: ${time}`];
  const stamps = await Promise.all(
    layout.attachmentPages.map(async (p) => {
      const page = pages[p]!;
      return { ...(await place(p, detailsRect(page.getWidth(), page.getHeight()), { kind: 'details', lines: details })), contents: details.join('\n') };
    }),
  );
  return { widget, stamps };
}

/** Signs with any CMS signer, as an incremental update that keeps earlier signatures valid, visibly where the report leaves room. */
export async function signPdfWith(pdf: Buffer, signer: CmsSigner, meta: SignMeta): Promise<Buffer> {
  // Parsed once: placed from the document as it is, then updated.
  const target = await openForUpdate(pdf);
  const placed = await placeSignature(target.doc, meta);
  const tsaUrl = meta.tsaUrl;
  const timestamp = tsaUrl ? async (value: Buffer) => (await requestTimestamp(tsaUrl, value)).token : undefined;
  return signIncrementally(target, { fieldName: ROLE_FIELD[meta.role ?? 'signer'], name: meta.name, reason: meta.reason, location: meta.location, signingTime: meta.signingTime, timestamp, ...placed }, signer);
}
