/**
 * The pdf row's floor: pdfmake as a plain user of it runs it. A fresh instance given copies of
 * the same font files, so TongHop's sharing of parsed fonts (kept by file) does not apply and
 * every document parses its faces, and nothing laid out again: one layout, one rendering.
 */
import fs from 'node:fs';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { documentFonts } from '../../electron/backend/pdf/fonts';

type Pdfmake = {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (p: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};

export function plainPdfmake(dir: string): (definition: TDocumentDefinitions) => Promise<Buffer> {
  const fontDir = fs.mkdtempSync(path.join(dir, 'fonts-'));
  const faces = documentFonts();
  const copies: Record<string, string> = {};
  for (const face of ['normal', 'bold', 'italics', 'bolditalics'] as const) {
    copies[face] = path.join(fontDir, `${face}${path.extname(faces[face])}`);
    fs.copyFileSync(faces[face], copies[face]);
  }
  const plain = new ((pdfmake as unknown as { constructor: new () => Pdfmake }).constructor)();
  plain.setFonts({ Serif: copies });
  plain.setUrlAccessPolicy(() => false);
  plain.setLocalAccessPolicy((p) => Object.values(copies).includes(p));
  return async (definition) => Buffer.from(await plain.createPdf(definition).getBuffer());
}
