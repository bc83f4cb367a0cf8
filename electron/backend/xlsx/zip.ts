/**
 * Writing zip files (.xlsx packages, the templates' .zip) with Node's native deflate: SheetJS's
 * own zip writer deflates in JavaScript, several times slower. Reading stays with SheetJS (CFB).
 */
import zlib from 'node:zlib';
import * as XLSX from 'xlsx';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** 1 January 1980, the first date a zip can hold (a zero date is invalid for some readers). */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function writeZip(entries: readonly ZipEntry[], level = 6): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength);
    const crc = zlib.crc32(data) >>> 0;
    const deflated = zlib.deflateRawSync(data, { level });
    // Tiny or incompressible entries are stored as they are.
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // names are UTF-8
    header.writeUInt16LE(stored ? 0 : 8, 8);
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(stored ? 0 : 8, 10);
    dir.writeUInt16LE(0, 12);
    dir.writeUInt16LE(DOS_DATE, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(header, name, body);
    central.push(dir, name);
    offset += header.length + name.length + body.length;
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

/** The files of a zip SheetJS read (CFB container), in package order: [Content_Types].xml first. */
export function zipFiles(zip: ReturnType<typeof XLSX.CFB.read>): ZipEntry[] {
  const out: ZipEntry[] = [];
  const files = zip.FileIndex as { name: string; type: number; content?: unknown }[];
  files.forEach((f, i) => {
    if (f.type !== 2 || !f.content || f.name === '\u0001Sh33tJ5') return;
    out.push({ name: zip.FullPaths[i]!.replace(/^[^/]*\//, ''), data: f.content as Uint8Array });
  });
  const rank = (n: string) => (n === '[Content_Types].xml' ? 0 : n === '_rels/.rels' ? 1 : 2);
  return out.sort((a, b) => rank(a.name) - rank(b.name));
}
