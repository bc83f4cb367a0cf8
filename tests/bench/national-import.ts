/**
 * The import-national measure in a process of its own (started by national.ts): opens the
 * national database, imports the filled files in one batch as the home screen sends them, and
 * writes what it measured to BENCH_OUT.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startBackend } from '../../electron/backend/index';
import { importBatch, type FilledFiles } from './import-batch';

const b = await startBackend({ dbPath: process.env.BENCH_DB!, log: () => undefined });
try {
  const files = JSON.parse(process.env.BENCH_FILES!) as FilledFiles;
  const result = await importBatch(b, files);
  fs.writeFileSync(process.env.BENCH_OUT!, JSON.stringify(result));
  console.log(`  imported ${files.paths.length.toLocaleString('vi-VN')} files in ${path.basename(process.env.BENCH_DB!)} in ${(result.ms / 1000).toFixed(1)} s`);
} finally {
  await b.close();
}
process.exit(0);
