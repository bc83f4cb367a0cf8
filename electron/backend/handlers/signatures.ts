import { certificateInfo, openCertificate, readCertificate, signPdfWith, subjectField, type CertificateInfo } from '../pdf/sign';
import { listTokenCertificates, tokenSigner } from '../pdf/pkcs11-signer';
import type { CmsSigner } from '../pdf/cms';
import { verifyPdf } from '../pdf/verify';
import { fileBytes } from '../services/uploads';
import { addReceivedPdf, pdfBytes, receivedPdfFile, receivedPdfs } from '../services/received-pdfs';
import { getSettings } from '../services/settings';
import { UserError } from '../errors';
import crypto from 'node:crypto';
import { fileSafeName } from '../../../shared/domain/file-names';
import type { ApiParsedArgs } from '../../../shared/api/contract';
import type { HandlerSlice } from './types';
import { auditExport } from './merge';

const ROLE_REASON = { signer: 'Người ký', organisation: 'Cơ quan ban hành' } as const;

export const signatureHandlers: HandlerSlice<'pdf-verify' | 'pdf-sign' | 'token-list' | 'certificate-read' | 'received-pdf-add' | 'received-pdf-list' | 'received-pdf-get'> = {
  'received-pdf-add': async (args, ctx) => addReceivedPdf(ctx.db, ctx, args.periodId, args.unitId, args.fileName, fileBytes(ctx.uploads, args)),
  'received-pdf-list': async ({ periodId, unitId }, ctx) => receivedPdfs(ctx.db, periodId, unitId),
  'received-pdf-get': async ({ id }, ctx) => receivedPdfFile(ctx.db, id),
  'certificate-read': async ({ p12Base64, password }, ctx) => {
    const info = readCertificate(Buffer.from(p12Base64, 'base64'), password, ctx.now());
    return { commonName: info.commonName, organisation: info.organisation, notAfter: info.notAfter.toISOString() };
  },
  'token-list': async ({ library }, ctx) => ({
    certificates: listTokenCertificates(library).map((c) => {
      let info: CertificateInfo | null = null;
      try {
        info = certificateInfo(c.der, ctx.now());
      } catch {
        // Expired or not yet valid: listed, refused when chosen.
      }
      const x = new crypto.X509Certificate(c.der);
      return { tokenLabel: c.tokenLabel, id: c.id, label: c.label, commonName: info?.commonName ?? subjectField(x, 'CN'), organisation: info?.organisation ?? subjectField(x, 'O'), validTo: new Date(x.validTo).toISOString() };
    }),
  }),
  'pdf-verify': async (args, ctx) => {
    const bytes = pdfBytes(fileBytes(ctx.uploads, args), args.fileName);
    try {
      return await verifyPdf(bytes);
    } catch {
      throw new UserError('validation', `${args.fileName}: tệp PDF bị hỏng hoặc không đọc được.`);
    }
  },
  'pdf-sign': async (args, ctx) => {
    const bytes = pdfBytes(fileBytes(ctx.uploads, args), args.fileName);
    const now = ctx.now();
    const image = args.imageBase64 ? Buffer.from(args.imageBase64, 'base64') : null;
    const tsaUrl = (await getSettings(ctx.db)).tsaUrl || null;
    const { signed, cert } = await withSigningKey(args, now, async (signer, cert) => ({
      cert,
      signed: await signPdfWith(bytes, signer, { name: cert.commonName, organisation: cert.organisation, reason: args.reason ?? ROLE_REASON[args.role], location: args.location ?? '', signingTime: now, role: args.role, image, sealSizeMm: args.sealSizeMm, tsaUrl }),
    }));
    const fileName = fileSafeName(args.fileName.replace(/\.pdf$/i, '') + (args.role === 'organisation' ? ' (co quan da ky).pdf' : ' (da ky so).pdf'));
    await auditExport(ctx, null, `signed pdf (${args.role})`, fileName, { source: args.fileName, signedBy: cert.commonName });
    return { fileName, dataBase64: signed.toString('base64'), signedBy: cert.commonName };
  },
};

/** A .p12/.pfx and its password, or a USB token and its PIN, as the contract takes it. */
export type SigningKey = Pick<ApiParsedArgs<'pdf-sign'>, 'p12Base64' | 'password' | 'token'>;

/**
 * Opens the key (a .p12/.pfx, or a USB token logged in with its PIN), checks its certificate
 * can sign now, runs `use` with it and closes the token session whatever happens.
 */
export async function withSigningKey<T>(key: SigningKey, now: Date, use: (signer: CmsSigner, cert: CertificateInfo) => Promise<T>): Promise<T> {
  let signer: CmsSigner & { close?: () => void };
  let cert: CertificateInfo;
  if (key.token) {
    signer = tokenSigner(key.token.library, { tokenLabel: key.token.tokenLabel, certificateId: key.token.certificateId, pin: key.token.pin });
    try {
      cert = certificateInfo(signer.certificate, now);
    } catch (e) {
      signer.close?.();
      throw e;
    }
  } else if (key.p12Base64) {
    ({ info: cert, signer } = openCertificate(Buffer.from(key.p12Base64, 'base64'), key.password ?? '', now));
  } else {
    throw new UserError('validation', 'Cần chứng thư số để ký: tệp .p12/.pfx kèm mật khẩu, hoặc thiết bị ký số (USB token) kèm mã PIN.');
  }
  try {
    return await use(signer, cert);
  } finally {
    signer.close?.();
  }
}
