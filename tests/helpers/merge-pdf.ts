/** A period's merged report printed as the PDF a compiler gets, and read back with poppler's pdftotext. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Backend } from '../../electron/backend/index';
import { call, tempDir } from './backend';

export const hasPoppler = fs.existsSync('/usr/bin/pdftotext');
export const noPoppler = 'PDF text not checked: pdftotext not installed (apt-get install poppler-utils, done by .ci/run)';

/** The PDF's text on one line (whitespace squeezed), the file's path and its page count. */
export async function mergePdfText(backend: Backend, periodId: number, signerName: string): Promise<{ text: string; file: string; pages: number }> {
  const doc = await call(backend, 'document-settings-get', { periodId });
  const pdf = await call(backend, 'merge-pdf', { periodId, document: { ...doc, signerName } });
  const file = path.join(tempDir(), `ky-${periodId}.pdf`);
  fs.writeFileSync(file, Buffer.from(pdf.dataBase64, 'base64'));
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
  return { text, file, pages };
}
