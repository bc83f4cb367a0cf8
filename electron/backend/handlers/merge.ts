import { exportMergeUpstream, mergeView, overrideMerged, saveMerge } from '../services/merge';
import { buildSubmission } from '../templates/write-submission';
import { buildSubmissionPdf } from '../pdf/submission-pdf';
import { documentSettings, saveDocumentSettings } from '../services/documents';
import type { HandlerSlice } from './types';

export const mergeHandlers: HandlerSlice<'merge-get' | 'merge-export' | 'merge-override' | 'merge-save' | 'merge-export-upstream' | 'document-settings-get' | 'document-settings-set' | 'merge-pdf'> = {
  'merge-get': async ({ periodId, parentUnitId }, ctx) => mergeView(ctx.db, ctx, periodId, parentUnitId),
  'merge-export': async ({ periodId }, ctx) => {
    const { fileName, bytes } = buildSubmission(await mergeView(ctx.db, ctx, periodId));
    return { fileName, dataBase64: bytes.toString('base64') };
  },
  'merge-override': async (args, ctx) => overrideMerged(ctx.db, ctx, args),
  'document-settings-get': async ({ periodId }, ctx) => documentSettings(ctx.db, ctx, periodId),
  'document-settings-set': async (args, ctx) => saveDocumentSettings(ctx.db, args),
  'merge-pdf': async ({ periodId, document }, ctx) => {
    const view = await mergeView(ctx.db, ctx, periodId);
    const bytes = await buildSubmissionPdf(view, document);
    await saveDocumentSettings(ctx.db, document);
    return { fileName: `Bao cao - ${view.parentUnitName} - ${view.period.name}.pdf`, dataBase64: bytes.toString('base64') };
  },
  'merge-save': async ({ periodId, narratives, taskProgress }, ctx) => saveMerge(ctx.db, ctx, periodId, narratives, taskProgress),
  'merge-export-upstream': async ({ periodId }, ctx) => {
    const t = await exportMergeUpstream(ctx.db, ctx, periodId);
    return { fileName: t.fileName, dataBase64: t.bytes.toString('base64'), periodName: t.periodName };
  },
};
