/**
 * The serif the document is set in: the system's Times New Roman where present (Windows), else
 * Tinos, the metric-compatible free font bundled under resources/fonts (licence beside it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FontFiles {
  family: string;
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

function resourceDirs(): string[] {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const packaged = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  return [
    process.env.TONGHOP_RESOURCES ? path.join(process.env.TONGHOP_RESOURCES, 'fonts') : '',
    path.resolve(here, '../../../resources/fonts'), // electron/backend/pdf (source)
    path.resolve(here, '../../resources/fonts'), // dist/electron (bundle)
    packaged ? path.join(packaged, 'fonts') : '',
  ].filter(Boolean);
}

export function documentFonts(): FontFiles {
  const windows = path.join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts');
  const times = { normal: 'times.ttf', bold: 'timesbd.ttf', italics: 'timesi.ttf', bolditalics: 'timesbi.ttf' };
  if (process.platform === 'win32' && Object.values(times).every((f) => fs.existsSync(path.join(windows, f)))) {
    return { family: 'Times New Roman', normal: path.join(windows, times.normal), bold: path.join(windows, times.bold), italics: path.join(windows, times.italics), bolditalics: path.join(windows, times.bolditalics) };
  }
  for (const dir of resourceDirs()) {
    const f = (name: string) => path.join(dir, `Tinos-${name}.ttf`);
    if (['Regular', 'Bold', 'Italic', 'BoldItalic'].every((n) => fs.existsSync(f(n)))) {
      return { family: 'Tinos', normal: f('Regular'), bold: f('Bold'), italics: f('Italic'), bolditalics: f('BoldItalic') };
    }
  }
  throw new Error(`Không tìm thấy phông chữ để in văn bản (Times New Roman hoặc Tinos trong ${resourceDirs().join(', ')}).`);
}
