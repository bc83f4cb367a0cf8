/**
 * A signature added to a PDF as an incremental update (ISO 32000-1 §7.5.6): the bytes already
 * there — and every earlier signature over them — are left exactly as they were; the new
 * objects (signature dictionary, its field and widget, the page's annotations, the form) are
 * appended with their own cross-reference section pointing back to the previous one.
 * Text strings (/T, /Name, /Reason, /Location, /ContactInfo) are UTF-16BE with a BOM, so
 * Vietnamese names read the same in every viewer.
 */
import crypto from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { buildCms, type CmsSigner } from './cms';

/** Room for the CMS (certificate chain included): 16 KB of DER, written as hex. */
const CONTENTS_BYTES = 16_384;

export interface SignatureRequest {
  /** The field's name, unique in the document (made unique with a number if taken). */
  fieldName: string;
  /** Page index (0-based) and rectangle [x1, y1, x2, y2] of the visible widget, in PDF points; [0,0,0,0] for none. */
  page: number;
  rect: [number, number, number, number];
  name: string;
  reason: string;
  location: string;
  contactInfo?: string;
  signingTime: Date;
}

/** A PDF text string: UTF-16BE with its byte order mark, hex-written. */
export function textString(text: string): string {
  return PDFHexString.fromText(text).toString();
}

/** PDF date in Vietnam time: D:20261202093000+07'00'. */
export function pdfDate(instant: Date): string {
  const v = new Date(instant.getTime() + 7 * 3_600_000).toISOString();
  return `D:${v.slice(0, 4)}${v.slice(5, 7)}${v.slice(8, 10)}${v.slice(11, 13)}${v.slice(14, 16)}${v.slice(17, 19)}+07'00'`;
}

function lastStartxref(pdf: Buffer): number {
  const tail = pdf.subarray(Math.max(0, pdf.length - 2048)).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail) ?? [...tail.matchAll(/startxref\s+(\d+)/g)].pop();
  if (!m) throw new Error('PDF has no startxref');
  return Number(m[1]);
}

/** The names of the form's fields (to keep a new one unique). */
function fieldNames(doc: PDFDocument): Set<string> {
  const names = new Set<string>();
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  for (let i = 0; fields && i < fields.size(); i++) {
    const t = fields.lookupMaybe(i, PDFDict)?.lookup(PDFName.of('T'));
    if (t instanceof PDFString || t instanceof PDFHexString) names.add(t.decodeText());
  }
  return names;
}

