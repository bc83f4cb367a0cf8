/**
 * What a file really is, from its first bytes and (for a zip) its directory, before any parser
 * sees it: a PDF or a picture renamed .xlsx, a CSV, a Word file, a zip bomb. Pure and cheap.
 */

import { zipDirectory } from '../xlsx/zip';

/** More than this, unpacked, is not a report template (a filled template is well under 5 MB). */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

export type Sniffed =
  | { ok: true; container: 'zip' | 'cfb' | 'markup' }
  | { ok: false; reason: string };

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

const SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'tệp PDF', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'ảnh PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'ảnh JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'ảnh GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'tệp nén RAR', bytes: [0x52, 0x61, 0x72, 0x21] },
  { name: 'tệp nén 7-Zip', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'tệp RTF', bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66] },
];

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  let control = 0;
  for (const b of sample) if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  return control === 0;
}

export function sniffFile(bytes: Uint8Array, fileName: string): Sniffed {
  const extension = (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '').toLowerCase();
  if (bytes.length === 0) return { ok: false, reason: 'tệp rỗng (0 byte). Hãy gửi lại tệp đã lưu.' };
  const other = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (other) return { ok: false, reason: `tệp này thực ra là ${other.name} được đổi đuôi thành .${extension}, không phải bảng tính Excel.` };

  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const entries = zipDirectory(bytes);
    if (!entries) return { ok: false, reason: 'tệp bị hỏng (thiếu phần cuối, có thể do tải về hoặc chép chưa xong). Hãy mở lại bằng Excel và lưu lại, hoặc xin đơn vị gửi lại.' };
    const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
    if (unpacked > MAX_UNPACKED_BYTES || entries.some((e) => e.size > 10_000_000 && e.size / Math.max(1, e.compressedSize) > 500)) {
      return { ok: false, reason: `tệp nén bất thường: giải nén ra tới ${Math.round(unpacked / 1024 / 1024).toLocaleString('vi-VN')} MB (có thể là tệp độc hại). TongHop không mở tệp này.` };
    }
    const names = entries.map((e) => e.name);
    if (names.some((n) => n.startsWith('word/'))) return { ok: false, reason: 'tệp này là văn bản Word (.docx) được đổi đuôi, không phải bảng tính Excel.' };
    if (names.some((n) => n.startsWith('ppt/'))) return { ok: false, reason: 'tệp này là bản trình chiếu PowerPoint được đổi đuôi, không phải bảng tính Excel.' };
    if (!names.some((n) => /^xl\/workbook\.(xml|bin)$/i.test(n) || n === 'content.xml')) {
      return { ok: false, reason: 'tệp nén này không chứa bảng tính Excel. Hãy mở lại bằng Excel và lưu thành .xlsx.' };
    }
    return { ok: true, container: 'zip' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { ok: true, container: 'cfb' };
  if (looksLikeText(bytes)) {
    const head = new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
    // Older systems save an HTML or XML table as .xls; Excel opens those, and so does TongHop.
    if (extension === 'xls' && (head.startsWith('<') || head.startsWith('<?xml'))) return { ok: true, container: 'markup' };
    if (head.startsWith('<')) return { ok: false, reason: `tệp là trang web (HTML) hoặc tệp XML mang đuôi .${extension}, không phải bảng tính Excel. Hãy mở bằng Excel rồi lưu thành Excel Workbook (.xlsx).` };
    return { ok: false, reason: `tệp là văn bản thuần (CSV hoặc TXT) mang đuôi .${extension}, không phải bảng tính Excel. Hãy dùng biểu mẫu .xlsx TongHop gửi.` };
  }
  return { ok: false, reason: 'tệp bị hỏng hoặc không phải tệp Excel (.xlsx, .xls). Hãy mở lại bằng Excel và lưu lại.' };
}
