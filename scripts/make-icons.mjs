#!/usr/bin/env node
/**
 * Draws the app and tray icons into resources/ as PNGs (no image library:
 * a few shapes, 4×4 supersampled, written with zlib). Run after changing a
 * colour or shape, and commit the PNGs: `node scripts/make-icons.mjs`.
 *
 * Tray states differ in shape as well as colour (check, clock, exclamation
 * mark), so they read for colour-blind users and on monochrome panels.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const OUT = path.resolve(import.meta.dirname, '..', 'resources');

// ---- PNG encoding --------------------------------------------------------
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
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- drawing: shapes in a unit square, painted back to front ---------------
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r, w) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2;
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= w / 2;
};
const roundedSquare = (inset, radius) => (x, y) => {
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - inset - radius), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - inset - radius), 0);
  return Math.hypot(qx, qy) <= radius;
};

function render(size, layers) {
  const SS = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          let colour = null;
          for (const [shape, c] of layers) if (shape(x, y)) colour = c;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 255;
          }
        }
      }
      const n = SS * SS;
      const i = (py * size + px) * 4;
      const cover = a / 255;
      rgba[i] = cover ? Math.round(r / cover) : 0;
      rgba[i + 1] = cover ? Math.round(g / cover) : 0;
      rgba[i + 2] = cover ? Math.round(b / cover) : 0;
      rgba[i + 3] = Math.round(a / n);
    }
  }
  return encodePng(size, rgba);
}

const WHITE = [255, 255, 255];
const TRAY = {
  clear: { fill: [46, 160, 67], glyph: [segment(0.3, 0.52, 0.45, 0.67, 0.13), segment(0.45, 0.67, 0.72, 0.36, 0.13)] },
  approaching: {
    fill: [212, 140, 0],
    glyph: [ring(0.5, 0.5, 0.26, 0.08), segment(0.5, 0.5, 0.5, 0.32, 0.1), segment(0.5, 0.5, 0.64, 0.58, 0.1)],
  },
  breached: { fill: [207, 34, 46], glyph: [segment(0.5, 0.26, 0.5, 0.56, 0.14), circle(0.5, 0.73, 0.075)] },
};

function trayIcon(size, { fill, glyph }) {
  return render(size, [[circle(0.5, 0.5, 0.47), fill], ...glyph.map((g) => [g, WHITE])]);
}

// The app icon: a blue desk tile with a ticket list and a green "on time" tick.
function appIcon(size) {
  const blue = [22, 93, 255];
  return render(size, [
    [roundedSquare(0.04, 0.18), blue],
    [segment(0.24, 0.32, 0.62, 0.32, 0.07), WHITE],
    [segment(0.24, 0.48, 0.62, 0.48, 0.07), WHITE],
    [segment(0.24, 0.64, 0.46, 0.64, 0.07), WHITE],
    [circle(0.69, 0.68, 0.17), [46, 160, 67]],
    [segment(0.61, 0.68, 0.67, 0.74, 0.055), WHITE],
    [segment(0.67, 0.74, 0.77, 0.61, 0.055), WHITE],
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
const written = [];
const write = (name, png) => {
  fs.writeFileSync(path.join(OUT, name), png);
  written.push(name);
};
for (const [state, spec] of Object.entries(TRAY)) {
  write(`tray-${state}.png`, trayIcon(16, spec));
  write(`tray-${state}@2x.png`, trayIcon(32, spec));
}
write('icon.png', appIcon(512));
console.log(`wrote ${written.join(', ')} to ${path.relative(process.cwd(), OUT) || '.'}`);
