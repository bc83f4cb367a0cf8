/**
 * The annex's heading rows (a goal, an indicator) are never left at the foot of a page without
 * the row under them: for several lengths of the lines above the table (which move every page
 * break), no page of the annex ends on a heading, while pdfmake's own layout does strand some.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { renderLaidOut } from '../../electron/backend/pdf/render';
import { buildSubmissionPdf, strandedHeadings, submissionDocument } from '../../electron/backend/pdf/submission-pdf';
import { mergeView } from '../../electron/backend/services/merge';
import { call, tempDir, testBackend } from '../helpers/backend';

const hasPoppler = fs.existsSync('/usr/bin/pdftotext');
if (!hasPoppler) console.log('[pdf-headings] poppler-utils missing: apt-get install poppler-utils (done by .ci/run)');

/** The code in the first column of the last table row that starts on each page (pdftotext -layout). */
function lastRowCodes(file: string): string[] {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1)
    .map((page) => {
      const starts = page.split('\n').map((l) => /^\s{0,12}(Chỉ tiêu \d+|[IVX]+|\d+(?:\.\d+)*)\s{2,}\S/.exec(l)?.[1]).filter(Boolean) as string[];
      return starts.at(-1) ?? '';
    });
}

describe.skipIf(!hasPoppler && process.env.CI !== 'true')('annex headings kept with their first row', () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2024-12-04T03:00:00Z') });
  });
  afterAll(() => backend.close());

  it('ends no annex page on a goal or indicator heading, whatever shifts the rows', async () => {
    const view = await mergeView(backend.ctx.db, backend.ctx, 2, undefined, { parts: 'totals' });
    const base = await call(backend, 'document-settings-get', { periodId: 2 });
    const dir = tempDir();
    let strandedByPdfmake = 0;
    for (const [i, body] of ['Sở Y tế', 'Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum, cơ quan thường trực', 'Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum, cơ quan thường trực của Ban chỉ đạo công tác trẻ em và bình đẳng giới của tỉnh', 'Sở Lao động - Thương binh và Xã hội tỉnh Kon Tum, cơ quan thường trực của Ban chỉ đạo công tác trẻ em, bình đẳng giới và vì sự tiến bộ của phụ nữ tỉnh Kon Tum nhiệm kỳ 2021–2026'].entries()) {
      const doc = { ...base, issuingBody: body, number: '7', date: '2024-12-05' };
      strandedByPdfmake += strandedHeadings((await renderLaidOut(submissionDocument(view, doc))).pages).length;
      const file = path.join(dir, `${i}.pdf`);
      fs.writeFileSync(file, await buildSubmissionPdf(view, doc));
      const codes = lastRowCodes(file);
      for (const [p, code] of codes.entries()) expect(code, `${body.length} chars, page ${p + 1} ends with "${code}"`).not.toMatch(/^(Chỉ tiêu|[IVX]+$)/);
    }
    // The case is real: left to itself, the layout strands headings in these documents.
    expect(strandedByPdfmake).toBeGreaterThan(0);
  }, 60_000);
});
