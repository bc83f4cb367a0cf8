/** Small RGBA PNGs drawn pixel by pixel (a signature scribble, a seal ring), for the signing tests. */
import zlib from 'node:zlib';

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A blue handwritten-like stroke on transparency, 3:1. */
export function signaturePng(): Buffer {
  return png(300, 100, (x, y) => {
    const curve = 50 + 30 * Math.sin(x / 18) * Math.cos(x / 55);
    return Math.abs(y - curve) < 4 ? [20, 40, 170, 255] : [0, 0, 0, 0];
  });
}

/** A red seal: a ring and a star in the middle, on transparency. */
export function sealPng(): Buffer {
  return png(200, 200, (x, y) => {
    const r = Math.hypot(x - 100, y - 100);
    const ring = (r > 88 && r < 98) || (r > 70 && r < 74);
    return ring || r < 18 ? [200, 16, 46, 255] : [0, 0, 0, 0];
  });
}
