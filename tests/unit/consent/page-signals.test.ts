import { describe, expect, it } from 'vitest';
import {
  arrivalOf,
  BANNER_WATCH_MS,
  gppState,
  RELAY_WAIT_MS,
  reportProblem,
  tcfState,
  uspOptedOut,
  watchBanner,
} from '../../../lib/consent/page-signals.ts';

const purposes = (...ids: number[]) =>
  Object.fromEntries(Array.from({ length: 11 }, (_, i) => [i + 1, ids.includes(i + 1)]));

describe('what a CMP’s own data says the user answered', () => {
  it.each([
    ['no TC string yet', { purpose: { consents: purposes(1, 2) } }, 'not-answered'],
    [
      'nothing consented ("refuse all" keeps legitimate interest, which is not consent)',
      { tcString: 'CQ', purpose: { consents: purposes() }, vendor: { consents: { 755: false } } },
      'refused',
    ],
    [
      'every purpose 1–10',
      { tcString: 'CQ', purpose: { consents: purposes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10) } },
      'accepted',
    ],
    ['some purposes', { tcString: 'CQ', purpose: { consents: purposes(1, 8) } }, 'partial'],
    [
      'no purpose but a vendor',
      { tcString: 'CQ', purpose: { consents: purposes() }, vendor: { consents: { 755: true } } },
      'partial',
    ],
  ] as const)('TCF: %s', (_, data, state) => {
    expect(tcfState(data)).toBe(state);
  });

  it('GPP: the EU section as TCF, US sections by their opt-outs, nothing from a section that tells none', () => {
    expect(gppState({ tcfeuv2: { PurposeConsent: [], VendorConsent: [] } })).toBe('refused');
    expect(gppState({ usnat: { SaleOptOut: 1, SharingOptOut: 1, TargetedAdvertisingOptOut: 1 } })).toBe('refused');
    expect(gppState({ usnat: { SaleOptOut: 1, SharingOptOut: 2, TargetedAdvertisingOptOut: 2 } })).toBe('partial');
    // No one opted out: no claim of consent at all (US law asks for none), never "accepted".
    expect(gppState({ usca: { SaleOptOut: 2, SharingOptOut: 2 } })).toBeUndefined();
    expect(gppState({ usnat: { SaleOptOut: 2, SharingOptOut: 2, TargetedAdvertisingOptOut: 2 } })).toBeUndefined();
    expect(gppState({ usnat: [{ SaleOptOut: 2 }, { SharingOptOut: 1 }] })).toBe('partial');
    expect(gppState({ usnat: { SaleOptOut: 0 } })).toBeUndefined();
    expect(gppState(undefined)).toBeUndefined();
  });

  it('US Privacy: only a Y in the third place is an opt-out', () => {
    expect(uspOptedOut('1YYN')).toBe(true);
    expect(uspOptedOut('1YNN')).toBe(false);
    expect(uspOptedOut('1---')).toBe(false);
    expect(uspOptedOut(42)).toBe(false);
  });

  it('reads a CMP’s data without calling anything a page’s script replaced (their stack would name the reader)', () => {
    const called: string[] = [];
    const all = purposes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    const saved = {
      filter: Array.prototype.filter,
      map: Array.prototype.map,
      includes: Array.prototype.includes,
      every: Array.prototype.every,
      flatMap: Array.prototype.flatMap,
      iterator: Array.prototype[Symbol.iterator],
      test: RegExp.prototype.test,
      entries: Object.entries,
      values: Object.values,
    };
    // Each replacement notes its call and does what the original did: a page's replaced method works.
    const spy = <F extends (...a: never[]) => unknown>(name: string, original: F) =>
      function (this: unknown, ...args: unknown[]) {
        called.push(name);
        return Reflect.apply(original, this, args);
      } as unknown as F;
    let results: unknown[] = [];
    try {
      Array.prototype.filter = spy('filter', saved.filter);
      Array.prototype.map = spy('map', saved.map);
      Array.prototype.includes = spy('includes', saved.includes);
      Array.prototype.every = spy('every', saved.every);
      Array.prototype.flatMap = spy('flatMap', saved.flatMap);
      Array.prototype[Symbol.iterator] = spy('iterator', saved.iterator);
      RegExp.prototype.test = spy('test', saved.test);
      Object.entries = spy('entries', saved.entries);
      Object.values = spy('values', saved.values);
      Object.defineProperty(Object.prototype, 'purpose', {
        configurable: true,
        get: () => {
          called.push('purpose getter');
        },
      });
      results = [
        tcfState({ tcString: 'CQ', vendor: { consents: {} } }),
        tcfState({ tcString: 'CQ', purpose: { consents: all } }),
        gppState({ tcfeuv2: { PurposeConsent: [1, 0], VendorConsent: [] } }),
        gppState({ usnat: [{ SaleOptOut: 1 }] }),
        uspOptedOut('1YYN'),
      ];
    } finally {
      Array.prototype.filter = saved.filter;
      Array.prototype.map = saved.map;
      Array.prototype.includes = saved.includes;
      Array.prototype.every = saved.every;
      Array.prototype.flatMap = saved.flatMap;
      Array.prototype[Symbol.iterator] = saved.iterator;
      RegExp.prototype.test = saved.test;
      Object.entries = saved.entries;
      Object.values = saved.values;
      delete (Object.prototype as Record<string, unknown>).purpose;
    }
    expect(results).toEqual(['refused', 'accepted', 'partial', 'refused', true]);
    expect(called).toEqual([]);
  });

  it('accepts a page’s report only in its shape', () => {
    expect(
      reportProblem({ origin: 1, signal: { time: 2, state: 'accepted', cmp: 'tcf:28', stored: true } }),
    ).toBeNull();
    expect(reportProblem({ origin: 1, signal: { time: 2, state: 'hasOwnProperty' } })).toBe(
      'signal.state is not a state',
    );
    expect(reportProblem({ origin: -1, signal: { time: 2, state: 'accepted' } })).toBe('origin must be a time');
  });
});

