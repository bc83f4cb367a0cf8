/** What every benchmark reports, and the median it reports. */
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
