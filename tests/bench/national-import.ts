/**
 * The import-national measure in a process of its own (started by national.ts): opens the
 * national database (BENCH_DB), imports the filled files listed in BENCH_FILES in one batch as
 * the home screen sends them, and writes what it measured to BENCH_OUT.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startBackend } from '../../electron/backend/index';
import { importBatch, type FilledFiles } from './import-batch';

const b = await startBackend({ dbPath: process.env.BENCH_DB!, log: () => undefined });
const openMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
try {
  const files = JSON.parse(fs.readFileSync(process.env.BENCH_FILES!, 'utf8')) as FilledFiles;
  const result = await importBatch(b, files);
  fs.writeFileSync(process.env.BENCH_OUT!, JSON.stringify(result));
  console.log(`  imported ${files.paths.length.toLocaleString('vi-VN')} files in ${path.basename(process.env.BENCH_DB!)} in ${(result.ms / 1000).toFixed(1)} s; resident memory ${openMb} MB with the database open, ${result.peak} MB at the peak (the parsing workers included)`);
} finally {
  await b.close();
}
process.exit(0);
