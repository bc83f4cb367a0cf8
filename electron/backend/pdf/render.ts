/**
 * pdfmake set up once for the document's serif (Times New Roman or Tinos), reading nothing from
 * the network and from the disk only the font files. pdfmake, pdfkit and fontkit are loaded on the
 * first PDF or text measure, not when the backend starts (they were half of a CLI command's start).
 */
import { createRequire } from 'node:module';
import type Pdfmake from 'pdfmake';
import type PDFKitDocument from 'pdfkit';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { documentFonts } from './fonts';

const load = createRequire(import.meta.url);
/** A CommonJS module as require gives it: the export itself, or under one or two `default`s depending on how it was built. */
type Loaded<T> = T & { default?: Loaded<T> };
function unwrap<T>(module: Loaded<T>, has: (x: T) => boolean): T {
  for (let m: Loaded<T> | undefined = module, depth = 0; m && depth < 3; m = m.default, depth++) if (has(m)) return m;
  throw new Error('pdfmake or pdfkit is not the version TongHop was built with (an export is missing)');
}

let libraries: { pdfmake: typeof Pdfmake; PDFKit: typeof PDFKitDocument } | null = null;
function pdfLibraries(): { pdfmake: typeof Pdfmake; PDFKit: typeof PDFKitDocument } {
  if (libraries) return libraries;
  const pdfmake = unwrap(load('pdfmake') as Loaded<typeof Pdfmake>, (m) => typeof (m as { createPdf?: unknown }).createPdf === 'function');
  const PDFKit = unwrap(load('pdfkit') as Loaded<typeof PDFKitDocument>, (m) => typeof m === 'function');
  // pdfmake's layout engine (not exported by name): wrapped so a document can be laid out again before it is rendered.
  wrapLayout(unwrap(load('pdfmake/js/LayoutBuilder') as Loaded<{ prototype: object }>, (m) => typeof m === 'function').prototype);
  libraries = { pdfmake, PDFKit };
  return libraries;
}

/**
 * Each font face is parsed once per process (fontkit.create of four faces cost ~150 ms per
 * document) and the parsed font shared between documents; every document still gets its own
 * EmbeddedFont and so its own subset (sharing a subset loses glyphs: a document would embed
 * another's). pdfkit exports neither its font factory nor EmbeddedFont, so the constructor is
 * taken from the first document that opened the face.
 * fontkit caches each glyph with the characters it was first asked for: a document's subset
 * asks for the components of composite glyphs ("á" is "a" + acute) with none, and the next
 * document would then get "a" with no character, so its ToUnicode map lacks it (the text shows
 * but cannot be copied or searched). A glyph cached without characters takes them from the
 * first layout that gives some.
 */
type Embedded = { font: unknown; name?: string; constructor: new (doc: unknown, font: unknown, id: string) => Embedded };
type FontDoc = { _registeredFonts: Record<string, unknown>; _fontFamilies: Record<string, Embedded>; _fontCount: number; _font?: Embedded };
const parsedFaces = new Map<string, { font: unknown; make: Embedded['constructor'] }>();
const sharedFaces = new Set<string>();
function shareParsedFonts(files: string[]): void {
  for (const f of files) sharedFaces.add(f);
  const proto = pdfLibraries().PDFKit.prototype as unknown as { font: (this: FontDoc, src: unknown, family?: unknown, size?: unknown) => unknown; __tonghopShared?: boolean };
  if (proto.__tonghopShared) return;
  const open = proto.font;
  proto.font = function (this: FontDoc, src, family, size) {
    if (typeof src !== 'string' || !sharedFaces.has(src) || this._registeredFonts[src]) return open.call(this, src, family, size);
    const key = (typeof family === 'string' && family) || src;
    const parsed = parsedFaces.get(src);
    if (parsed && !this._fontFamilies[key]) {
      const embedded = new parsed.make(this, parsed.font, `F${++this._fontCount}`);
      this._fontFamilies[key] = embedded;
      if (embedded.name && !this._fontFamilies[embedded.name]) this._fontFamilies[embedded.name] = embedded;
    }
    const out = open.call(this, src, family, size);
    if (!parsed && this._font) parsedFaces.set(src, { font: keepCodePoints(this._font.font), make: this._font.constructor });
    return out;
  };
  proto.__tonghopShared = true;
}

type GlyphSource = { getGlyph(id: number, characters?: number[]): { codePoints: number[] } | null };
function keepCodePoints(font: unknown): unknown {
  const f = font as GlyphSource;
  const get = f.getGlyph;
  f.getGlyph = function (id, characters = []) {
    const glyph = get.call(this, id, characters);
    if (glyph && characters.length && !glyph.codePoints.length) glyph.codePoints = characters;
    return glyph;
  };
  return font;
}