describe('watching a banner the detector found', () => {
  /** A page's clock and timers, run by hand: each look is scheduled, and time moves as they run. */
  function page(open: () => boolean) {
    let now = 0;
    const timers: { at: number; f: () => void }[] = [];
    let looks = 0;
    let gone = 0;
    const stop = watchBanner({
      isOpen: async () => {
        looks++;
        return open();
      },
      onGone: () => gone++,
      later: (f, ms) => timers.push({ at: now + ms, f }),
      now: () => now,
    });
    /** Runs the timers due in the next `ms`, letting each look's answer arrive. */
    const pass = async (ms: number) => {
      const end = now + ms;
      while (timers[0] && timers[0].at <= end) {
        const timer = timers.shift() as { at: number; f: () => void };
        now = timer.at;
        timer.f();
        for (let i = 0; i < 5; i++) await Promise.resolve();
      }
      now = end;
    };
    return { pass, stop, looks: () => looks, gone: () => gone, pending: () => timers.length };
  }

  it('says once that the banner went', async () => {
    let open = true;
    const p = page(() => open);
    await p.pass(3000);
    expect(p.gone()).toBe(0);
    open = false;
    await p.pass(3000);
    expect(p.gone()).toBe(1);
    expect(p.pending()).toBe(0);
  });

  it('stops looking after a minute when the banner stays open', async () => {
    const p = page(() => true);
    await p.pass(BANNER_WATCH_MS + 10_000);
    const looks = p.looks();
    expect(looks).toBeLessThanOrEqual(BANNER_WATCH_MS / 1000 + 1);
    await p.pass(60_000);
    expect(p.looks()).toBe(looks);
    expect(p.pending()).toBe(0);
  });

  it('stops looking when the page is left', async () => {
    const p = page(() => true);
    await p.pass(2500);
    p.stop();
    const looks = p.looks();
    await p.pass(10_000);
    expect(p.looks()).toBe(looks);
    expect(p.gone()).toBe(0);
  });
});

describe('when a report arrived', () => {
  const NOW = Date.UTC(2026, 10, 30, 14, 0, 0);
  it('is when the relay passed it on, for a worker woken late by it', () => {
    // The refusal was relayed at once, the worker read it 5 s later: it arrived when relayed, within the 2 s slack.
    expect(arrivalOf({ relayedAt: NOW - 5000 }, NOW)).toBe(NOW - 5000);
  });
  it('is the worker’s receipt without a relay time, or with one that cannot be', () => {
    expect(arrivalOf({}, NOW)).toBe(NOW);
    expect(arrivalOf({ relayedAt: NOW + 10_000 }, NOW)).toBe(NOW);
    expect(arrivalOf({ relayedAt: NOW - RELAY_WAIT_MS - 1 }, NOW)).toBe(NOW);
    expect(arrivalOf({ relayedAt: Number.NaN }, NOW)).toBe(NOW);
  });
  it('a relay time that is not a time is refused with the report', () => {
    const report = { origin: NOW - 1000, signal: { time: NOW, state: 'refused' } };
    expect(reportProblem(report)).toBeNull();
    expect(reportProblem({ ...report, relayedAt: NOW })).toBeNull();
    expect(reportProblem({ ...report, relayedAt: 'soon' })).toBe('relayedAt must be a time');
  });
});
