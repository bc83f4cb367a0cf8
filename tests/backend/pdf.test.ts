import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/index';
import { pageNumberOf, renderPdf } from '../../electron/backend/pdf/submission-pdf';
import type { DocumentSettings } from '../../shared/api/types';
import { VIETNAMESE_LETTERS } from '../../shared/domain/documents';
import { REPO_ROOT, call, tempDir, testBackend } from '../helpers/backend';

const poppler = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });
const hasPoppler = fs.existsSync('/usr/bin/pdftotext');
if (!hasPoppler) console.log('[pdf] poppler-utils missing: apt-get install poppler-utils (done by .ci/run)');

describe.skipIf(!hasPoppler && process.env.CI !== 'true')('the official report as PDF', () => {
  let backend: Backend;
  let file: string;
  let text: string;
  let flat: string;

  beforeAll(async () => {
    backend = await testBackend({ demo: true, now: new Date('2024-12-04T03:00:00Z') });
    const status = (await call(backend, 'period-status', { id: 2 }))!;
    const entry = await call(backend, 'report-entry-get', { periodId: 2, unitId: status.units.find((u) => u.unitName === 'Huyện Sa Thầy')!.unitId });
    const m = (code: string) => entry.measures.find((x) => x.code === code)!.id;
    const empty = { numerator: null, denominator: null, value: null, textValue: null, note: null };
    await call(backend, 'report-entry-save', {
      periodId: 2,
      unitId: entry.unit.id,
      values: [{ ...empty, measureId: m('1.2'), numerator: 7, denominator: 10 }],
      narratives: { results: 'Huyện đã tổ chức 12 lớp tập huấn về quyền trẻ em cho cán bộ xã.' },
    });
    const doc: DocumentSettings = {
      ...(await call(backend, 'document-settings-get', { periodId: 2 })),
      parentBody: 'UBND tỉnh Kon Tum',
      issuingBody: 'Sở Lao động - Thương binh và Xã hội',
      number: '5',
      date: '2024-12-05',
      signerName: 'Nguyễn Văn An',
      recipients: ['Bộ Lao động - Thương binh và Xã hội (b/c);', 'UBND tỉnh (b/c);', 'Lưu: VT, BTXH.'],
    };
    const pdf = await call(backend, 'merge-pdf', { periodId: 2, document: doc });
    file = path.join(tempDir(), 'bao-cao.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.dataBase64, 'base64'));
    text = poppler('pdftotext', ['-layout', file, '-']);
    flat = poppler('pdftotext', [file, '-']).replace(/\s+/g, ' ');
  });
  afterAll(() => backend.close());

  it('is A4: the body portrait, the appendix landscape', () => {
    const pages = Number(/Pages: +(\d+)/.exec(poppler('pdfinfo', [file]))![1]);
    const sizes = [...poppler('pdfinfo', ['-f', '1', '-l', String(pages), file]).matchAll(/Page +(\d+) size: +([\d.]+) x ([\d.]+) pts \(A4\)/g)].map((m) => [Number(m[2]), Number(m[3])]);
    expect(sizes).toHaveLength(pages);
    const texts = text.split('\f');
    const appendixFrom = texts.findIndex((t) => t.includes('KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU VỀ TRẺ EM'));
    expect(appendixFrom).toBeGreaterThan(0);
    sizes.forEach(([w, h], i) => expect([w, h], `page ${i + 1}`).toEqual(i < appendixFrom ? [595.28, 841.89] : [841.89, 595.28]));
  });

  it('embeds its fonts', () => {
    const fonts = poppler('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+yes\b/);
  });

  it('carries the Vietnamese of the header, title, a table row and the signature block exactly', () => {
    for (const s of ['UBND TỈNH KON TUM', 'SỞ LAO ĐỘNG - THƯƠNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 05/BC-SLĐTBXH', 'Kon Tum, ngày 05 tháng 12 năm 2024', 'BÁO CÁO', 'Kết quả thực hiện công tác trẻ em năm 2024', 'I. KẾT QUẢ THỰC HIỆN', 'Huyện đã tổ chức 12 lớp tập huấn về quyền trẻ em cho cán bộ xã.', 'Nơi nhận:', '- Lưu: VT, BTXH.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn An', 'Phụ lục', 'KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU VỀ TRẺ EM']) {
      expect(flat, s).toContain(s);
    }
    // Measure 1.2: 7/10 = 70,00 % against 58,82 %.
    expect(text).toMatch(/1\.2 +Tỷ lệ xã, phường, thị trấn đạt tiêu chuẩn phù +% +58,82 +70,00 +Đạt/);
  });

  it('numbers pages at the top as NĐ 30 does: not the first page, and the annex on its own from its second page', () => {
    const pages = text.split('\f');
    const firstLine = (i: number) => pages[i]!.trim().split('\n')[0]!.trim();
    expect(pages[0]!.trimStart().startsWith('UBND')).toBe(true);
    // The report takes one page here; the annex begins on page 2, unnumbered, and counts 2, 3, … after.
    expect(firstLine(1)).toBe('Phụ lục');
    expect(pages.length - 1).toBeGreaterThan(3);
    for (let i = 2; i < pages.length - 1; i++) expect(firstLine(i)).toBe(String(i));
  });

  it('counts pages from 1 again in each annex (pure)', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((p) => pageNumberOf(p, [3, 6]))).toEqual([null, 2, null, 2, 3, null, 2]);
    expect([1, 2].map((p) => pageNumberOf(p, []))).toEqual([null, 2]);
  });

  it('renders every letter of Vietnamese with every tone mark', async () => {
    const letters = VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.toUpperCase();
    const pdf = await renderPdf({ content: [{ text: letters }, { text: letters, bold: true }, { text: letters, italics: true }], defaultStyle: { font: 'Serif' } });
    const f = path.join(tempDir(), 'alphabet.pdf');
    fs.writeFileSync(f, pdf);
    const out = poppler('pdftotext', [f, '-']).replace(/\s+/g, '');
    expect(out).toBe(letters.repeat(3).normalize('NFC'));
  });

  it('shares parsed fonts, not subsets: documents made one after another each embed exactly their own glyphs', () => {
    // In a fresh process: composites first ("á" is "a" + acute, "ợ" is "ơ" + dot), then their bases
    // alone, then the first again. A shared subset would leak glyphs; a glyph cached without its
    // character (as the first subset asks for components) would drop out of the next ToUnicode.
    const texts = ['báo cáo hợp', 'a ơ xyz Ứng Hòa', 'báo cáo hợp'];
    const dir = tempDir();
    execFileSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), [path.join(REPO_ROOT, 'tests/helpers/font-sharing-child.ts'), dir, ...texts], { cwd: REPO_ROOT });
    const sizes: number[] = [];
    for (const [i, t] of texts.entries()) {
      const f = path.join(dir, `${i}.pdf`);
      expect(poppler('pdftotext', [f, '-']).replace(/\s+/g, ' ').trim(), `document ${i + 1}`).toBe(`${t} ${t}`.normalize('NFC'));
      expect(poppler('pdffonts', [f]).split('\n').slice(2).filter(Boolean)).toHaveLength(2);
      sizes.push(fs.statSync(f).size);
    }
    // The same text gives the same subsets, whatever came before.
    expect(sizes[2]).toBe(sizes[0]);
  }, 30_000);

  it('renders its pages for a person to look at', () => {
    const dir = path.join(REPO_ROOT, 'tests/artifacts');
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '2', file, path.join(dir, 'pdf-bao-cao')]);
    expect(fs.existsSync(path.join(dir, 'pdf-bao-cao-1.png'))).toBe(true);
  });
});

describe('the rules of the NĐ 30 header', () => {
  it('draws the rule under the issuing body 1/3–1/2 of its line, and under the motto as long as the motto', async () => {
    const { ruleUnder, textWidth } = await import('../../electron/backend/pdf/submission-pdf');
    for (const body of ['SỞ Y TẾ', 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI']) {
      const line = Math.min(textWidth(body, 12, true), 187);
      const rule = ruleUnder(body, 12, true, 187);
      expect(rule / line).toBeGreaterThanOrEqual(1 / 3);
      expect(rule / line).toBeLessThanOrEqual(1 / 2);
    }
    // "SỞ Y TẾ" is short: its rule is far shorter than the old fixed 21 mm (60 pt).
    expect(ruleUnder('SỞ Y TẾ', 12, true, 187)).toBeLessThan(25);
    const motto = 'Độc lập - Tự do - Hạnh phúc';
    expect(ruleUnder(motto, 14, true, 280, 1)).toBeCloseTo(textWidth(motto, 14, true), 0);
  });
});
