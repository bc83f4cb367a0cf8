/**
 * A TongHop process that imports every .xlsx of a folder, one file per call as the app does,
 * as one batch. The crash test kills it at random moments.
 *
 *   node --import tsx tests/helpers/import-batch-child.ts DB FOLDER PERIOD_ID
 */
import fs from 'node:fs';
import path from 'node:path';
import { startBackend } from '../../electron/backend/index';

const [dbPath, folder, periodId] = process.argv.slice(2);
const backend = await startBackend({ dbPath: dbPath!, demoOnEmpty: false, log: () => undefined });
const files = fs.readdirSync(folder!).filter((f) => f.endsWith('.xlsx')).sort();
console.log('READY');
for (const fileName of files) {
  const dataBase64 = fs.readFileSync(path.join(folder!, fileName)).toString('base64');
  const r = await backend.dispatch('report-import', { files: [{ fileName, dataBase64 }], periodId: Number(periodId), batchId: 'crash-test' });
  if (!r.ok || (r.result as { outcome: string }[])[0]?.outcome !== 'imported') {
    console.error(`not imported: ${fileName}: ${JSON.stringify(r)}`);
    process.exitCode = 1;
  }
}
await backend.close();
console.log('DONE');
