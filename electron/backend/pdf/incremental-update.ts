/**
 * An incremental update (ISO 32000-1 §7.5.6): objects appended after the bytes already there —
 * which are left exactly as they were, with every earlier signature over them — and a
 * cross-reference section of their own pointing back to the previous one (a table, or an
 * uncompressed stream when the previous section is a stream).
 */
import crypto from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFObject, PDFRef } from 'pdf-lib';

/** One object of the update: a pdf-lib object (streams written byte for byte) or its text. */
export interface UpdatedObject {
  ref: PDFRef;
  body: PDFObject | string;
}

/** A loaded document that will be updated: the objects already in it are those up to `base`. */
export interface UpdateTarget {
  pdf: Buffer;
  doc: PDFDocument;
  base: number;
}

export async function openForUpdate(pdf: Buffer): Promise<UpdateTarget> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return { pdf, doc, base: doc.context.largestObjectNumber };
}

function lastStartxref(pdf: Buffer): number {
  const tail = pdf.subarray(Math.max(0, pdf.length - 2048)).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail) ?? [...tail.matchAll(/startxref\s+(\d+)/g)].pop();
  if (!m) throw new Error('PDF has no startxref');
  return Number(m[1]);
}

/** Pushes `item` onto the array `dict[key]`: an indirect array is written anew; else the dict (holding it inline) must be. */
export function appendTo(target: UpdateTarget, dict: PDFDict, key: string, item: PDFRef, written: UpdatedObject[]): 'array' | 'dict' {
  const entry = dict.get(PDFName.of(key));
  if (entry instanceof PDFRef) {
    const array = target.doc.context.lookup(entry, PDFArray);
    array.push(item);
    written.push({ ref: entry, body: array });
    return 'array';
  }
  const array = entry instanceof PDFArray ? entry : target.doc.context.obj([]);
  array.push(item);
  dict.set(PDFName.of(key), array);
  return 'dict';
}

/**
 * The document with the update appended: `written` (changed objects and new ones written as
 * text) plus every object pdf-lib created in the context since it was opened (embedded pages,
 * fonts, images), all with the fresh numbers the context gave them.
 */
export function appendUpdate(target: UpdateTarget, written: UpdatedObject[]): Buffer {
  const { pdf, doc, base } = target;
  const context = doc.context;
  const prev = lastStartxref(pdf);
  const prevIsStream = pdf.subarray(prev, prev + 4).toString('latin1') !== 'xref';
  const listed = new Set(written.map((o) => o.ref.objectNumber));
  const created = context
    .enumerateIndirectObjects()
    .filter(([ref]) => ref.objectNumber > base && !listed.has(ref.objectNumber))
    .map(([ref, body]) => ({ ref, body }));
  const objects = [...written, ...created];

  const chunks: Buffer[] = [pdf];
  let offset = pdf.length;
  if (pdf[pdf.length - 1] !== 0x0a) {
    chunks.push(Buffer.from('\n'));
    offset += 1;
  }
  const offsets = new Map<number, number>();
  for (const o of objects) {
    const bytes = Buffer.concat([Buffer.from(`${o.ref.objectNumber} ${o.ref.generationNumber} obj\n`, 'latin1'), serialise(o.body), Buffer.from('\nendobj\n', 'latin1')]);
    offsets.set(o.ref.objectNumber, offset);
    chunks.push(bytes);
    offset += bytes.length;
  }
  let size = context.largestObjectNumber + 1;
  if (prevIsStream) {
    const self = size++;
    offsets.set(self, offset);
    chunks.push(xrefStream(offsets, self, trailerEntries(doc, size, prev)));
  } else {
    chunks.push(Buffer.from(`xref\n${xrefTable(offsets)}trailer\n<<\n${trailerEntries(doc, size, prev)}\n>>\n`, 'latin1'));
  }
  chunks.push(Buffer.from(`startxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

function serialise(body: PDFObject | string): Buffer {
  if (typeof body === 'string') return Buffer.from(body, 'latin1');
  const bytes = new Uint8Array(body.sizeInBytes());
  body.copyBytesInto(bytes, 0);
  return Buffer.from(bytes);
}

function trailerEntries(doc: PDFDocument, size: number, prev: number): string {
  const t = doc.context.trailerInfo;
  const id = t.ID ? t.ID.toString() : `[<${crypto.randomBytes(16).toString('hex')}> <${crypto.randomBytes(16).toString('hex')}>]`;
  return [`/Size ${size}`, `/Root ${t.Root}`, t.Info ? `/Info ${t.Info}` : '', `/ID ${id}`, `/Prev ${prev}`].filter(Boolean).join('\n');
}

/** Consecutive object numbers in runs: [first, count, offsets…]. */
function runs(offsets: Map<number, number>): Array<{ first: number; offsets: number[] }> {
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  const out: Array<{ first: number; offsets: number[] }> = [];
  for (const n of numbers) {
    const last = out.at(-1);
    if (last && last.first + last.offsets.length === n) last.offsets.push(offsets.get(n)!);
    else out.push({ first: n, offsets: [offsets.get(n)!] });
  }
  return out;
}

function xrefTable(offsets: Map<number, number>): string {
  return runs(offsets)
    .map((r) => `${r.first} ${r.offsets.length}\n${r.offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r\n`).join('')}`)
    .join('');
}

/** An uncompressed cross-reference stream, for files whose previous section is one. */
function xrefStream(offsets: Map<number, number>, self: number, trailer: string): Buffer {
  const groups = runs(offsets);
  const data = Buffer.concat(
    groups.flatMap((g) =>
      g.offsets.map((o) => {
        const row = Buffer.alloc(7);
        row[0] = 1;
        row.writeUInt32BE(o, 1);
        return row;
      }),
    ),
  );
  const index = groups.map((g) => `${g.first} ${g.offsets.length}`).join(' ');
  const head = `${self} 0 obj\n<<\n/Type /XRef\n${trailer}\n/W [1 4 2]\n/Index [${index}]\n/Length ${data.length}\n>>\nstream\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), data, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
}