export function uniqueName(wanted: string, taken: Set<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted} ${n}`)) return `${wanted} ${n}`;
}

/** Appends the signature as an incremental update and fills it with the CMS of `signer`. */
export async function signIncrementally(pdf: Buffer, request: SignatureRequest, signer: CmsSigner): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const context = doc.context;
  const prev = lastStartxref(pdf);
  const prevIsStream = pdf.subarray(prev, prev + 4).toString('latin1') !== 'xref';
  let next = context.largestObjectNumber + 1;
  const fresh = () => PDFRef.of(next++);
  const page = doc.getPages()[request.page] ?? doc.getPages()[0]!;
  const fieldName = uniqueName(request.fieldName, fieldNames(doc));

  const sigRef = fresh();
  const widgetRef = fresh();
  const apRef = fresh();
  const [x1, y1, x2, y2] = request.rect;
  const w = Math.max(0, x2 - x1);
  const h = Math.max(0, y2 - y1);
  const written: Array<{ ref: PDFRef; body: string }> = [];

  // The signature dictionary: /ByteRange and /Contents are placeholders filled below.
  const byteRangeSlot = `/ByteRange [${' '.repeat(43)}]`;
  const sig =
    `<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n${byteRangeSlot}\n/Contents <${'0'.repeat(CONTENTS_BYTES * 2)}>\n` +
    `/M (${pdfDate(request.signingTime)})\n/Name ${textString(request.name)}\n/Reason ${textString(request.reason)}\n/Location ${textString(request.location)}\n/ContactInfo ${textString(request.contactInfo ?? '')}\n` +
    `/Prop_Build << /App << /Name /TongHop >> >>\n>>`;
  written.push({ ref: sigRef, body: sig });
  // The field and its widget in one dictionary; its appearance is empty: the stamp it covers is page content.
  written.push({
    ref: widgetRef,
    body: `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T ${textString(fieldName)}\n/V ${sigRef}\n/F 132\n/P ${page.ref}\n/Rect [${[x1, y1, x2, y2].map(num).join(' ')}]\n/AP << /N ${apRef} >>\n>>`,
  });
  written.push({ ref: apRef, body: `<<\n/Type /XObject\n/Subtype /Form\n/BBox [0 0 ${num(w)} ${num(h)}]\n/Resources << >>\n/Length 0\n>>\nstream\n\nendstream` });

  // The page's annotations: an indirect array is rewritten, else the page (holding it inline).
  if (appendTo(context, page.node, 'Annots', widgetRef, written)) written.push({ ref: page.ref, body: page.node.toString() });
  // The form: its fields get the new one; SigFlags 3 (signatures exist, append only).
  const formEntry = doc.catalog.get(PDFName.of('AcroForm'));
  if (formEntry instanceof PDFRef) {
    const form = context.lookup(formEntry, PDFDict);
    addField(context, form, widgetRef, written);
    written.push({ ref: formEntry, body: form.toString() });
  } else {
    const form = formEntry instanceof PDFDict ? formEntry : context.obj({});
    const formRef = fresh();
    addField(context, form, widgetRef, written);
    doc.catalog.set(PDFName.of('AcroForm'), formRef);
    written.push({ ref: formRef, body: form.toString() });
    written.push({ ref: context.trailerInfo.Root as PDFRef, body: doc.catalog.toString() });
  }

  // Append: objects, then the cross-reference section and trailer pointing back to the previous one.
  const chunks: Buffer[] = [pdf];
  let offset = pdf.length;
  if (pdf[pdf.length - 1] !== 0x0a) {
    chunks.push(Buffer.from('\n'));
    offset += 1;
  }
  const offsets = new Map<number, number>();
  for (const o of written) {
    const text = Buffer.from(`${o.ref.objectNumber} ${o.ref.generationNumber} obj\n${o.body}\nendobj\n`, 'latin1');
    offsets.set(o.ref.objectNumber, offset);
    chunks.push(text);
    offset += text.length;
  }
  const trailer = trailerEntries(doc, next, prev);
  if (prevIsStream) {
    const xrefRef = next++;
    offsets.set(xrefRef, offset);
    chunks.push(xrefStream(offsets, xrefRef, trailer.replace(/\/Size \d+/, `/Size ${next}`)));
  } else {
    chunks.push(Buffer.from(`xref\n${xrefTable(offsets)}trailer\n<<\n${trailer}\n>>\n`, 'latin1'));
  }
  chunks.push(Buffer.from(`startxref\n${offset}\n%%EOF\n`, 'latin1'));
  const prepared = Buffer.concat(chunks);
  return fillSignature(prepared, signer);
}

function num(n: number): string {
  return PDFNumber.of(Math.round(n * 100) / 100).toString();
}

/** Pushes `item` onto the array `dict[key]`: an indirect array is written anew; true when the array is inline (the dict changed). */
function appendTo(context: PDFDocument['context'], dict: PDFDict, key: string, item: PDFRef, written: Array<{ ref: PDFRef; body: string }>): boolean {
  const entry = dict.get(PDFName.of(key));
  if (entry instanceof PDFRef) {
    const array = context.lookup(entry, PDFArray);
    array.push(item);
    written.push({ ref: entry, body: array.toString() });
    return false;
  }
  const array = entry instanceof PDFArray ? entry : context.obj([]);
  array.push(item);
  dict.set(PDFName.of(key), array);
  return true;
}

function addField(context: PDFDocument['context'], form: PDFDict, field: PDFRef, written: Array<{ ref: PDFRef; body: string }>): void {
  appendTo(context, form, 'Fields', field, written);
  form.set(PDFName.of('SigFlags'), PDFNumber.of(3));
}

function trailerEntries(doc: PDFDocument, size: number, prev: number): string {
  const t = doc.context.trailerInfo;
  const id = t.ID ? t.ID.toString() : `[<${crypto.randomBytes(16).toString('hex')}> <${crypto.randomBytes(16).toString('hex')}>]`;
  return [`/Size ${size}`, `/Root ${t.Root}`, t.Info ? `/Info ${t.Info}` : '', `/ID ${id}`, `/Prev ${prev}`].filter(Boolean).join('\n');
}

function xrefTable(offsets: Map<number, number>): string {
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    out += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) out += `${String(offsets.get(numbers[k]!)).padStart(10, '0')} 00000 n\r\n`;
    i = j + 1;
  }
  return out;
}

/** An uncompressed cross-reference stream, for files whose previous section is one. */
function xrefStream(offsets: Map<number, number>, self: number, trailer: string): Buffer {
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  const index: number[] = [];
  const rows: Buffer[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    index.push(numbers[i]!, j - i + 1);
    for (let k = i; k <= j; k++) {
      const row = Buffer.alloc(7);
      row[0] = 1;
      row.writeUInt32BE(offsets.get(numbers[k]!)!, 1);
      rows.push(row);
    }
    i = j + 1;
  }
  const data = Buffer.concat(rows);
  const head = `${self} 0 obj\n<<\n/Type /XRef\n${trailer}\n/W [1 4 2]\n/Index [${index.join(' ')}]\n/Length ${data.length}\n>>\nstream\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), data, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
}

/** Writes the byte range around the last /Contents placeholder and the CMS into it. */
async function fillSignature(prepared: Buffer, signer: CmsSigner): Promise<Buffer> {
  const text = prepared.toString('latin1');
  const slot = text.lastIndexOf('/ByteRange [');
  const contentsAt = text.indexOf('/Contents <', slot) + '/Contents '.length;
  const contentsEnd = text.indexOf('>', contentsAt) + 1;
  const range = [0, contentsAt, contentsEnd, prepared.length - contentsEnd];
  const rangeText = `/ByteRange [${range.join(' ')}`;
  const slotText = `/ByteRange [${' '.repeat(43)}`;
  if (rangeText.length > slotText.length) throw new Error('byte range does not fit');
  prepared.write(rangeText.padEnd(slotText.length, ' '), slot, 'latin1');
  const digest = crypto.createHash('sha256').update(prepared.subarray(0, contentsAt)).update(prepared.subarray(contentsEnd)).digest();
  const cms = await buildCms(digest, signer);
  if (cms.length > CONTENTS_BYTES) throw new Error(`signature of ${cms.length} bytes does not fit`);
  prepared.write(cms.toString('hex').padEnd(CONTENTS_BYTES * 2, '0'), contentsAt + 1, 'latin1');
  return prepared;
}
