/**
 * A PDF looked at as a reader would: each page rendered to a PNG by poppler's
 * pdftoppm, and the words with their boxes from pdftotext -bbox, so a test can
 * find a section by its title and ask whether the area under it has ink.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

export interface PdfPage {
  /** 1-based. */
  number: number;
  png: PNG;
  /** Page size in PDF points (1/72 in). */
  width: number;
  height: number;
  words: PdfWord[];
}
export interface PdfWord {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

function requireTool(name: string): void {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error(`${name} was not found. Install poppler-utils (\`apt-get install -y poppler-utils\`).`);
  }
}

/** Renders every page at `dpi` into `dir` (kept for a person to look at) and reads the words of each page. */
export function readPdf(pdfPath: string, dir: string, dpi = 96): PdfPage[] {
  requireTool('pdftoppm');
  fs.mkdirSync(dir, { recursive: true });
  const prefix = path.join(dir, 'page');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdfPath, prefix]);
  const html = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8' });
  const pages = [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  return pages.map((m, i) => ({
    number: i + 1,
    width: Number(m[1]),
    height: Number(m[2]),
    png: PNG.sync.read(fs.readFileSync(path.join(dir, files[i]!))),
    words: [...m[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      text: unescape(w[5]!),
      x: Number(w[1]),
      y: Number(w[2]),
      w: Number(w[3]) - Number(w[1]),
      h: Number(w[4]) - Number(w[2]),
    })),
  }));
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The page's text, words joined without spaces (Chinese has none), for finding a phrase. */
export function pageText(p: PdfPage): string {
  return p.words.map((w) => w.text).join('');
}

/** The first word on any page that starts a phrase (words joined as pageText does). */
export function findPhrase(pages: PdfPage[], phrase: string): { page: PdfPage; word: PdfWord } | null {
  for (const page of pages) {
    for (let i = 0; i < page.words.length; i++) {
      let joined = '';
      for (let j = i; j < page.words.length && joined.length < phrase.length; j++) joined += page.words[j]!.text;
      if (joined.startsWith(phrase)) return { page, word: page.words[i]! };
    }
  }
  return null;
}

/**
 * Share of pixels in a box (PDF points) that are not white (any channel under 235):
 * a drawn chart has axes, labels and bars; a blank or unpainted one has none.
 */
export function inkShare(page: PdfPage, box: { x: number; y: number; w: number; h: number }): number {
  const sx = page.png.width / page.width;
  const sy = page.png.height / page.height;
  const x0 = Math.max(0, Math.floor(box.x * sx));
  const y0 = Math.max(0, Math.floor(box.y * sy));
  const x1 = Math.min(page.png.width, Math.ceil((box.x + box.w) * sx));
  const y1 = Math.min(page.png.height, Math.ceil((box.y + box.h) * sy));
  let inked = 0;
  let all = 0;
  const d = page.png.data;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * page.png.width + x) * 4;
      all++;
      if (d[i]! < 235 || d[i + 1]! < 235 || d[i + 2]! < 235) inked++;
    }
  }
  return all === 0 ? 0 : inked / all;
}
