import type { WatchedEntry, WatchedForm, WatchedKind } from './entries.ts';

/** One watched value found in a text: which entry, in which spelling. */
export interface WatchedHit {
  entry: number;
  kind: WatchedKind;
  label: string;
  form: WatchedForm;
}

interface Pattern {
  entry: number;
  form: WatchedForm;
  text: string;
  caseSensitive: boolean;
}

/** ASCII letters and digits: a match must not be part of a longer word, number or hash. */
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** An ASCII capital lower-cased; any other character as it is. */
const fold = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/**
 * Every form of every watched value in one Aho–Corasick automaton over ASCII-folded characters: a text is read once,
 * whatever the number of values and forms (10 values make about 150 forms). A case-sensitive form (base64) is checked
 * against the text as written when the folded one matches; a match inside a longer run of letters and digits (a
 * longer address, another hash) is no match.
 */
export class WatchlistMatcher {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** The patterns that end at each state, its failure chain's included. */
  private readonly out: number[][] = [[]];
  private readonly patterns: Pattern[] = [];

  constructor(private readonly entries: readonly WatchedEntry[]) {
    for (const [entry, e] of entries.entries()) {
      for (const f of e.forms) {
        const id = this.patterns.push({ entry, form: f.form, text: f.text, caseSensitive: !!f.caseSensitive }) - 1;
        let state = 0;
        for (let i = 0; i < f.text.length; i++) {
          const c = fold(f.text.charCodeAt(i));
          let to = this.next[state]?.get(c);
          if (to === undefined) {
            to = this.next.push(new Map()) - 1;
            this.fail.push(0);
            this.out.push([]);
            this.next[state]?.set(c, to);
          }
          state = to;
        }
        this.out[state]?.push(id);
      }
    }
    // Breadth first: each state's failure link is the longest proper suffix of its path that is also a path.
    const queue: number[] = [...(this.next[0]?.values() ?? [])];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      for (const [c, to] of this.next[state] ?? []) {
        let f = this.fail[state] as number;
        while (f && !this.next[f]?.has(c)) f = this.fail[f] as number;
        const target = this.next[f]?.get(c);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        this.out[to]?.push(...(this.out[this.fail[to] as number] ?? []));
        queue.push(to);
      }
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** The watched values found in a text, each entry once (its most telling form: a hash over base64 over plain). */
  scan(text: string, into: WatchedHit[] = []): WatchedHit[] {
    if (!this.patterns.length) return into;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = fold(text.charCodeAt(i));
      let to = this.next[state]?.get(c);
      while (to === undefined && state) {
        state = this.fail[state] as number;
        to = this.next[state]?.get(c);
      }
      state = to ?? 0;
      const ending = this.out[state];
      if (!ending?.length) continue;
      for (const id of ending) {
        const p = this.patterns[id] as Pattern;
        const start = i + 1 - p.text.length;
        // After a percent escape (`%20jane%40…`) the escape's last digit is no part of the match's word.
        if (start > 0 && isWordChar(text.charCodeAt(start - 1)) && text.charCodeAt(start - 3) !== 37 /* % */) continue;
        if (i + 1 < text.length && isWordChar(text.charCodeAt(i + 1))) continue;
        if (p.caseSensitive && !text.startsWith(p.text, start)) continue;
        this.add(into, p);
      }
    }
    return into;
  }

  private add(into: WatchedHit[], p: Pattern): void {
    const e = this.entries[p.entry] as WatchedEntry;
    const known = into.find((h) => h.entry === p.entry);
    if (!known) into.push({ entry: p.entry, kind: e.kind, label: e.label, form: p.form });
    else if (FORM_RANK[p.form] > FORM_RANK[known.form]) known.form = p.form;
  }
}

/** Which form a finding names when a request carried several: the one that shows most intent to identify. */
export const FORM_RANK: Record<WatchedForm, number> = {
  'as-typed': 0,
  // Equal: a value found decoded in a parameter is not re-named by the raw address that carried it encoded.
  'url-encoded': 0,
  base64: 2,
  md5: 3,
  sha1: 4,
  sha256: 5,
};
