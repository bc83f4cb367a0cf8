import type { Transport } from './client';

const TIMEOUT_MS = 120_000;

/** Local HTTP host: POST /api/:method with the arguments as JSON. */
export const httpTransport: Transport = async (method, args) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const res = await fetch(`./api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args ?? {}),
      signal: controller.signal,
    });
    return await res.json();
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw new Error(`"${method}" không phản hồi sau ${TIMEOUT_MS / 1000} giây`);
    throw e;
  } finally {
    clearTimeout(timer);
  }
};
