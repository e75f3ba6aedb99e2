/**
 * MD5 (RFC 1321) of a UTF-8 text, as 32 lower-case hex digits. WebCrypto has no MD5, and ad platforms still accept
 * MD5-hashed emails, so Disclosed computes it itself — only when the user adds a watched value, never per request.
 * Not for anything where MD5's broken collision resistance would matter: it names a form, it protects nothing.
 */

/** Per-round left-rotation amounts, four per round of sixteen steps. */
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

/** The sine table: floor(abs(sin(i + 1)) × 2^32), as RFC 1321 section 3.4 defines it. */
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

const rotate = (x: number, n: number) => (x << n) | (x >>> (32 - n));

export function md5(text: string): string {
  const bytes = new TextEncoder().encode(text);
  // Message, the 0x80 byte, zeros up to 56 mod 64, then the bit length as a 64-bit little-endian number.
  const padded = new Uint8Array((((bytes.length + 8) >>> 6) + 1) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  const bits = bytes.length * 8;
  view.setUint32(padded.length - 8, bits >>> 0, true);
  view.setUint32(padded.length - 4, Math.floor(bits / 2 ** 32), true);

  let a0 = 0x67452301;
  let b0 = 0xefcdab89;
  let c0 = 0x98badcfe;
  let d0 = 0x10325476;
  const m = new Array<number>(16);
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) m[i] = view.getUint32(block + i * 4, true);
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
      }
      const next = d;
      d = c;
      c = b;
      const shift = SHIFTS[(i >>> 4) * 4 + (i % 4)] as number;
      b = (b + rotate((a + f + (K[i] as number) + (m[g] as number)) | 0, shift)) | 0;
      a = next;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  let hex = '';
  for (const word of [a0, b0, c0, d0]) {
    for (let i = 0; i < 4; i++) hex += ((word >>> (i * 8)) & 0xff).toString(16).padStart(2, '0');
  }
  return hex;
}
