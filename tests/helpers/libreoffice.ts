/** LibreOffice Calc as a real client: open a file and save it again as .xlsx, .xls or .ods. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './backend';

export const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
export const noOffice = 'LibreOffice (soffice) not installed: apt-get install libreoffice-calc (done by .ci/run)';
/** Tests that need LibreOffice run everywhere it is installed, and always in CI (where it must be). */
export const withoutOffice = !soffice && process.env.CI !== 'true';

const FILTERS = { xlsx: 'xlsx:Calc MS Excel 2007 XML', xls: 'xls:MS Excel 97', ods: 'ods:calc8' } as const;
export type OfficeFormat = keyof typeof FILTERS;

/** The file as LibreOffice Calc saves it after opening it (a fresh profile per call folder). */
export function resaveWithCalc(bytes: Uint8Array, format: OfficeFormat, dir = tempDir('tonghop-calc-')): Buffer {
  if (!soffice) throw new Error(noOffice);
  const src = path.join(dir, `in-${format}.xlsx`);
  fs.writeFileSync(src, bytes);
  const outDir = path.join(dir, format);
  execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', FILTERS[format], '--outdir', outDir, src], { stdio: 'ignore', timeout: 120_000 });
  return fs.readFileSync(path.join(outDir, `in-${format}.${format}`));
}

/** The workbook printed by LibreOffice Calc to PDF (what an office gets from Ctrl+P): the PDF's bytes. */
export function printWithCalc(bytes: Uint8Array, dir = tempDir('tonghop-print-')): Buffer {
  if (!soffice) throw new Error(noOffice);
  const src = path.join(dir, 'in.xlsx');
  fs.writeFileSync(src, bytes);
  execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf:calc_pdf_Export', '--outdir', dir, src], { stdio: 'ignore', timeout: 180_000 });
  return fs.readFileSync(path.join(dir, 'in.pdf'));
}
