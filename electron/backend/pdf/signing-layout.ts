/**
 * The report tells a later signing where its signatures go: the signature room, the first page
 * of each attachment and the document's number, kept in the Info dictionary (added as an
 * incremental update once pdfmake has laid the pages out). A PDF from elsewhere has none of
 * these and is signed invisibly unless it already shows a signer's signature to place a seal on.
 */
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef } from 'pdf-lib';
import { pdfText } from './form-fields';
import { appendUpdate, openForUpdate } from './incremental-update';
import { parsePages, parseRoom, roomText, type SigningLayout } from './signature-placement';

const KEYS = { room: 'TongHopSignatureRoom', attachments: 'TongHopAttachmentPages', number: 'TongHopDocumentNumber' } as const;

export async function writeSigningLayout(pdf: Buffer, layout: SigningLayout): Promise<Buffer> {
  const target = await openForUpdate(pdf);
  const { context } = target.doc;
  const entry = context.trailerInfo.Info;
  const info = entry instanceof PDFRef ? context.lookup(entry, PDFDict) : context.obj({});
  const ref = entry instanceof PDFRef ? entry : context.nextRef();
  context.trailerInfo.Info = ref;
  if (layout.room) info.set(PDFName.of(KEYS.room), PDFHexString.fromText(roomText(layout.room)));
  if (layout.attachmentPages.length) info.set(PDFName.of(KEYS.attachments), PDFHexString.fromText(layout.attachmentPages.join(' ')));
  if (layout.documentNumber) info.set(PDFName.of(KEYS.number), PDFHexString.fromText(layout.documentNumber));
  return appendUpdate(target, [{ ref, body: info }]);
}

export function readSigningLayout(doc: PDFDocument): SigningLayout {
  const info = doc.context.lookupMaybe(doc.context.trailerInfo.Info, PDFDict);
  const get = (key: string) => (info ? pdfText(info.lookup(PDFName.of(key))) : null);
  const room = parseRoom(get(KEYS.room));
  const pages = doc.getPageCount();
  return {
    room: room && room.page < pages ? room : null,
    attachmentPages: parsePages(get(KEYS.attachments)).filter((p) => p < pages),
    documentNumber: get(KEYS.number)?.trim() || null,
  };
}
