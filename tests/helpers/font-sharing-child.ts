/**
 * Run in a fresh process (fontkit's glyph caches empty): renders each text given on the command
 * line as its own PDF, in order, into the folder given first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderPdf } from '../../electron/backend/pdf/render';

const [dir, ...texts] = process.argv.slice(2);
for (const [i, text] of texts.entries()) {
  fs.writeFileSync(path.join(dir!, `${i}.pdf`), await renderPdf({ content: [{ text }, { text, bold: true }], defaultStyle: { font: 'Serif' } }));
}
