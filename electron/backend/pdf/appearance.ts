/**
 * What a signature shows on the page, drawn by pdfmake as a one-page PDF the size of its
 * rectangle (then embedded as the widget's or the stamp's appearance): the signature or seal
 * image, a framed text stamp when there is no image, or the organisation's details on an
 * attachment. Text is in the document's serif, so Vietnamese reads the same as the report.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf, textWidth } from './render';
import type { Rect } from './signature-placement';

export type Appearance =
  /** A transparent PNG filling the rectangle (fitted to its proportions beforehand). */
  | { kind: 'image'; png: Buffer }
  /** A framed stamp in one colour: a bold title ("Đã ký số") over short lines of 10 pt, centred. */
  | { kind: 'stamp'; title: string; lines: string[]; color: string }
  /** Plain lines, 10 pt black, right-aligned (the organisation's details on attachments). */
  | { kind: 'details'; lines: string[] };

export const SIGNER_BLUE = '#1f4fa8';
export const SEAL_RED = '#c8102e';

const TITLE_SIZE = 11;
const LINE_SIZE = 10;
const PAD = 4;
const LINE = 0.8;
/** A line's height in pdfmake: the font's (Tinos/Times: 1.15 em) times the document's line height. */
const lineHeight = (size: number) => size * 1.15 * 1.1;

/** The height a stamp takes at this width: its lines as they wrap, the padding and the frame. */
export function stampHeight(stamp: { title: string; lines: string[] }, width: number): number {
  const inner = width - 2 * (PAD + LINE);
  const wrapped = (text: string, size: number, bold: boolean) => Math.max(1, Math.ceil(textWidth(text, size, bold) / inner)) * lineHeight(size);
  return wrapped(stamp.title, TITLE_SIZE, true) + stamp.lines.reduce((h, l) => h + wrapped(l, LINE_SIZE, false), 0) + 2 * PAD + 2 * LINE + 2;
}

export async function appearancePdf(rect: Rect, appearance: Appearance): Promise<Buffer> {
  const width = Math.max(1, rect[2] - rect[0]);
  const height = Math.max(1, rect[3] - rect[1]);
  // Everything on one page (only the first is embedded): text that would not fit is set smaller.
  for (let scale = 1; ; scale -= 0.1) {
    const pdf = await renderPdf(appearanceDocument(width, height, appearance, scale));
    if (scale <= 0.6 || (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length <= 1) return pdf;
  }
}

function appearanceDocument(width: number, height: number, appearance: Appearance, scale: number): TDocumentDefinitions {
  const page = { version: '1.7' as const, pageSize: { width, height }, defaultStyle: { font: 'Serif', lineHeight: 1.1 }, info: { creator: 'TongHop', producer: 'TongHop' } };
  if (appearance.kind === 'image') return { ...page, pageMargins: [0, 0, 0, 0], content: { image: `data:image/png;base64,${appearance.png.toString('base64')}`, width, height } };
  if (appearance.kind === 'details') return { ...page, pageMargins: [0, 0, 0, 0], content: { stack: appearance.lines.map((text) => ({ text, fontSize: 10 * scale, alignment: 'right' as const, color: 'black' })) } };
  // The stamp: its frame drawn on the page's background, the lines centred inside it.
  const color = appearance.color;
  const edge = PAD + LINE;
  const slack = Math.max(0, height - stampHeight(appearance, width)) / 2;
  return {
    ...page,
    pageMargins: [edge, edge + slack, edge, 0],
    background: () => ({ canvas: [{ type: 'rect', x: LINE / 2, y: LINE / 2, w: width - LINE, h: height - LINE, lineColor: color, lineWidth: LINE }] }),
    content: { stack: [{ text: appearance.title, bold: true, fontSize: TITLE_SIZE * scale }, ...appearance.lines.map((text) => ({ text, fontSize: LINE_SIZE * scale }))], color, alignment: 'center' },
  };
}
