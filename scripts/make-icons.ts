import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/** Draws the add-in's icon (a white tick on a teal tile) at the sizes Office asks for: `tsx scripts/make-icons.ts`. */
const TEAL = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];

function icon(size: number): Buffer {
  const rows: Buffer[] = [];
  const tick = (x: number, y: number) => {
    // Distance from the two strokes of a tick, in units of the icon's size.
    const u = x / size;
    const v = y / size;
    const d1 = distanceToSegment(u, v, 0.22, 0.52, 0.42, 0.72);
    const d2 = distanceToSegment(u, v, 0.42, 0.72, 0.78, 0.3);
    return Math.min(d1, d2) < 0.075;
  };
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const colour = tick(x + 0.5, y + 0.5) ? WHITE : TEAL;
      row.set([...colour, 0xff], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

for (const size of [16, 32, 64, 80]) writeFileSync(join(__dirname, '..', 'assets', `icon-${size}.png`), icon(size));
