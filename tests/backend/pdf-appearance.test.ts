/**
 * A text stamp (a signature without an image) is one page with its frame and every line on it:
 * only the first page of an appearance is embedded, so anything pushed to a second is lost.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appearancePdf, SIGNER_BLUE, stampHeight } from '../../electron/backend/pdf/appearance';
import { TEXT_STAMP_WIDTH } from '../../electron/backend/pdf/signature-placement';
import { tempDir } from '../helpers/backend';

const hasPoppler = fs.existsSync('/usr/bin/pdftoppm');
if (!hasPoppler) console.log('[pdf-appearance] poppler-utils missing: apt-get install poppler-utils (done by .ci/run)');

describe.skipIf(!hasPoppler && process.env.CI !== 'true')('signature appearances', () => {
  it('draws a text stamp on one page: framed, every line there, a long name set smaller rather than lost', async () => {
    const dir = tempDir();
    for (const [i, organisation] of ['Sở Lao động - Thương binh và Xã hội', 'Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum, cơ quan thường trực của Ban chỉ đạo công tác trẻ em và bình đẳng giới'].entries()) {
      const stamp = { title: 'Đã ký số', lines: ['Người ký: Nguyễn Văn An', `Cơ quan: ${organisation}`, 'Thời gian ký: 2026-12-03T19:49:11+07:00'] };
      // The second is given less height than it needs.
      const height = i === 0 ? stampHeight(stamp, TEXT_STAMP_WIDTH) : 60;
      const file = path.join(dir, `${i}.pdf`);
      fs.writeFileSync(file, await appearancePdf([0, 0, TEXT_STAMP_WIDTH, height], { kind: 'stamp', ...stamp, color: SIGNER_BLUE }));
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
      expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim()).toBe(`Đã ký số ${stamp.lines.join(' ')}`);
      // The frame: the middle of the top and left edges is blue.
      const ppm = execFileSync('pdftoppm', ['-r', '72', file]);
      const [, w] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 30).toString('latin1'))!.map(Number);
      const start = /^P6\s+\d+\s+\d+\s+255\s/.exec(ppm.subarray(0, 30).toString('latin1'))![0].length;
      const px = (x: number, y: number) => [...ppm.subarray(start + (y * w! + x) * 3, start + (y * w! + x) * 3 + 3)];
      const blue = ([r, g, b]: number[]) => b! > 120 && r! < 150 && g! < 170;
      expect(blue(px(Math.floor(w! / 2), 0))).toBe(true);
      expect(blue(px(0, Math.floor(height / 2)))).toBe(true);
    }
  });
});
