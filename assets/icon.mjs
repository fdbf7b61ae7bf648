// Draws the application icon (node assets/icon.mjs): a red rounded square with a white report sheet
// holding a statutory table, written as icon.png (512), icon-256.png and icon.ico (PNG-in-ICO,
// 16–256 px) for the Windows installer. Pure node (zlib), anti-aliased by 4×4 supersampling.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const RED = [200, 16, 46];
const DARK_RED = [150, 10, 30];
const WHITE = [255, 255, 255];
const GOLD = [255, 204, 0];

// shapes in a 0..1 square; each returns true when the point is inside
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const star = (cx, cy, R) => (x, y) => {
  // five-pointed star as the union of its inner pentagon and five triangles (point-in-polygon on 10 vertices)
  const pts = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const r = i % 2 ? R * 0.382 : R;
    pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};

const sheet = (x, y) => {
  // the sheet with its top-right corner folded
  if (!rect(0.24, 0.16, 0.76, 0.86)(x, y)) return false;
  return x - 0.64 <= y - 0.16 + 0.0001 || x < 0.64;
};
const fold = (x, y) => x >= 0.64 && y <= 0.28 && x - 0.64 > y - 0.16 - 0.0001 === false && x <= 0.76 && y >= 0.16;
const tableLines = (x, y) => {
  if (!rect(0.31, 0.44, 0.69, 0.78)(x, y)) return false;
  const t = 0.012;
  const rows = [0.44, 0.525, 0.61, 0.695, 0.78];
  const cols = [0.31, 0.44, 0.565, 0.69];
  return rows.some((r) => Math.abs(y - r) < t) || cols.some((c) => Math.abs(x - c) < t);
};
const headerBar = rect(0.31, 0.3, 0.57, 0.345);

const colourAt = (x, y) => {
  if (!roundRect(0.04, 0.04, 0.96, 0.96, 0.18)(x, y)) return null;
  if (star(0.82, 0.18, 0.075)(x, y)) return GOLD;
  if (sheet(x, y)) {
    if (tableLines(x, y) || headerBar(x, y)) return RED;
    return WHITE;
  }
  if (fold(x, y)) return [235, 205, 210];
  return y > 0.9 ? DARK_RED : RED;
};

const render = (size) => {
  const px = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let j = 0; j < size; j++)
    for (let i = 0; i < size; i++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sj = 0; sj < S; sj++)
        for (let si = 0; si < S; si++) {
          const c = colourAt((i + (si + 0.5) / S) / size, (j + (sj + 0.5) / S) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      const o = (j * size + i) * 4;
      if (a) {
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
      }
      px[o + 3] = Math.round((a / (S * S)) * 255);
    }
  return px;
};

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
export const png = (size) => {
  const px = render(size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

const ico = (sizes) => {
  const images = sizes.map((s) => png(s));
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map((img, k) => {
    const e = Buffer.alloc(16);
    e[0] = sizes[k] >= 256 ? 0 : sizes[k];
    e[1] = sizes[k] >= 256 ? 0 : sizes[k];
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(img.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += img.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images]);
};

writeFileSync(join(here, 'icon.png'), png(512));
writeFileSync(join(here, 'icon-256.png'), png(256));
writeFileSync(join(here, 'icon.ico'), ico([256, 128, 64, 48, 32, 16]));
console.log('assets/icon.png (512), assets/icon-256.png, assets/icon.ico (256–16)');
