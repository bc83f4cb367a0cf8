/**
 * The renderer's only way to the backend: typed calls over a transport. The renderer never
 * knows whether the transport is Electron IPC or the local HTTP host.
 */
import type { ApiArgs, ApiMethod, ApiResponse, ApiResult, ApiErrorData } from '../../../shared/api/contract';

export type Transport = (method: ApiMethod, args: unknown) => Promise<ApiResponse<unknown>>;

export class ApiError extends Error {
  constructor(readonly data: ApiErrorData) {
    super(data.message);
    this.name = 'ApiError';
  }
}

export interface Api {
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>>;
}

/**
 * Writes a page may send without waiting for them (the grid's autosave when the page is left, the
 * working period when it is chosen): every later call waits until they are done, so the next
 * screen never reads what was there before them.
 */
const ORDERED_WRITES = new Set<ApiMethod>(['report-entry-save', 'working-period-set', 'merge-save', 'settings-set', 'document-settings-set', 'report-warning-check']);

export function createApi(transport: Transport): Api {
  const pending = new Set<Promise<unknown>>();
  return {
    async call(method, args) {
      if (pending.size) await Promise.allSettled([...pending]);
      let response: ApiResponse<unknown>;
      try {
        const sent = transport(method, args);
        if (ORDERED_WRITES.has(method)) {
          pending.add(sent);
          void sent.finally(() => pending.delete(sent)).catch(() => undefined);
        }
        response = await sent;
      } catch (e) {
        throw new ApiError({ type: 'transport', message: `Mất kết nối tới phần xử lý dữ liệu: ${(e as Error).message}`, method });
      }
      if (!response.ok) throw new ApiError(response.error);
      return response.result as never;
    },
  };
}
