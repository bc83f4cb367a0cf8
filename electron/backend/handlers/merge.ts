import crypto from 'node:crypto';
import { exportMergeUpstream, mergeBreakdown, mergeView, overrideMerged, saveMerge } from '../services/merge';
import { buildSubmission } from '../templates/write-submission';
import { buildSubmissionPdf } from '../pdf/submission-pdf';
import { chartAppendix } from '../charts/appendix';
import { chartFigures } from '../services/progress';
import { signPdfWith } from '../pdf/sign';
import { getSettings } from '../services/settings';
import { withSigningKey, type SigningKey } from './signatures';
import { documentSettings, saveDocumentSettings } from '../services/documents';
import { openFile } from '../services/open-file';
import type { HandlerSlice } from './types';
import { fileSafeName } from '../../../shared/domain/file-names';
import type { BackendContext } from '../context';
import type { DocumentSettings } from '../../../shared/api/types';
import { audit, auditChanges } from '../services/audit';
import { keptMergeView, mergeCells, mergeForScreen } from '../services/merge-screen';

/** Data leaving TongHop is in the audit trail: what, of which period, as which file. */
export async function auditExport(ctx: BackendContext, periodId: number | null, what: string, fileName: string, extra: object = {}): Promise<void> {
  await audit(ctx.db, ctx, { entity: 'export', entityId: periodId, action: what, after: { fileName, ...extra } });
}

async function saveDocumentSettingsAudited(ctx: BackendContext, periodId: number, document: DocumentSettings): Promise<DocumentSettings> {
  const before = await documentSettings(ctx.db, ctx, periodId);
  const saved = await saveDocumentSettings(ctx.db, periodId, document);
  // Images are recorded by their fingerprint, not their bytes.
  const image = (b64: string | null | undefined) => (b64 ? `ảnh PNG ${Math.round((b64.length * 3) / 4 / 1024)} KB, sha256 ${crypto.createHash('sha256').update(b64, 'base64').digest('hex').slice(0, 16)}` : null);
  const kept = ({ date: _d, subject: _s, number: _n, signatureImage, sealImage, ...rest }: DocumentSettings) => ({ ...rest, signatureImage: image(signatureImage), sealImage: image(sealImage) });
  await auditChanges(ctx.db, ctx, { entity: 'setting', entityId: periodId, action: 'document settings' }, kept(before), kept(saved));
  return saved;
}

/** Signs a document as NĐ 30 wants: the signer first, then the organisation over it, each an incremental update with its image. */
export async function signAsAuthorities(ctx: BackendContext, pdf: Buffer, sign: { signer?: SigningKey; organisation?: SigningKey }, document: DocumentSettings, reason: string): Promise<{ pdf: Buffer; signedBy: string[] }> {
  const now = ctx.now();
  const signedBy: string[] = [];
  const tsaUrl = (await getSettings(ctx.db)).tsaUrl || null;
  for (const role of ['signer', 'organisation'] as const) {
    const key = sign[role];
    if (!key) continue;
    pdf = await withSigningKey(key, now, async (signer, cert) => {
      signedBy.push(cert.commonName);
      const image = role === 'signer' ? document.signatureImage : document.sealImage;
      return signPdfWith(pdf, signer, {
        name: cert.commonName,
        organisation: cert.organisation,
        reason: role === 'signer' ? reason : `Cơ quan ban hành: ${document.issuingBody}`,
        location: document.place,
        signingTime: now,
        role,
        image: image ? Buffer.from(image, 'base64') : null,
        sealSizeMm: document.sealSizeMm,
        tsaUrl,
      });
    });
  }
  return { pdf, signedBy };
}

export const mergeHandlers: HandlerSlice<'merge-get' | 'merge-cells' | 'merge-breakdown' | 'merge-export' | 'merge-override' | 'merge-save' | 'merge-export-upstream' | 'document-settings-get' | 'document-settings-set' | 'merge-pdf' | 'file-open'> = {
  // The screen: each part's total; one measure's parts by unit when it is opened (merge-breakdown).
  // A large tree's view comes with the children's figures; those under them follow (merge-cells).
  'merge-get': async ({ periodId, parentUnitId }, ctx) => mergeForScreen(ctx.db, ctx, periodId, parentUnitId),
  'merge-cells': async (args, ctx) => mergeCells(ctx.db, ctx, args),
  'merge-breakdown': async ({ periodId, measureId }, ctx) => mergeBreakdown(ctx.db, ctx, periodId, measureId),
  'merge-export': async ({ periodId }, ctx) => {
    const { fileName, bytes } = buildSubmission(await mergeView(ctx.db, ctx, periodId), await chartFigures(ctx.db, ctx, periodId));
    await auditExport(ctx, periodId, 'submission xlsx', fileName);
    return { fileName, dataBase64: bytes.toString('base64') };
  },
  'merge-override': async (args, ctx) => overrideMerged(ctx.db, ctx, args),
  'file-open': async ({ fileName, dataBase64 }, ctx) => openFile(ctx, fileName, Buffer.from(dataBase64, 'base64')),
  'document-settings-get': async ({ periodId }, ctx) => documentSettings(ctx.db, ctx, periodId),
  'document-settings-set': async ({ periodId, document }, ctx) => saveDocumentSettingsAudited(ctx, periodId, document),
  'merge-pdf': async ({ periodId, document, sign, charts: choice }, ctx) => {
    // The view the screen was shown, when nothing was written since (at national size a merge takes a second).
    const view = await keptMergeView(ctx.db, ctx, periodId);
    const fileName = fileSafeName(`Bao cao - ${view.parentUnitName} - ${view.period.name}.pdf`);
    await saveDocumentSettingsAudited(ctx, periodId, document);
    const charts = choice ? await chartAppendix(ctx.db, ctx, periodId, choice) : null;
    if (!sign) {
      const pdf = await buildSubmissionPdf(view, document, charts);
      await auditExport(ctx, periodId, 'report pdf', fileName);
      return { fileName, dataBase64: pdf.toString('base64'), signedBy: null };
    }
    const signed = await signAsAuthorities(ctx, await buildSubmissionPdf(view, document, charts), sign, document, `Ký báo cáo ${document.subject}`);
    await auditExport(ctx, periodId, 'signed report pdf', fileName, { signedBy: signed.signedBy.join('; ') });
    return { fileName: fileName.replace(/\.pdf$/, ' (da ky so).pdf'), dataBase64: signed.pdf.toString('base64'), signedBy: signed.signedBy.join(', ') };
  },
  'merge-save': async ({ periodId, narratives, taskProgress }, ctx) => saveMerge(ctx.db, ctx, periodId, narratives, taskProgress),
  'merge-export-upstream': async ({ periodId }, ctx) => {
    const t = await exportMergeUpstream(ctx.db, ctx, periodId);
    await auditExport(ctx, periodId, 'file for the level above', t.fileName);
    return { fileName: t.fileName, dataBase64: t.bytes.toString('base64'), periodName: t.periodName, notes: t.notes };
  },
};