let configured: string | null = null;
export function configurePdfmake(): void {
  const f = documentFonts();
  if (configured === f.normal) return;
  shareParsedFonts([f.normal, f.bold, f.italics, f.bolditalics]);
  const { pdfmake } = pdfLibraries();
  const allowed = new Set([f.normal, f.bold, f.italics, f.bolditalics]);
  pdfmake.setFonts({ Serif: { normal: f.normal, bold: f.bold, italics: f.italics, bolditalics: f.bolditalics } });
  (pdfmake as unknown as { setUrlAccessPolicy(cb: (url: string) => boolean): void }).setUrlAccessPolicy(() => false);
  (pdfmake as unknown as { setLocalAccessPolicy(cb: (p: string) => boolean): void }).setLocalAccessPolicy((p) => allowed.has(p));
  configured = f.normal;
}

/** What pdfmake laid out on each page (positions in points from the page's top left). */
export type LaidOutPage = { pageSize?: { width: number; height: number }; items: Array<{ type: string; item: { type?: string; x?: number; y?: number; w?: number; h?: number; x1?: number; y1?: number; x2?: number; y2?: number; lineColor?: string } }> };

/**
 * Given the pages a definition was laid out in, the definition to lay out instead (same page
 * size, margins and fonts: only its content and running heads may differ), or null to keep these.
 */
export type LayOutAgain = (pages: LaidOutPage[]) => TDocumentDefinitions | null;

/** The PDF and the pages as laid out. */
export async function renderLaidOut(definition: TDocumentDefinitions): Promise<{ pdf: Buffer; pages: LaidOutPage[] }> {
  const { pdf, pages } = await renderLaidOutUntil(definition, () => null);
  return { pdf, pages };
}

/**
 * Laid out, then laid out again (at most maxPasses times) as long as `again` asks, and only the last layout rendered
 * (laying out is about half of pdfmake's time; rendering and compressing the pages the rest).
 * Returns the definition that was rendered.
 */
export async function renderLaidOutUntil(first: TDocumentDefinitions, again: LayOutAgain, maxPasses = 6): Promise<{ pdf: Buffer; pages: LaidOutPage[]; definition: TDocumentDefinitions }> {
  configurePdfmake();
  const { pdfmake } = pdfLibraries();
  let definition = first;
  relayouts.set(first.content as object, (pages, pass) => {
    const next = pass <= maxPasses ? again(pages) : null;
    if (next) definition = next;
    return next;
  });
  try {
    const out = pdfmake.createPdf(first) as unknown as { getStream(): Promise<{ _pdfMakePages?: LaidOutPage[] }>; getBuffer(): Promise<Buffer> };
    const pages = (await out.getStream())._pdfMakePages ?? [];
    return { pdf: Buffer.from(await out.getBuffer()), pages, definition };
  } finally {
    relayouts.delete(first.content as object);
  }
}

type Relayout = (pages: LaidOutPage[], pass: number) => TDocumentDefinitions | null;
/** By the content of the definition given to pdfmake: what decides whether its layout is done again. */
const relayouts = new WeakMap<object, Relayout>();
type LayoutArgs = [content: unknown, pdfDocument: unknown, styles: unknown, defaultStyle: unknown, background: unknown, header: unknown, footer: unknown, watermark: unknown, pageBreakBefore: unknown];
/** A running head or foot as pdfmake's layout takes it: a function of the page (createPdf converts the rest itself, only for the first definition). */
const dynamic = (part: unknown) => (part === undefined || typeof part === 'function' ? part : () => part);
type LayoutEngine = { layoutDocument: (this: unknown, ...args: LayoutArgs) => LaidOutPage[] };
function wrapLayout(builderProto: object): void {
  const engine = builderProto as LayoutEngine;
  const layOut = engine.layoutDocument;
  engine.layoutDocument = function (this: unknown, ...args: LayoutArgs) {
    let pages = layOut.apply(this, args);
    const relayout = relayouts.get(args[0] as object);
    if (!relayout) return pages;
    for (let pass = 1; ; pass++) {
      const next = relayout(pages, pass);
      if (!next) return pages;
      pages = layOut.call(this, next.content, args[1], next.styles ?? {}, next.defaultStyle ?? args[3], next.background, dynamic(next.header), dynamic(next.footer), next.watermark, next.pageBreakBefore);
    }
  };
}

export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configurePdfmake();
  const doc = pdfLibraries().pdfmake.createPdf(definition) as unknown as { getBuffer(): Promise<Buffer> };
  return Buffer.from(await doc.getBuffer());
}

let measurer: { file: string; doc: PDFKit.PDFDocument } | null = null;

/** The width in points of one line of text in the document's font (pdfkit measures it with the same font file pdfmake embeds). */
export function textWidth(text: string, size: number, bold: boolean): number {
  const fonts = documentFonts();
  const file = bold ? fonts.bold : fonts.normal;
  if (!measurer || measurer.file !== file) measurer = { file, doc: new (pdfLibraries().PDFKit)({ autoFirstPage: false }) };
  return measurer.doc.font(file).fontSize(size).widthOfString(text);
}

