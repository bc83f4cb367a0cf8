import { fileBytes } from '../services/uploads';
import { backupDirFor, createBackup, exportDatabase, listBackups, openDatabaseFile, restoreBackup } from '../services/backups';
import type { HandlerSlice } from './types';
import { auditExport } from './merge';

export const backupHandlers: HandlerSlice<'backup-list' | 'backup-create' | 'backup-restore' | 'database-export' | 'database-open'> = {
  'backup-list': async (_args, ctx) => ({ folder: backupDirFor(ctx.dbPath), backups: listBackups(ctx) }),
  'backup-create': async (_args, ctx) => createBackup(ctx, 'manual'),
  'backup-restore': async ({ fileName }, ctx) => restoreBackup(ctx, fileName),
  'database-export': async (_args, ctx) => {
    const { fileName, bytes } = await exportDatabase(ctx);
    await auditExport(ctx, null, 'whole database', fileName, { bytes: bytes.length });
    return { fileName, dataBase64: bytes.toString('base64') };
  },
  'database-open': async (args, ctx) => openDatabaseFile(ctx, args.fileName, fileBytes(ctx.uploads, args)),
};
