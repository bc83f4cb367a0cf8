import { readCertificate, signPdf } from '../pdf/sign';
import { verifyPdf } from '../pdf/verify';
import { fileBytes } from '../services/uploads';
import { UserError } from '../errors';
import { fileSafeName } from '../../../shared/domain/file-names';
import type { HandlerSlice } from './types';
import { auditExport } from './merge';

const ROLE_REASON = { signer: 'Người ký', organisation: 'Cơ quan ban hành' } as const;

/** A PDF from anywhere: is it one? (The parser's own errors are in English.) */
function pdfBytes(bytes: Buffer, fileName: string): Buffer {
  if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) throw new UserError('validation', `${fileName}: không phải tệp PDF.`);
  return bytes;
}

export const signatureHandlers: HandlerSlice<'pdf-verify' | 'pdf-sign'> = {
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
    const p12 = Buffer.from(args.p12Base64, 'base64');
    const now = ctx.now();
    const cert = readCertificate(p12, args.password, now);
    const name = args.role === 'organisation' ? (cert.organisation ?? cert.commonName) : cert.commonName;
    const signed = await signPdf(bytes, p12, args.password, { name, reason: args.reason ?? ROLE_REASON[args.role], location: args.location ?? '', signingTime: now, role: args.role });
    const fileName = fileSafeName(args.fileName.replace(/\.pdf$/i, '') + (args.role === 'organisation' ? ' (co quan da ky).pdf' : ' (da ky so).pdf'));
    await auditExport(ctx, null, `signed pdf (${args.role})`, fileName, { source: args.fileName, signedBy: cert.commonName });
    return { fileName, dataBase64: signed.toString('base64'), signedBy: cert.commonName };
  },
};
