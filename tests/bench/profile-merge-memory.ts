/**
 * A profiling harness for the merge's memory and time (not a test):
 *   node --expose-gc --import tsx tests/bench/profile-merge-memory.ts [--sample] [--cpu] [--province]
 * merges the national territory (or, with --province, merge-province's 100 communes and 10 years)
 * three times afresh (every period's report touched before each) and prints each merge's time and
 * the process's peak resident memory; --sample prints the sites that allocated most (writes
 * /tmp/prof/national-merge.heapprofile), --cpu writes /tmp/prof/merge-memory.cpuprofile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { computeMerge, reportsArrive } from './merge-compute';
import { NATIONAL } from './national';
import { buildTerritory } from './territory';
import { peakMb, resetPeak } from './measure';

interface Node { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: Node[] }

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-prof-memory-'));
try {
  const province = process.argv.includes('--province');
  const t = await buildTerritory(path.join(dir, 'territory'), 'territory', province ? { provinces: 0, communes: 100, years: 10 } : NATIONAL);
  const last = t.periods.at(-1)!;
  const touch = reportsArrive(t.b);
  global.gc?.();
  console.log(`built; resident ${peakMb()} MB before merging`);
  const session = new Session();
  session.connect();
  const sampling = process.argv.includes('--sample');
  if (sampling) await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  const cpu = process.argv.includes('--cpu');
  if (cpu) {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  for (let i = 0; i < (province ? 30 : 3); i++) {
    touch();
    global.gc?.();
    resetPeak();
    const s = performance.now();
    await computeMerge(t.b, last.id);
    console.log(`merge ${i + 1}: ${Math.round(performance.now() - s)} ms, peak ${peakMb()} MB`);
  }
  if (cpu) {
    fs.mkdirSync('/tmp/prof', { recursive: true });
    fs.writeFileSync('/tmp/prof/merge-memory.cpuprofile', JSON.stringify((await session.post('Profiler.stop')).profile));
  }
  if (sampling) {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    fs.mkdirSync('/tmp/prof', { recursive: true });
    fs.writeFileSync('/tmp/prof/national-merge.heapprofile', JSON.stringify(profile));
    const bySite = new Map<string, number>();
    const walk = (n: Node) => {
      const f = n.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/.*\/main\//, '')}:${f.lineNumber + 1}`;
      bySite.set(key, (bySite.get(key) ?? 0) + n.selfSize);
      n.children.forEach(walk);
    };
    walk(profile.head as unknown as Node);
    const top = [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 30);
    for (const [k, v] of top) console.log(`${(v / 1024 / 1024 / 3).toFixed(1).padStart(7)} MB/merge  ${k}`);
  }
  await t.b.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
