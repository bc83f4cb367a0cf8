/**
 * The one place where a method name becomes a call: unknown methods and invalid arguments are
 * answered with an error as data, and every error names the method it came from.
 */
import { validationText, type IssueLike } from '../../shared/api/validation-text';
import { apiMethods, isApiMethod, type ApiErrorData, type ApiMethod, type ApiResponse } from '../../shared/api/contract';
import type { BackendContext } from './context';
import { UserError } from './errors';
import { StorageError } from './db/storage-error';
import { storageError, storageMessage } from './storage-messages';
import { ensureDailyBackup } from './services/backups';
import { appHandlers } from './handlers/app';
import { backupHandlers } from './handlers/backups';
import { catalogueHandlers } from './handlers/catalogues';
import { collectHandlers } from './handlers/collect';
import { mergeHandlers } from './handlers/merge';
import { signatureHandlers } from './handlers/signatures';
import { periodHandlers } from './handlers/periods';
import { planHandlers } from './handlers/plans';
import type { Handler, Handlers } from './handlers/types';
import { unitHandlers } from './handlers/units';
import { progressHandlers } from './handlers/progress';
import { reminderHandlers } from './handlers/reminders';

function combine(...slices: Partial<Handlers>[]): Handlers {
  const out: Partial<Record<ApiMethod, unknown>> = {};
  for (const slice of slices) {
    for (const [name, handler] of Object.entries(slice)) {
      if (name in out) throw new Error(`API method registered twice: ${name}`);
      out[name as ApiMethod] = handler;
    }
  }
  const missing = Object.keys(apiMethods).filter((m) => !(m in out));
  if (missing.length) throw new Error(`API methods without a handler: ${missing.join(', ')}`);
  return out as Handlers;
}

const handlers: Handlers = combine(appHandlers, planHandlers, catalogueHandlers, periodHandlers, collectHandlers, mergeHandlers, progressHandlers, reminderHandlers, signatureHandlers, unitHandlers, backupHandlers) satisfies Handlers;

export type Dispatch = (method: unknown, args: unknown) => Promise<ApiResponse<unknown>>;

export function createDispatcher(ctx: BackendContext, log: (message: string) => void = console.error): Dispatch {
  return async (method, args) => {
    if (!isApiMethod(method)) {
      return { ok: false, error: { type: 'unknown_method', message: `Không có chức năng "${String(method)}".`, method: String(method) } };
    }
    const parsed = apiMethods[method].safeParse(args ?? {});
    if (!parsed.success) {
      return { ok: false, error: { type: 'validation', message: validationText(parsed.error.issues[0] as IssueLike | undefined), method } };
    }
    try {
      await ctx.callsAllowed();
      await ensureDailyBackup(ctx, log);
      const handler = handlers[method] as Handler<typeof method>;
      return { ok: true, result: await handler(parsed.data as never, ctx) };
    } catch (e) {
      return { ok: false, error: toErrorData(e, method, ctx, log) };
    }
  };
}

function toErrorData(e: unknown, method: ApiMethod, ctx: BackendContext, log: (message: string) => void): ApiErrorData {
  if (e instanceof UserError) return { type: e.type, message: e.message, method };
  if (e instanceof StorageError) {
    const said = storageMessage(e);
    return { type: said.type, message: said.message, method };
  }
  const sqliteCode = (e as { code?: string })?.code;
  if (sqliteCode === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return { type: 'conflict', message: 'Dữ liệu đang được dùng ở nơi khác hoặc tham chiếu tới mục không tồn tại.', method };
  }
  if (sqliteCode === 'SQLITE_FULL' || sqliteCode === 'SQLITE_READONLY' || sqliteCode === 'SQLITE_IOERR' || sqliteCode === 'ENOSPC') {
    const err = storageError(e, ctx.dbPath);
    if (err instanceof UserError) return { type: err.type, message: err.message, method };
  }
  if (sqliteCode === 'SQLITE_BUSY' || sqliteCode === 'SQLITE_LOCKED') {
    return { type: 'conflict', message: 'Tệp dữ liệu đang bận (có thể đang mở ở một cửa sổ TongHop khác). Hãy thử lại.', method };
  }
  log(`[${method}] ${(e as Error)?.stack ?? String(e)}`);
  return { type: 'internal', message: `Lỗi không mong đợi khi thực hiện "${method}": ${(e as Error)?.message ?? String(e)}`, method };
}
