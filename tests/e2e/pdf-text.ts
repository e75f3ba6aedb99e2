import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as Chromium prints it (Skia's writer): every page's text in order, read through each font's
 * ToUnicode map. Enough for the tests to ask "is this sentence on paper"; not a general PDF reader (no object
 * streams, no encryption, no cross-reference parsing: objects are found by their `N 0 obj` markers).
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream?: Buffer }>();
  for (const m of source.matchAll(/(\d+) 0 obj\b/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = source.indexOf('endobj', start);
    const text = source.slice(start, end);
    const s = /stream\r?\n/.exec(text);
    if (!s) {
      objects.set(Number(m[1]), { dict: text });
      continue;
    }
    const dict = text.slice(0, s.index);
    const from = start + s.index + s[0].length;
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
    const raw = pdf.subarray(from, length ? from + Number(length[1]) : start + text.lastIndexOf('endstream'));
    objects.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
  }
  const resolve = (text: string, key: string): string => {
    // A dictionary entry, inline (<< … >>, one level of nesting is enough here) or as a reference to an object.
    const ref = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(text);
    if (ref) return objects.get(Number(ref[1]))?.dict ?? '';
    const inline = new RegExp(`/${key}\\s*<<((?:[^<>]|<<[^<>]*>>|<[^<>]*>)*)>>`).exec(text);
    return inline?.[1] ?? '';
  };
  const cmaps = new Map<number, Map<string, string>>();
  const cmapOf = (fontObject: number): Map<string, string> => {
    const cached = cmaps.get(fontObject);
    if (cached) return cached;
    const map = new Map<string, string>();
    const ref = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontObject)?.dict ?? '');
    const cmap = ref ? (objects.get(Number(ref[1]))?.stream?.toString('latin1') ?? '') : '';
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, src = '', dst = ''] of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
        map.set(src.toLowerCase(), utf16(dst));
      }
    }
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, lo = '', hi = '', dst = ''] of (block[1] ?? '').matchAll(
        /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g,
      )) {
        const width = lo.length;
        const list = dst.startsWith('[') ? [...dst.matchAll(/<([0-9a-fA-F]+)>/g)].map((d) => d[1] ?? '') : undefined;
        for (let code = parseInt(lo, 16), i = 0; code <= parseInt(hi, 16); code++, i++) {
          const key = code.toString(16).padStart(width, '0');
          if (list) map.set(key, utf16(list[i] ?? ''));
          else {
            const base = dst.slice(1, -1);
            const last = parseInt(base.slice(-4), 16) + i;
            map.set(key, utf16(base.slice(0, -4) + last.toString(16).padStart(4, '0')));
          }
        }
      }
    }
    cmaps.set(fontObject, map);
    return map;
  };

  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page\b(?!s)/.test(o.dict));
  const out: string[] = [];
  for (const page of pages) {
    const fonts = resolve(resolve(page.dict, 'Resources') || page.dict, 'Font');
    const fontRefs = new Map([...fonts.matchAll(/\/([^\s/]+)\s+(\d+) 0 R/g)].map((m) => [m[1], Number(m[2])]));
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page.dict)?.[1] ?? '';
    const streams = [...contents.matchAll(/(\d+) 0 R/g)].map((m) => objects.get(Number(m[1]))?.stream ?? Buffer.of());
    let map = new Map<string, string>();
    let line = '';
    const flush = () => {
      if (line.trim()) out.push(line);
      line = '';
    };
    const show = (hex: string) => {
      const width = [...map.keys()][0]?.length ?? 4;
      for (let i = 0; i < hex.length; i += width) line += map.get(hex.slice(i, i + width).toLowerCase()) ?? '';
    };
    const content = Buffer.concat(streams).toString('latin1');
    const tokens = content.matchAll(
      /\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\/(\S+)\s+[\d.]+\s+Tf|(-?[\d.]+)\s+(-?[\d.]+)\s+T[dD]|\bT\*|\bET\b/g,
    );
    for (const t of tokens) {
      if (t[1] !== undefined) for (const h of t[1].matchAll(/<([0-9a-fA-F]*)>/g)) show(h[1] ?? '');
      else if (t[2] !== undefined) show(t[2]);
      else if (t[3] !== undefined) map = cmapOf(fontRefs.get(t[3]) ?? -1);
      else if (t[5] !== undefined) {
        if (Number(t[5]) !== 0) flush();
      } else flush();
    }
    flush();
  }
  return out.join('\n');
}

/** UTF-16BE hex, as a ToUnicode map writes its targets. */
function utf16(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}
