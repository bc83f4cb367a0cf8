import { unlockReport } from '../services/locks';
import { valueHistory } from '../services/value-history';
import { backupBeforeImport } from '../services/backups';
import { getEntry, saveEntry } from '../services/report-entry';
import { approveReport, getReport, importReportFiles } from '../services/report-import';
import { approveAllValid, checkWarning, unitReview } from '../services/report-review';
import { templateForUnit, templatesZip } from '../services/templates';
import type { HandlerSlice } from './types';
import { auditExport } from './merge';

export const collectHandlers: HandlerSlice<'template-build' | 'template-build-all' | 'report-import' | 'report-get' | 'report-approve' | 'report-approve-all' | 'report-review' | 'report-warning-check' | 'report-unlock' | 'report-entry-get' | 'report-entry-save' | 'value-history'> = {
  'template-build': async ({ periodId, unitId }, ctx) => {
    const t = await templateForUnit(ctx.db, ctx, periodId, unitId);
    await auditExport(ctx, periodId, 'template xlsx', t.fileName, { unitId });
    return { fileName: t.fileName, dataBase64: t.bytes.toString('base64') };
  },
  'template-build-all': async ({ periodId }, ctx) => {
    const zip = await templatesZip(ctx.db, ctx, periodId);
    await auditExport(ctx, periodId, 'templates zip', zip.fileName, { count: zip.count });
    return zip;
  },
  'report-import': async (args, ctx) => {
    await backupBeforeImport(ctx, 'import', args.batchId);
    return importReportFiles(ctx.db, ctx, args);
  },
  'report-get': async ({ id }, ctx) => getReport(ctx.db, id),
  'report-approve': async ({ id }, ctx) => approveReport(ctx.db, ctx, id),
  'report-approve-all': async ({ periodId }, ctx) => approveAllValid(ctx.db, ctx, periodId),
  'report-review': async ({ periodId, unitId }, ctx) => unitReview(ctx.db, periodId, unitId),
  'report-warning-check': async (args, ctx) => checkWarning(ctx.db, ctx, args),
  'report-unlock': async ({ id, reason }, ctx) => unlockReport(ctx.db, ctx, id, reason),
  'value-history': async ({ periodId, unitId, measureId, optionComboId }, ctx) => valueHistory(ctx.db, periodId, unitId, measureId, optionComboId),
  'report-entry-get': async ({ periodId, unitId }, ctx) => getEntry(ctx.db, periodId, unitId),
  'report-entry-save': async (args, ctx) => saveEntry(ctx.db, ctx, args),
};
