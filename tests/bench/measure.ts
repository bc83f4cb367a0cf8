/** What every benchmark reports, and how it measures: medians of several runs, the process's peak memory. */
export interface Row {
  what: string;
  workload: string;
  ms: number;
  floorMs: number | null;
  ratio: number | null;
  goal: string;
  met: boolean;
  peakRssMb?: number;
  note?: string;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** The median time of `runs` runs of fn, in ms; `before` runs untimed before each. */
export async function time(fn: () => Promise<unknown> | unknown, runs = RUNS, before?: () => unknown): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

/** The process's resident memory, sampled every 20 ms: reset before a measured step, read after it. */
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
sampler.unref();
export const resetPeak = () => (peak = process.memoryUsage().rss);
export const peakMb = () => Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024);
