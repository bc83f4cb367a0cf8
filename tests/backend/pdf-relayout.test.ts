/**
 * A document laid out again (as the submission is while a heading is stranded) is rendered once:
 * the PDF holds the pages of the last layout only, `again` is shown each layout's pages, and it
 * is asked no more than the passes allowed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { renderLaidOutUntil, type LaidOutPage } from '../../electron/backend/pdf/render';
import { tempDir } from '../helpers/backend';

const hasPoppler = fs.existsSync('/usr/bin/pdftotext');
if (!hasPoppler) console.log('[pdf-relayout] poppler-utils missing: apt-get install poppler-utils (done by .ci/run)');

const pagesOf = (word: string, count: number): TDocumentDefinitions => ({
  content: Array.from({ length: count }, (_, i) => ({ text: `${word} trang ${i + 1}`, pageBreak: i ? ('before' as const) : undefined })),
  defaultStyle: { font: 'Serif' },
  header: (page: number) => ({ text: `đầu trang ${page}`, alignment: 'center' }),
});

describe.skipIf(!hasPoppler && process.env.CI !== 'true')('laying out again before rendering', () => {
  it('renders only the last layout, with its own running heads', async () => {
    const seen: number[] = [];
    const { pdf, pages } = await renderLaidOutUntil(pagesOf('Thứ nhất', 3), (laid: LaidOutPage[]) => {
      seen.push(laid.length);
      return seen.length === 1 ? pagesOf('Thứ hai', 2) : seen.length === 2 ? pagesOf('Thứ ba', 5) : null;
    });
    expect(seen).toEqual([3, 2, 5]);
    expect(pages).toHaveLength(5);
    const file = path.join(tempDir(), 'again.pdf');
    fs.writeFileSync(file, pdf);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+5\n/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Thứ ba trang 5');
    expect(text).toContain('đầu trang 5');
    expect(text).not.toContain('Thứ nhất');
    expect(text).not.toContain('Thứ hai');
  });

  it('stops at the passes allowed, rendering the last one laid out', async () => {
    let asked = 0;
    const { pdf } = await renderLaidOutUntil(pagesOf('Lần 0', 1), () => pagesOf(`Lần ${++asked}`, 1), 3);
    expect(asked).toBe(3);
    const file = path.join(tempDir(), 'capped.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Lần 3 trang 1');
    expect(text).not.toMatch(/Lần [012] /);
  });
});
