import {
  commitCatalogueImport,
  deleteCatalogue,
  deleteCatalogueIndicator,
  exportForCatalogue,
  listCatalogues,
  previewCatalogueImport,
  saveCatalogue,
  saveCatalogueIndicator,
} from '../services/catalogues';
import { backupBeforeImport } from '../services/backups';
import type { HandlerSlice } from './types';
import { auditExport } from './merge';

type CatalogueMethods =
  | 'catalogue-list' | 'catalogue-save' | 'catalogue-delete' | 'catalogue-indicator-save' | 'catalogue-indicator-delete'
  | 'catalogue-import-preview' | 'catalogue-import-commit' | 'catalogue-export';

const deleted = { deleted: true } as const;

export const catalogueHandlers: HandlerSlice<CatalogueMethods> = {
  'catalogue-list': async (_args, ctx) => listCatalogues(ctx.db),
  'catalogue-save': async (args, ctx) => saveCatalogue(ctx.db, ctx, args),
  'catalogue-delete': async ({ id }, ctx) => (await deleteCatalogue(ctx.db, ctx, id), deleted),
  'catalogue-indicator-save': async (args, ctx) => saveCatalogueIndicator(ctx.db, ctx, args),
  'catalogue-indicator-delete': async ({ id }, ctx) => (await deleteCatalogueIndicator(ctx.db, ctx, id), deleted),
  'catalogue-import-preview': async (args, ctx) => previewCatalogueImport(ctx.uploads, args),
  'catalogue-import-commit': async (args, ctx) => {
    await backupBeforeImport(ctx, 'catalogue_import', undefined);
    return commitCatalogueImport(ctx.db, ctx, args);
  },
  'catalogue-export': async ({ periodId, catalogueId }, ctx) => {
    const f = await exportForCatalogue(ctx.db, ctx, periodId, catalogueId);
    await auditExport(ctx, periodId, 'catalogue xlsx', f.fileName, { catalogueId });
    return { fileName: f.fileName, dataBase64: f.bytes.toString('base64'), count: f.count };
  },
};
