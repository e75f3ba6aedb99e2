import type { CompiledFilter, FilterRequestType } from '../lib/trackers/format.ts';

/**
 * Parses one adblock-style network filter (the dialect TrackerDB uses) into a `CompiledFilter`.
 * Returns an error message instead of throwing, so that the compiler can report every bad filter at once.
 *
 * Supported syntax: `||host` anchors, `|` start/end anchors, `*` wildcards, `^` separators, `/regex/` bodies, and the
 * options `$3p`/`$third-party`, `$1p`/`$first-party`, request types (script, image, stylesheet, xhr/xmlhttprequest,
 * subdocument, font, media) and `$domain=a|~b`. Exception (`@@`) and cosmetic filters are not network matches.
 */
export function parseFilter(text: string, pattern: number): CompiledFilter | { error: string } {
  const raw = text.trim();
  if (raw === '' || raw.startsWith('!')) return { error: 'empty or comment' };
  if (raw.startsWith('@@')) return { error: 'exception filters are not supported' };
  if (raw.includes('##') || raw.includes('#@#')) return { error: 'cosmetic filters are not network filters' };

  const { body, options } = splitOptions(raw);
  const filter: CompiledFilter = { pattern };
  for (const option of options) {
    const error = applyOption(filter, option);
    if (error) return { error: `${error} in ${JSON.stringify(raw)}` };
  }

  if (body.length > 2 && body.startsWith('/') && body.endsWith('/')) {
    const source = body.slice(1, -1);
    try {
      new RegExp(source);
    } catch {
      return { error: `invalid regular expression in ${JSON.stringify(raw)}` };
    }
    filter.re = source;
    const token = regexToken(source);
    if (token) filter.token = token;
    return filter;
  }

  const lower = body.toLowerCase();
  if (lower.startsWith('||')) {
    const rest = lower.slice(2);
    const host = /^[a-z0-9.-]+/.exec(rest)?.[0] ?? '';
    const after = rest.slice(host.length);
    // A host is complete when what follows cannot extend it: a path, a port, a separator or the end.
    if (host.includes('.') && (after === '' || /^[/^:|]/.test(after))) {
      filter.host = host.replace(/\.$/, '');
      const tail = after === '^' || after === '^|' ? '' : after;
      if (tail) filter.re = `^${patternToRegex(tail)}`;
      return filter;
    }
    // `||host*…` and other partial hosts: match the whole URL from any label boundary of the hostname.
    filter.re = `^[a-z][a-z0-9+.-]*:\\/\\/(?:[^/?#]*\\.)?${patternToRegex(rest)}`;
    const token = plainToken(rest, true);
    if (token) filter.token = token;
    return filter;
  }

  if (lower === '' || lower === '*') return { error: `filter matches every request: ${JSON.stringify(raw)}` };
  const startAnchored = lower.startsWith('|');
  const plain = startAnchored ? lower.slice(1) : lower;
  filter.re = (startAnchored ? '^' : '') + patternToRegex(plain);
  const token = plainToken(plain, startAnchored);
  if (token) filter.token = token;
  return filter;
}

function splitOptions(raw: string): { body: string; options: string[] } {
  // `$` inside a regex body is an anchor, not the option separator: options follow the last `$` after the body.
  const dollar = raw.lastIndexOf('$');
  if (dollar <= 0) return { body: raw, options: [] };
  const candidate = raw.slice(dollar + 1);
  if (raw.startsWith('/') && !raw.slice(0, dollar).endsWith('/')) return { body: raw, options: [] };
  if (!/^[a-z0-9~|,=$.-]+$/i.test(candidate)) return { body: raw, options: [] };
  // TrackerDB has a few filters with a doubled separator (`$3p$domain=…`): treat each `$` as a comma.
  let body = raw.slice(0, dollar);
  const options = candidate.split(',');
  const inner = body.lastIndexOf('$');
  if (inner > 0 && /^[a-z0-9~|,=.-]+$/i.test(body.slice(inner + 1)) && !body.startsWith('/')) {
    options.push(...body.slice(inner + 1).split(','));
    body = body.slice(0, inner);
  }
  return { body, options: options.filter(Boolean) };
}

const TYPE_OPTIONS: Record<string, FilterRequestType> = {
  script: 'script',
  image: 'image',
  stylesheet: 'stylesheet',
  css: 'stylesheet',
  xhr: 'xmlhttprequest',
  xmlhttprequest: 'xmlhttprequest',
  subdocument: 'sub_frame',
  frame: 'sub_frame',
  font: 'font',
  media: 'media',
};

