import { exportMergeUpstream, mergeBreakdown, mergeView, overrideMerged, saveMerge } from '../services/merge';
import { buildSubmission } from '../templates/write-submission';
import { buildSubmissionPdf, buildSubmissionPdfWithStamp } from '../pdf/submission-pdf';
import { openCertificate, signPdfWith, vietnamIso } from '../pdf/sign';
import { documentSettings, saveDocumentSettings } from '../services/documents';
import { openFile } from '../services/open-file';
import type { HandlerSlice } from './types';
import { fileSafeName } from '../../../shared/domain/file-names';
import type { BackendContext } from '../context';
import type { DocumentSettings } from '../../../shared/api/types';
import { audit, auditChanges } from '../services/audit';

/** Data leaving TongHop is in the audit trail: what, of which period, as which file. */
export async function auditExport(ctx: BackendContext, periodId: number | null, what: string, fileName: string, extra: object = {}): Promise<void> {
  await audit(ctx.db, ctx, { entity: 'export', entityId: periodId, action: what, after: { fileName, ...extra } });
}

async function saveDocumentSettingsAudited(ctx: BackendContext, periodId: number, document: DocumentSettings): Promise<DocumentSettings> {
  const before = await documentSettings(ctx.db, ctx, periodId);
  const saved = await saveDocumentSettings(ctx.db, periodId, document);
  const kept = ({ date: _d, subject: _s, number: _n, ...rest }: DocumentSettings) => rest;
  await auditChanges(ctx.db, ctx, { entity: 'setting', entityId: periodId, action: 'document settings' }, kept(before), kept(saved));
  return saved;
}

export const mergeHandlers: HandlerSlice<'merge-get' | 'merge-breakdown' | 'merge-export' | 'merge-override' | 'merge-save' | 'merge-export-upstream' | 'document-settings-get' | 'document-settings-set' | 'merge-pdf' | 'file-open'> = {
  // The screen: each part's total; one measure's parts by unit when it is opened (merge-breakdown).
  'merge-get': async ({ periodId, parentUnitId }, ctx) => mergeView(ctx.db, ctx, periodId, parentUnitId, { parts: 'totals' }),
  'merge-breakdown': async ({ periodId, measureId }, ctx) => mergeBreakdown(ctx.db, ctx, periodId, measureId),
  'merge-export': async ({ periodId }, ctx) => {
    const { fileName, bytes } = buildSubmission(await mergeView(ctx.db, ctx, periodId));
    await auditExport(ctx, periodId, 'submission xlsx', fileName);
    return { fileName, dataBase64: bytes.toString('base64') };
  },
  'merge-override': async (args, ctx) => overrideMerged(ctx.db, ctx, args),
  'file-open': async ({ fileName, dataBase64 }, ctx) => openFile(ctx, fileName, Buffer.from(dataBase64, 'base64')),
  'document-settings-get': async ({ periodId }, ctx) => documentSettings(ctx.db, ctx, periodId),
  'document-settings-set': async ({ periodId, document }, ctx) => saveDocumentSettingsAudited(ctx, periodId, document),
  'merge-pdf': async ({ periodId, document, sign }, ctx) => {
    const view = await mergeView(ctx.db, ctx, periodId, undefined, { parts: 'totals' });
    const fileName = fileSafeName(`Bao cao - ${view.parentUnitName} - ${view.period.name}.pdf`);
    await saveDocumentSettingsAudited(ctx, periodId, document);
    if (!sign) {
      const pdf = await buildSubmissionPdf(view, document);
      await auditExport(ctx, periodId, 'report pdf', fileName);
      return { fileName, dataBase64: pdf.toString('base64'), signedBy: null };
    }
    const now = ctx.now();
    const { info: cert, signer } = openCertificate(Buffer.from(sign.p12Base64, 'base64'), sign.password, now);
    const { pdf, stamp } = await buildSubmissionPdfWithStamp(view, document, { signer: cert.commonName, organisation: cert.organisation, time: vietnamIso(now) });
    const signed = await signPdfWith(pdf, signer, { name: cert.commonName, reason: `Ký báo cáo ${document.subject}`, location: document.place, signingTime: now, role: 'signer', stamp });
    await auditExport(ctx, periodId, 'signed report pdf', fileName, { signedBy: cert.commonName });
    return { fileName: fileName.replace(/\.pdf$/, ' (da ky so).pdf'), dataBase64: signed.toString('base64'), signedBy: cert.commonName };
  },
  'merge-save': async ({ periodId, narratives, taskProgress }, ctx) => saveMerge(ctx.db, ctx, periodId, narratives, taskProgress),
  'merge-export-upstream': async ({ periodId }, ctx) => {
    const t = await exportMergeUpstream(ctx.db, ctx, periodId);
    await auditExport(ctx, periodId, 'file for the level above', t.fileName);
    return { fileName: t.fileName, dataBase64: t.bytes.toString('base64'), periodName: t.periodName, notes: t.notes };
  },
};
