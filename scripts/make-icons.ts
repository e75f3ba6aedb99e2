/**
 * Draws the toolbar icon (an eye on a blue rounded square) at the sizes the manifest needs, as PNG files in
 * public/icon/. Run by hand when the design changes (`npx tsx scripts/make-icons.ts`); the PNGs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const BLUE = [11, 87, 208];
const WHITE = [255, 255, 255];

/** Colour and coverage of a point in the unit square: background, eye white, iris. */
function shade(x: number, y: number): [number[], number] | undefined {
  const r = 0.2;
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  if (dx * dx + dy * dy > r * r) return undefined;
  // The eye: the intersection of two discs, a lens shape.
  const inLens = Math.hypot(x - 0.5, y - 0.5 + 0.42) < 0.62 && Math.hypot(x - 0.5, y - 0.5 - 0.42) < 0.62;
  const iris = Math.hypot(x - 0.5, y - 0.5);
  if (inLens && iris < 0.13) return [BLUE, 1];
  if (inLens) return [WHITE, 1];
  return [BLUE, 1];
}

function png(size: number): Buffer {
  const samples = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const hit = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!hit) continue;
          for (let c = 0; c < 3; c++) acc[c] = (acc[c] as number) + (hit[0][c] as number);
          acc[3] = (acc[3] as number) + 1;
        }
      }
      const n = acc[3] as number;
      const at = py * (size * 4 + 1) + 1 + px * 4;
      for (let c = 0; c < 3; c++) raw[at + c] = n ? Math.round((acc[c] as number) / n) : 0;
      raw[at + 3] = Math.round((n / (samples * samples)) * 255);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

const out = resolve(import.meta.dirname ?? '.', '..', 'public', 'icon');
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(join(out, `${size}.png`), png(size));
console.log(`icons written to ${out}`);
