import type { ApiResponse } from '../../../shared/api/contract';
import type { Transport } from './client';

/** What the preload puts on window (see electron/preload). */
export interface TongHopBridge {
  invoke(method: string, args: unknown): Promise<ApiResponse<unknown>>;
}

declare global {
  interface Window {
    tonghop?: TongHopBridge;
  }
}

export function electronTransport(bridge: TongHopBridge): Transport {
  return (method, args) => bridge.invoke(method, args);
}
