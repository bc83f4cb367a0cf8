/** The fields of a PDF's form, terminal and intermediate, with their full names ("a.b"). */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import type { Rect } from './signature-placement';

export const pdfText = (v: unknown) => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : null);

export interface FormField {
  name: string;
  dict: PDFDict;
  /** The signature dictionary, for a signed signature field. */
  signature: PDFDict | null;
  /** The widget's rectangle, when the field is its own widget and has one. */
  rect: Rect | null;
}

export function formFields(doc: PDFDocument): FormField[] {
  const out: FormField[] = [];
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const walk = (fields: PDFArray | undefined, prefix: string, depth: number) => {
    for (let i = 0; fields && depth < 32 && i < fields.size(); i++) {
      const dict = fields.lookupMaybe(i, PDFDict);
      if (!dict) continue;
      const name = [prefix, pdfText(dict.lookup(PDFName.of('T'))) ?? ''].filter(Boolean).join('.');
      const v = dict.lookupMaybe(PDFName.of('V'), PDFDict);
      const r = dict.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
      const rect = r && r.length === 4 && r.every(Number.isFinite) && r[2]! > r[0]! && r[3]! > r[1]! ? (r as Rect) : null;
      out.push({ name, dict, signature: v && v.lookupMaybe(PDFName.of('ByteRange'), PDFArray) ? v : null, rect });
      walk(dict.lookupMaybe(PDFName.of('Kids'), PDFArray), name, depth + 1);
    }
  };
  walk(form?.lookupMaybe(PDFName.of('Fields'), PDFArray), '', 0);
  return out;
}
