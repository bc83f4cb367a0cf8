import { exportMergeUpstream, mergeBreakdown, mergeView, overrideMerged, saveMerge } from '../services/merge';
import { buildSubmission } from '../templates/write-submission';
import { buildSubmissionPdf } from '../pdf/submission-pdf';
import { readCertificate, signPdf, vietnamIso } from '../pdf/sign';
import { documentSettings, saveDocumentSettings } from '../services/documents';
import { openFile } from '../services/open-file';
import type { HandlerSlice } from './types';

export const mergeHandlers: HandlerSlice<'merge-get' | 'merge-breakdown' | 'merge-export' | 'merge-override' | 'merge-save' | 'merge-export-upstream' | 'document-settings-get' | 'document-settings-set' | 'merge-pdf' | 'file-open'> = {
  // The screen: each part's total; one measure's parts by unit when it is opened (merge-breakdown).
  'merge-get': async ({ periodId, parentUnitId }, ctx) => mergeView(ctx.db, ctx, periodId, parentUnitId, { parts: 'totals' }),
  'merge-breakdown': async ({ periodId, measureId }, ctx) => mergeBreakdown(ctx.db, ctx, periodId, measureId),
  'merge-export': async ({ periodId }, ctx) => {
    const { fileName, bytes } = buildSubmission(await mergeView(ctx.db, ctx, periodId));
    return { fileName, dataBase64: bytes.toString('base64') };
  },
  'merge-override': async (args, ctx) => overrideMerged(ctx.db, ctx, args),
  'file-open': async ({ fileName, dataBase64 }) => openFile(fileName, Buffer.from(dataBase64, 'base64')),
  'document-settings-get': async ({ periodId }, ctx) => documentSettings(ctx.db, ctx, periodId),
  'document-settings-set': async ({ periodId, document }, ctx) => saveDocumentSettings(ctx.db, periodId, document),
  'merge-pdf': async ({ periodId, document, sign }, ctx) => {
    const view = await mergeView(ctx.db, ctx, periodId, undefined, { parts: 'totals' });
    const fileName = `Bao cao - ${view.parentUnitName} - ${view.period.name}.pdf`;
    await saveDocumentSettings(ctx.db, periodId, document);
    if (!sign) return { fileName, dataBase64: (await buildSubmissionPdf(view, document)).toString('base64'), signedBy: null };
    const p12 = Buffer.from(sign.p12Base64, 'base64');
    const now = ctx.now();
    const cert = readCertificate(p12, sign.password, now);
    const pdf = await buildSubmissionPdf(view, document, { signer: cert.commonName, organisation: cert.organisation, time: vietnamIso(now) });
    const signed = await signPdf(pdf, p12, sign.password, { name: cert.commonName, reason: `Ký báo cáo ${document.subject}`, location: document.place, signingTime: now });
    return { fileName: fileName.replace(/\.pdf$/, ' (da ky so).pdf'), dataBase64: signed.toString('base64'), signedBy: cert.commonName };
  },
  'merge-save': async ({ periodId, narratives, taskProgress }, ctx) => saveMerge(ctx.db, ctx, periodId, narratives, taskProgress),
  'merge-export-upstream': async ({ periodId }, ctx) => {
    const t = await exportMergeUpstream(ctx.db, ctx, periodId);
    return { fileName: t.fileName, dataBase64: t.bytes.toString('base64'), periodName: t.periodName, notes: t.notes };
  },
};
