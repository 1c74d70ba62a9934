/**
 * A thin layer over saxes (a streaming XML parser) for the parts of an XLSX
 * package: elements and attributes by their local name, because writers
 * differ in prefixes — Excel writes `<row>`, the .NET Open XML SDK `<x:row>`,
 * Strict OOXML binds other namespace URIs to the same names.
 */
import { SaxesParser } from 'saxes';

export type Attrs = Record<string, string>;

export interface XmlHandlers {
  open?(name: string, attrs: Attrs): void;
  close?(name: string): void;
  text?(text: string): void;
}

const local = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** A push parser: write text as it arrives, then end(). Errors surface from write/end. */
export function xmlParser(h: XmlHandlers): { write(text: string): void; end(): void } {
  const parser = new SaxesParser({ xmlns: false });
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    if (!h.open) return;
    const attrs: Attrs = {};
    for (const [k, v] of Object.entries(tag.attributes as Record<string, string>)) attrs[local(k)] = v;
    h.open(local(tag.name), attrs);
  });
  if (h.close) parser.on('closetag', (tag) => h.close!(local(tag.name)));
  if (h.text) {
    parser.on('text', (t) => h.text!(t));
    parser.on('cdata', (t) => h.text!(t));
  }
  const check = () => {
    if (failure) throw failure;
  };
  let first = true;
  return {
    write(text) {
      parser.write(first && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      first = false;
      check();
    },
    end() {
      parser.close();
      check();
    },
  };
}

export function parseXml(text: string, h: XmlHandlers): void {
  const p = xmlParser(h);
  p.write(text);
  p.end();
}

/**
 * OOXML's escape for characters XML cannot carry (`_x000D_` is a carriage
 * return Excel kept in a cell); `_x005F_` escapes a literal underscore.
 */
export function unescapeOoxml(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
