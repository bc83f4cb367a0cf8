/**
 * Where the signatures of a report go, as NĐ 30/2020 Phụ lục I places them (pure geometry, PDF
 * points with the origin at the page's bottom left):
 * - the signer's image (blue, transparent PNG of the handwritten signature) centred between the
 *   authority line and the printed name: the "signature room" the report leaves there;
 * - the organisation's seal (red, transparent PNG, real size) over the left third of the
 *   signer's image;
 * - on the first page of each attachment, the organisation's details (number and signing time)
 *   at the top right, Times New Roman 10 pt, black.
 */

export type Rect = [x1: number, y1: number, x2: number, y2: number];

/** What the report's own layout says about signing it (kept in the PDF's Info dictionary). */
export interface SigningLayout {
  /** The room between the authority line and the printed name. */
  room: { page: number; rect: Rect } | null;
  /** First page (0-based) of each attachment (phụ lục). */
  attachmentPages: number[];
  /** "12/BC-SYT": the document's number and symbol. */
  documentNumber: string | null;
}

export const MM = 72 / 25.4;
/** The room left for the signature: 70 × 28 mm. */
export const ROOM = { width: 70 * MM, height: 28 * MM };
/** A text stamp (when no signature image): 66 mm wide, as tall as its lines. */
export const TEXT_STAMP_WIDTH = 66 * MM;
export const DEFAULT_SEAL_MM = 35;

/** Width and height in pixels of a PNG, or null when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

const centre = (r: Rect) => ({ x: (r[0] + r[2]) / 2, y: (r[1] + r[3]) / 2 });

/** The largest box of the image's proportions inside `box`, centred on `at` (the box's centre by default). */
export function fitInto(box: { width: number; height: number }, image: { width: number; height: number }, at: { x: number; y: number }): Rect {
  const scale = Math.min(box.width / image.width, box.height / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  return [at.x - w / 2, at.y - h / 2, at.x + w / 2, at.y + h / 2];
}

/** The signer's signature: the image fitted into the room, else a text stamp of `stampHeight`, centred in it. */
export function signerRect(room: Rect, image: { width: number; height: number } | null, stampHeight = 16 * MM): Rect {
  const box = { width: room[2] - room[0], height: room[3] - room[1] };
  if (image) return fitInto(box, image, centre(room));
  const c = centre(room);
  const w = Math.min(TEXT_STAMP_WIDTH, box.width);
  const h = Math.min(stampHeight, box.height);
  return [c.x - w / 2, c.y - h / 2, c.x + w / 2, c.y + h / 2];
}

/** The seal at real size (its larger side `diameterMm`), centred on the left third of the signer's image. */
export function sealRect(signer: Rect, image: { width: number; height: number }, diameterMm: number): Rect {
  const d = diameterMm * MM;
  const at = { x: signer[0] + (signer[2] - signer[0]) / 6, y: centre(signer).y };
  return fitInto({ width: d, height: d }, image, at);
}

/**
 * Without a seal image, the organisation's text stamp goes under the printed name (which sits
 * just below the room), kept on the page.
 */
export function organisationStampRect(room: Rect, pageWidth: number, h: number): Rect {
  const nameLine = 20;
  const w = TEXT_STAMP_WIDTH;
  const x = Math.min(centre(room).x - w / 2, pageWidth - 15 * MM - w);
  const top = Math.max(room[1] - nameLine - 4, h + 8 * MM);
  return [x, top - h, x + w, top];
}

/** The organisation's details on an attachment's first page: top right, in the top margin, right edge on the 15 mm margin. */
export function detailsRect(pageWidth: number, pageHeight: number): Rect {
  const w = 75 * MM;
  const h = 10 * MM;
  const right = pageWidth - 15 * MM;
  const top = pageHeight - 6 * MM;
  return [right - w, top - h, right, top];
}

/** Room and attachments written as the Info entries' text ("page x1 y1 x2 y2", "2 4"), and read back. */
export function roomText(room: { page: number; rect: Rect }): string {
  return [room.page, ...room.rect.map((n) => Math.round(n * 100) / 100)].join(' ');
}

export function parseRoom(text: string | null): { page: number; rect: Rect } | null {
  const n = (text ?? '').trim().split(/\s+/).map(Number);
  if (n.length !== 5 || n.some((v) => !Number.isFinite(v)) || !Number.isInteger(n[0]) || n[0]! < 0 || n[3]! <= n[1]! || n[4]! <= n[2]!) return null;
  return { page: n[0]!, rect: [n[1]!, n[2]!, n[3]!, n[4]!] };
}

export function parsePages(text: string | null): number[] {
  return (text ?? '')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number)
    .filter((p) => Number.isInteger(p) && p >= 0);
}
