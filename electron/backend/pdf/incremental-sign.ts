/**
 * A signature added to a PDF as an incremental update (ISO 32000-1 §7.5.6): the bytes already
 * there — and every earlier signature over them — are left exactly as they were; the new
 * objects (signature dictionary, its field and widget, the page's annotations, the form) are
 * appended with their own cross-reference section pointing back to the previous one.
 * Text strings (/T, /Name, /Reason, /Location, /ContactInfo) are UTF-16BE with a BOM, so
 * Vietnamese names read the same in every viewer.
 */
import crypto from 'node:crypto';
import { PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { buildCms, type CmsSigner } from './cms';
import { appendTo, appendUpdate, openForUpdate, type UpdatedObject, type UpdateTarget } from './incremental-update';
import type { Rect } from './signature-placement';
import { formFields } from './form-fields';

/** Room for the CMS (certificate chain included): 16 KB of DER, written as hex. */
const CONTENTS_BYTES = 16_384;

/** Something drawn on a page: its page (0-based), rectangle [x1, y1, x2, y2] in PDF points and a one-page PDF drawn into it. */
export interface PlacedAppearance {
  page: number;
  rect: Rect;
  appearance: Buffer;
}

export interface SignatureRequest {
  /** The field's name, unique in the document (made unique with a number if taken). */
  fieldName: string;
  name: string;
  reason: string;
  location: string;
  contactInfo?: string;
  signingTime: Date;
  /** The visible signature; none for an invisible one (a widget of /Rect [0 0 0 0] on the first page). */
  widget?: PlacedAppearance | null;
  /** Asks a TSA to timestamp the signature's value (RFC 3161); the token, DER. */
  timestamp?: (signatureValue: Buffer) => Promise<Buffer>;
  /** Marks printed with the signature that are not fields: read-only, locked stamp annotations (the organisation's details on attachments). */
  stamps?: Array<PlacedAppearance & { contents: string }>;
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

export function uniqueName(wanted: string, taken: Set<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted} ${n}`)) return `${wanted} ${n}`;
}

/** A one-page PDF embedded as a form XObject of the target (its fonts and images copied with it). */
async function embedAppearance(target: UpdateTarget, appearance: Buffer): Promise<PDFRef> {
  const [page] = await target.doc.embedPdf(appearance, [0]);
  await page!.embed();
  return page!.ref;
}

/** Appends the signature as an incremental update and fills it with the CMS of `signer`. */
export async function signIncrementally(pdf: Buffer | UpdateTarget, request: SignatureRequest, signer: CmsSigner): Promise<Buffer> {
  const target = Buffer.isBuffer(pdf) ? await openForUpdate(pdf) : pdf;
  const { doc } = target;
  const context = doc.context;
  const pages = doc.getPages();
  const fieldName = uniqueName(request.fieldName, new Set(formFields(doc).map((f) => f.name)));
  const written: UpdatedObject[] = [];
  const changedPages = new Set<number>();
  const annotate = (index: number, ref: PDFRef) => {
    const page = pages[index] ?? pages[0]!;
    if (appendTo(target, page.node, 'Annots', ref, written) === 'dict') changedPages.add(pages.indexOf(page));
  };

  const sigRef = context.nextRef();
  const widgetRef = context.nextRef();
  const widget = request.widget ?? null;
  const apRef = widget ? await embedAppearance(target, widget.appearance) : emptyAppearance(target);
  const pageIndex = widget && pages[widget.page] ? widget.page : 0;

  // The signature dictionary: /ByteRange and /Contents are placeholders filled below.
  const byteRangeSlot = `/ByteRange [${' '.repeat(43)}]`;
  const sig =
    `<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n${byteRangeSlot}\n/Contents <${'0'.repeat(CONTENTS_BYTES * 2)}>\n` +
    `/M (${pdfDate(request.signingTime)})\n/Name ${textString(request.name)}\n/Reason ${textString(request.reason)}\n/Location ${textString(request.location)}\n/ContactInfo ${textString(request.contactInfo ?? '')}\n` +
    `/Prop_Build << /App << /Name /TongHop >> >>\n>>`;
  written.push({ ref: sigRef, body: sig });
  // The field and its widget in one dictionary (Print + Locked), its appearance what the signature shows.
  written.push({
    ref: widgetRef,
    body: `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T ${textString(fieldName)}\n/V ${sigRef}\n/F 132\n/P ${pages[pageIndex]!.ref}\n/Rect [${(widget?.rect ?? [0, 0, 0, 0]).map(num).join(' ')}]\n/AP << /N ${apRef} >>\n>>`,
  });
  annotate(pageIndex, widgetRef);
  // Stamps: Print + ReadOnly + Locked, so viewers neither hide, move nor delete them.
  for (const stamp of request.stamps ?? []) {
    if (!pages[stamp.page]) continue;
    const ref = context.nextRef();
    const ap = await embedAppearance(target, stamp.appearance);
    written.push({
      ref,
      body: `<<\n/Type /Annot\n/Subtype /Stamp\n/F 196\n/P ${pages[stamp.page]!.ref}\n/Rect [${stamp.rect.map(num).join(' ')}]\n/Contents ${textString(stamp.contents)}\n/NM ${textString(`${fieldName} ${stamp.page + 1}`)}\n/AP << /N ${ap} >>\n>>`,
    });
    annotate(stamp.page, ref);
  }
  for (const index of changedPages) written.push({ ref: pages[index]!.ref, body: pages[index]!.node });

  // The form: its fields get the new one; SigFlags 3 (signatures exist, append only).
  const formEntry = doc.catalog.get(PDFName.of('AcroForm'));
  const form = formEntry instanceof PDFRef ? context.lookup(formEntry, PDFDict) : formEntry instanceof PDFDict ? formEntry : context.obj({});
  appendTo(target, form, 'Fields', widgetRef, written);
  form.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  if (formEntry instanceof PDFRef) {
    written.push({ ref: formEntry, body: form });
  } else {
    const formRef = context.nextRef();
    doc.catalog.set(PDFName.of('AcroForm'), formRef);
    written.push({ ref: formRef, body: form });
    written.push({ ref: context.trailerInfo.Root as PDFRef, body: doc.catalog });
  }
  return fillSignature(appendUpdate(target, written), signer, request.timestamp);
}

/** An empty appearance for an invisible signature. */
function emptyAppearance(target: UpdateTarget): PDFRef {
  const stream = target.doc.context.stream('', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 0, 0], Resources: {} });
  return target.doc.context.register(stream);
}

function num(n: number): string {
  return PDFNumber.of(Math.round(n * 100) / 100).toString();
}

/** Writes the byte range around the last /Contents placeholder and the CMS into it. */
async function fillSignature(prepared: Buffer, signer: CmsSigner, timestamp?: (signatureValue: Buffer) => Promise<Buffer>): Promise<Buffer> {
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
  const cms = await buildCms(digest, signer, { timestamp });
  if (cms.length > CONTENTS_BYTES) throw new Error(`signature of ${cms.length} bytes does not fit`);
  prepared.write(cms.toString('hex').padEnd(CONTENTS_BYTES * 2, '0'), contentsAt + 1, 'latin1');
  return prepared;
}
