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
 * Every form of every watched value in one Aho–Corasick automaton over ASCII-folded characters, compiled to a full
 * transition table (a DFA: one array read per character, no failure links followed at match time): a text is read
 * once, whatever the number of values and forms (10 values make about 90). Characters no form contains share one
 * class, so the table is states × (distinct characters + 1). A case-sensitive form (base64) is checked against the
 * text as written when the folded one matches; a match inside a longer run of letters and digits (a longer address,
 * another hash) is no match.
 */
export class WatchlistMatcher {
  private readonly patterns: Pattern[] = [];
  /** Each ASCII character's class (0: in no form). */
  private readonly ascii = new Uint16Array(128);
  /** The same for the other characters the forms hold (a name's ł, ö). */
  private readonly other = new Map<number, number>();
  private readonly classes: number;
  /** next state = delta[state × classes + class]. */
  private readonly delta: Uint32Array;
  /** The patterns that end at each state, its failure chain's included; empty for most. */
  private readonly out: number[][];

  constructor(private readonly entries: readonly WatchedEntry[]) {
    let classes = 1;
    const classOf = (c: number): number => {
      if (c < 128) {
        if (!this.ascii[c]) this.ascii[c] = classes++;
        return this.ascii[c] as number;
      }
      let k = this.other.get(c);
      if (k === undefined) {
        k = classes++;
        this.other.set(c, k);
      }
      return k;
    };
    // The trie, with its transitions in maps while it is built.
    const trie: Map<number, number>[] = [new Map()];
    const out: number[][] = [[]];
    for (const [entry, e] of entries.entries()) {
      for (const f of e.forms) {
        const id = this.patterns.push({ entry, form: f.form, text: f.text, caseSensitive: !!f.caseSensitive }) - 1;
        let state = 0;
        for (let i = 0; i < f.text.length; i++) {
          const k = classOf(fold(f.text.charCodeAt(i)));
          let to = trie[state]?.get(k);
          if (to === undefined) {
            to = trie.push(new Map()) - 1;
            out.push([]);
            trie[state]?.set(k, to);
          }
          state = to;
        }
        out[state]?.push(id);
      }
    }
    this.classes = classes;
    const delta = new Uint32Array(trie.length * classes);
    const fail = new Uint32Array(trie.length);
    // Breadth first: a state's row is its failure state's row, overwritten by its own trie transitions.
    for (const [k, to] of trie[0] ?? []) delta[k] = to;
    const queue: number[] = [...(trie[0]?.values() ?? [])];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      const f = fail[state] as number;
      delta.copyWithin(state * classes, f * classes, f * classes + classes);
      out[state]?.push(...(out[f] ?? []));
      for (const [k, to] of trie[state] ?? []) {
        fail[to] = delta[f * classes + k] as number;
        delta[state * classes + k] = to;
        queue.push(to);
      }
    }
    this.delta = delta;
    this.out = out;
  }

  get size(): number {
    return this.entries.length;
  }

  /** The watched values found in a text, each entry once (its most telling form: a hash over base64 over plain). */
  scan(text: string, into: WatchedHit[] = []): WatchedHit[] {
    if (!this.patterns.length) return into;
    const { ascii, other, classes, delta, out } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const k = c < 128 ? (ascii[c >= 65 && c <= 90 ? c + 32 : c] as number) : (other.get(fold(c)) ?? 0);
      state = delta[state * classes + k] as number;
      const ending = out[state] as number[];
      if (!ending.length) continue;
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
