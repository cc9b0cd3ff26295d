// Draws the toolbar icon (three dots on a thread) as PNGs into components/public/icon/.
// Run once when the design changes: node tests/cli/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x + 0.5, y + 0.5, size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const BLUE = [59, 91, 219];
const cover = (d, r, s) => Math.max(0, Math.min(1, (r - d) * s + 0.5));
function icon(x, y, size) {
  const s = size / 128; // design in a 128 grid
  const u = x / s, v = y / s;
  const bg = cover(Math.hypot(u - 64, v - 64), 62, s); // round tile
  const dots = [[64, 28], [64, 64], [64, 100]];
  let ink = Math.max(...dots.map(([cx, cy], i) => cover(Math.hypot(u - cx, v - cy), i === 0 ? 15 : 11, s)));
  ink = Math.max(ink, v > 28 && v < 100 ? cover(Math.abs(u - 64), 4, s) : 0);
  const r = Math.round(BLUE[0] * (1 - ink) + 255 * ink);
  const g = Math.round(BLUE[1] * (1 - ink) + 255 * ink);
  const b = Math.round(BLUE[2] * (1 - ink) + 255 * ink);
  return [r, g, b, Math.round(255 * bg)];
}
mkdirSync('components/public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`components/public/icon/${size}.png`, png(size, icon));
console.log('icons written');
