import { describe, expect, it } from 'vitest';
import { cookieNames, isPrefetch, PendingRequests } from '../../../lib/capture/pending.ts';

describe('PendingRequests', () => {
  it('holds body, Referer and cookie names until the request finishes, then forgets them', () => {
    const pending = new PendingRequests();
    pending.body('1', { formData: { email: ['a@b.example'] } });
    pending.headers('1', [
      { name: 'Referer', value: 'https://www.news.example/a' },
      { name: 'Cookie', value: 'uid=123; _ga=GA1.2.3.4; uid=5' },
      { name: 'Accept', value: '*/*' },
    ]);
    expect(pending.take('1')).toEqual({
      body: { formData: { email: ['a@b.example'] } },
      referer: 'https://www.news.example/a',
      cookieNames: ['uid', '_ga'],
    });
    expect(pending.take('1')).toBeUndefined();
  });

  it('keeps when each request was sent, each hop of a redirect chain its own', () => {
    const pending = new PendingRequests();
    pending.sent('1', 1_700_000_000_123.6);
    pending.headers('1', [{ name: 'Accept', value: '*/*' }]);
    expect(pending.take('1')).toEqual({ sentAt: 1_700_000_000_124 });
    // The redirect's next hop: onBeforeRequest again, for the same request id.
    pending.sent('1', 1_700_000_000_300);
    expect(pending.take('1')).toEqual({ sentAt: 1_700_000_000_300 });
    pending.sent('2', undefined);
    expect(pending.take('2')).toBeUndefined();
  });

  it('gives a hop the browser redirected inside itself (recorded as its next hop) the chain’s first send time', () => {
    const pending = new PendingRequests();
    pending.sent('1', 1_700_000_000_100);
    // "307 Internal Redirect" (an HSTS upgrade): nothing is taken, the next hop starts at once.
    pending.sent('1', 1_700_000_000_180);
    expect(pending.take('1')).toEqual({ sentAt: 1_700_000_000_100 });
  });

  it('ignores empty bodies and stays within its limit', () => {
    const pending = new PendingRequests(3);
    pending.body('0', { raw: [] });
    expect(pending.size).toBe(0);
    for (let i = 0; i < 10; i++) pending.headers(String(i), [{ name: 'Referer', value: 'https://a.example/' }]);
    expect(pending.size).toBe(3);
    expect(pending.take('0')).toBeUndefined();
    expect(pending.take('9')).toBeDefined();
  });

  it.each([
    ['a=1; b=2', ['a', 'b']],
    ['  spaced = x ;flag', ['spaced', 'flag']],
    ['', []],
  ])('cookie names of %j', (header, names) => {
    expect(cookieNames(header)).toEqual(names);
  });
});

describe('requests sent ahead of the user (Sec-Purpose)', () => {
  it('marks a prefetch and a prerender, until the request is taken', () => {
    const pending = new PendingRequests();
    pending.headers('1', [{ name: 'Sec-Purpose', value: 'prefetch' }]);
    pending.headers('2', [{ name: 'sec-purpose', value: 'prefetch;prerender' }]);
    pending.headers('3', [{ name: 'Accept', value: 'text/html' }]);
    expect(['1', '2', '3'].map((id) => pending.isAhead(id))).toEqual([true, true, false]);
    // It is no part of what the request carried.
    expect(pending.take('1')).toEqual({});
    expect(pending.isAhead('1')).toBe(false);
  });

  it('remembers at most as many as it holds requests, the oldest forgotten first', () => {
    const pending = new PendingRequests(2);
    for (const id of ['1', '2', '3']) pending.headers(id, [{ name: 'Sec-Purpose', value: 'prefetch' }]);
    expect(['1', '2', '3'].map((id) => pending.isAhead(id))).toEqual([false, true, true]);
  });
});

describe('isPrefetch', () => {
  it.each([
    ['prefetch', true],
    ['prefetch;prerender', true],
    [' Prefetch ; anonymous-client-ip', true],
    ['prerender', false],
    ['', false],
    ['prefetch-later', false],
  ])('%j → %s', (value, expected) => {
    expect(isPrefetch(value)).toBe(expected);
  });
});
