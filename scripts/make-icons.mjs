// Draws Lectern's toolbar icon (a page of text on a reading stand) at 16/32/48/128 px as PNG, with no
// image tools needed: shapes are rasterised with 4×4 supersampling and written with node:zlib.
// Run `node scripts/make-icons.mjs` after changing the drawing; the PNGs are committed in icons/.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BG = [36, 62, 99];
const PAGE = [250, 247, 240];
const INK = [36, 62, 99];

/** Shapes in a 0..1 coordinate space, drawn in order; each returns true when (x, y) is inside. */
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const SHAPES = [
  [roundedRect(0.02, 0.02, 0.98, 0.98, 0.2), BG],
  [roundedRect(0.22, 0.14, 0.78, 0.7, 0.05), PAGE], // the page
  [roundedRect(0.3, 0.25, 0.7, 0.31, 0.03), INK], // lines of text
  [roundedRect(0.3, 0.38, 0.7, 0.44, 0.03), INK],
  [roundedRect(0.3, 0.51, 0.58, 0.57, 0.03), INK],
  [roundedRect(0.16, 0.74, 0.84, 0.8, 0.03), PAGE], // the stand's ledge
  [roundedRect(0.45, 0.8, 0.55, 0.9, 0.01), PAGE], // and its post
];

function pixel(x, y) {
  let rgba = [0, 0, 0, 0];
  for (const [inside, color] of SHAPES) if (inside(x, y)) rgba = [...color, 255];
  return rgba;
}

function render(size) {
  const SS = 4;
  const data = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    data[py * (size * 4 + 1)] = 0; // PNG filter: none
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const p = pixel((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          for (let i = 0; i < 3; i++) sum[i] += p[i] * p[3];
          sum[3] += p[3];
        }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const a = sum[3] / (SS * SS);
      for (let i = 0; i < 3; i++) data[o + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
      data[o + 3] = Math.round(a);
    }
  }
  return png(size, data);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, body) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}
function png(size, raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(new URL('../icons/', import.meta.url), { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`../icons/icon-${size}.png`, import.meta.url), render(size));
console.log('icons/icon-{16,32,48,128}.png written');