function applyOption(filter: CompiledFilter, option: string): string | undefined {
  const [name = '', value] = option.toLowerCase().split('=', 2) as [string, string | undefined];
  if (name === '3p' || name === 'third-party') {
    filter.party = 1;
  } else if (name === '1p' || name === 'first-party' || name === '~third-party') {
    filter.party = 2;
  } else if (TYPE_OPTIONS[name]) {
    filter.types = [...(filter.types ?? []), TYPE_OPTIONS[name]];
  } else if (name === 'domain' && value) {
    for (const site of value.split('|')) {
      if (site.startsWith('~')) filter.excludeSites = [...(filter.excludeSites ?? []), site.slice(1)];
      else filter.includeSites = [...(filter.includeSites ?? []), site];
    }
  } else if (name === 'important' || name === 'match-case') {
    // Matching is case-insensitive and never blocks, so neither changes what we report.
  } else {
    return `unsupported option "${option}"`;
  }
  return undefined;
}

/** Converts the adblock pattern syntax to a regular expression source (input already lower-cased). */
export function patternToRegex(pattern: string): string {
  let out = '';
  const endAnchored = pattern.endsWith('|');
  const body = endAnchored ? pattern.slice(0, -1) : pattern;
  for (const ch of body) {
    if (ch === '*') out += '.*';
    // A separator: anything but a letter, digit or one of `_ - . %`, or the end of the address.
    else if (ch === '^') out += '(?:[^a-z0-9_.%-]|$)';
    else out += ch.replace(/[.+?${}()|[\]\\/]/g, '\\$&');
  }
  return endAnchored ? `${out}$` : out;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[a-z0-9]/.test(ch);
/** Tokens that are in almost every address and would make poor index keys. */
const COMMON = new Set(['http', 'https', 'www', 'com', 'net', 'org', 'js', 'html', 'php', 'gif', 'png', 'jpg']);

/**
 * Picks a word every matching URL must contain whole (bounded by non-word characters), or undefined if there is none.
 * A word at the edge of a literal run is whole only if the pattern bounds it there (`^`, a start anchor, a `/` …).
 */
function plainToken(pattern: string, startAnchored: boolean): string | undefined {
  const candidates: string[] = [];
  const chars = [...pattern.replace(/\|$/, '')];
  let i = 0;
  while (i < chars.length) {
    if (!isWordChar(chars[i])) {
      i++;
      continue;
    }
    const start = i;
    while (isWordChar(chars[i])) i++;
    const before = start === 0 ? (startAnchored ? '^' : undefined) : chars[start - 1];
    const after = i === chars.length ? (pattern.endsWith('|') ? '^' : undefined) : chars[i];
    const bounded = (c: string | undefined) => c !== undefined && c !== '*';
    if (bounded(before) && bounded(after)) candidates.push(chars.slice(start, i).join(''));
  }
  return bestToken(candidates);
}

/**
 * The same for a regular expression, conservatively: only words at the top level (outside groups and classes), in
 * an expression without top-level alternation, bounded by literal non-word characters that are not made optional.
 */
function regexToken(source: string): string | undefined {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return undefined;
  }
  // Each element: a literal word character, a literal separator, or a break (anything else).
  type Atom = { kind: 'word' | 'sep' | 'break'; ch: string };
  const atoms: Atom[] = [];
  depth = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    const next = source[i + 1];
    if (ch === '\\' && next !== undefined) {
      atoms.push(/[a-z0-9]/i.test(next) ? { kind: 'break', ch: next } : { kind: depth ? 'break' : 'sep', ch: next });
      i++;
    } else if (ch === '[') {
      const close = source.indexOf(']', i + 1);
      atoms.push({ kind: 'break', ch });
      i = close < 0 ? source.length : close;
    } else if (ch === '(' || ch === ')') {
      depth += ch === '(' ? 1 : -1;
      atoms.push({ kind: 'break', ch });
    } else if ('?*+{'.includes(ch)) {
      // A quantifier makes the atom before it optional or repeatable: it no longer bounds or spells a word.
      const prev = atoms.pop();
      if (prev) atoms.push({ kind: 'break', ch: prev.ch });
      atoms.push({ kind: 'break', ch });
      if (ch === '{') i = Math.max(i, source.indexOf('}', i));
    } else if ('.^$|'.includes(ch)) {
      atoms.push({ kind: 'break', ch });
    } else if (depth > 0) {
      atoms.push({ kind: 'break', ch });
    } else {
      atoms.push({ kind: /[a-z0-9]/i.test(ch) ? 'word' : 'sep', ch });
    }
  }
  const candidates: string[] = [];
  let i = 0;
  while (i < atoms.length) {
    if (atoms[i]?.kind !== 'word') {
      i++;
      continue;
    }
    const start = i;
    while (atoms[i]?.kind === 'word') i++;
    if (atoms[start - 1]?.kind === 'sep' && atoms[i]?.kind === 'sep') {
      candidates.push(
        atoms
          .slice(start, i)
          .map((a) => a.ch)
          .join('')
          .toLowerCase(),
      );
    }
  }
  return bestToken(candidates);
}

function bestToken(candidates: string[]): string | undefined {
  const useful = candidates.filter((t) => t.length >= 2);
  const ranked = [...useful.filter((t) => !COMMON.has(t)), ...useful.filter((t) => COMMON.has(t))];
  return ranked.sort((a, b) => Number(COMMON.has(a)) - Number(COMMON.has(b)) || b.length - a.length)[0];
}
