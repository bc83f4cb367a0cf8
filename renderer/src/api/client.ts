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

export function createApi(transport: Transport): Api {
  return {
    async call(method, args) {
      let response: ApiResponse<unknown>;
      try {
        response = await transport(method, args);
      } catch (e) {
        throw new ApiError({ type: 'transport', message: `Mất kết nối tới phần xử lý dữ liệu: ${(e as Error).message}`, method });
      }
      if (!response.ok) throw new ApiError(response.error);
      return response.result as never;
    },
  };
}
