/**
 * pdfmake set up once for the document's serif (Times New Roman or Tinos), reading nothing from
 * the network and from the disk only the font files.
 */
import pdfmake from 'pdfmake';
import PDFKit from 'pdfkit';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { documentFonts } from './fonts';

let configured: string | null = null;
export function configurePdfmake(): void {
  const f = documentFonts();
  if (configured === f.normal) return;
  const allowed = new Set([f.normal, f.bold, f.italics, f.bolditalics]);
  pdfmake.setFonts({ Serif: { normal: f.normal, bold: f.bold, italics: f.italics, bolditalics: f.bolditalics } });
  (pdfmake as unknown as { setUrlAccessPolicy(cb: (url: string) => boolean): void }).setUrlAccessPolicy(() => false);
  (pdfmake as unknown as { setLocalAccessPolicy(cb: (p: string) => boolean): void }).setLocalAccessPolicy((p) => allowed.has(p));
  configured = f.normal;
}

/** What pdfmake laid out on each page (positions in points from the page's top left). */
export type LaidOutPage = { pageSize?: { width: number; height: number }; items: Array<{ type: string; item: { type?: string; x?: number; y?: number; w?: number; h?: number; x1?: number; y1?: number; x2?: number; y2?: number; lineColor?: string } }> };

/** The PDF and the pages as laid out. */
export async function renderLaidOut(definition: TDocumentDefinitions): Promise<{ pdf: Buffer; pages: LaidOutPage[] }> {
  configurePdfmake();
  const out = pdfmake.createPdf(definition) as unknown as { getStream(): Promise<{ _pdfMakePages?: LaidOutPage[] }>; getBuffer(): Promise<Buffer> };
  const pages = (await out.getStream())._pdfMakePages ?? [];
  return { pdf: Buffer.from(await out.getBuffer()), pages };
}

export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configurePdfmake();
  const doc = pdfmake.createPdf(definition) as unknown as { getBuffer(): Promise<Buffer> };
  return Buffer.from(await doc.getBuffer());
}

let measurer: { file: string; doc: PDFKit.PDFDocument } | null = null;

/** The width in points of one line of text in the document's font (pdfkit measures it with the same font file pdfmake embeds). */
export function textWidth(text: string, size: number, bold: boolean): number {
  const fonts = documentFonts();
  const file = bold ? fonts.bold : fonts.normal;
  if (!measurer || measurer.file !== file) measurer = { file, doc: new PDFKit({ autoFirstPage: false }) };
  return measurer.doc.font(file).fontSize(size).widthOfString(text);
}

