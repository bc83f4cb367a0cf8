/**
 * Writing zip files (.xlsx packages, the templates' .zip) with Node's native deflate: SheetJS's
 * own zip writer deflates in JavaScript, several times slower. Files from outside are read by
 * SheetJS in the parsing worker; `readOwnZip` is only for what TongHop just wrote.
 */
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** An entry deflated by the caller (raw deflate), with the CRC-32 and size of what it unpacks to. */
export interface DeflatedZipEntry {
  name: string;
  deflated: Uint8Array;
  crc: number;
  size: number;
}

/** 1 January 1980, the first date a zip can hold (a zero date is invalid for some readers). */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

interface Packed {
  name: Buffer;
  method: 0 | 8;
  crc: number;
  body: Buffer;
  size: number;
}

const asBuffer = (a: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Deflated at `level`; stored as it is when that is not smaller (tiny entries) or the level is 0. */
function pack(e: ZipEntry | DeflatedZipEntry, level: number): Packed {
  const name = Buffer.from(e.name, 'utf8');
  if ('deflated' in e) return { name, method: 8, crc: e.crc >>> 0, body: asBuffer(e.deflated), size: e.size };
  const data = asBuffer(e.data);
  const crc = zlib.crc32(data) >>> 0;
  const deflated = level > 0 ? zlib.deflateRawSync(data, { level }) : null;
  return deflated && deflated.length < data.length ? { name, method: 8, crc, body: deflated, size: data.length } : { name, method: 0, crc, body: data, size: data.length };
}

/** The fields a local header and a central directory entry share, from "flags" to "name length". */
function writeShared(header: Buffer, at: number, p: Packed): void {
  header.writeUInt16LE(0x0800, at); // names are UTF-8
  header.writeUInt16LE(p.method, at + 2);
  header.writeUInt16LE(0, at + 4);
  header.writeUInt16LE(DOS_DATE, at + 6);
  header.writeUInt32LE(p.crc, at + 8);
  header.writeUInt32LE(p.body.length, at + 12);
  header.writeUInt32LE(p.size, at + 16);
  header.writeUInt16LE(p.name.length, at + 20);
}

export function writeZip(entries: readonly (ZipEntry | DeflatedZipEntry)[], level = 6): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const p = pack(e, level);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    writeShared(header, 6, p);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    writeShared(dir, 8, p);
    dir.writeUInt32LE(offset, 42);
    parts.push(header, p.name, p.body);
    central.push(dir, p.name);
    offset += header.length + p.name.length + p.body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** Package order: [Content_Types].xml first, then the package relationships, then the rest as they were. */
export function inPackageOrder(entries: ZipEntry[]): ZipEntry[] {
  const rank = (n: string) => (n === '[Content_Types].xml' ? 0 : n === '_rels/.rels' ? 1 : 2);
  return [...entries].sort((a, b) => rank(a.name) - rank(b.name));
}

export interface ZipDirectoryEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/** The entries listed in a zip's central directory (nothing is unpacked), or null when there is none to read. */
export function zipDirectory(bytes: Uint8Array): ZipDirectoryEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: within the last 64 KB + 22 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipDirectoryEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Unpacks a zip TongHop itself just wrote (stored or deflated entries). Not for files from outside. */
export function readOwnZip(bytes: Buffer): ZipEntry[] {
  const entries = zipDirectory(bytes);
  if (!entries) throw new Error('zip: no central directory');
  return entries.map((e) => {
    const start = e.offset + 30 + bytes.readUInt16LE(e.offset + 26) + bytes.readUInt16LE(e.offset + 28);
    const body = bytes.subarray(start, start + e.compressedSize);
    return { name: e.name, data: e.method === 0 ? body : zlib.inflateRawSync(body) };
  });
}
