import { describe, expect, it } from 'vitest';
import { parseFilter, patternToRegex } from '../../../tracker-lists/filters.ts';

describe('parseFilter', () => {
  it.each([
    ['||tracker.example^', { pattern: 0, host: 'tracker.example' }],
    ['||tracker.example^$3p', { pattern: 0, host: 'tracker.example', party: 1 }],
    ['||Tracker.Example/Pixel.gif', { pattern: 0, host: 'tracker.example', re: '^\\/pixel\\.gif' }],
    ['||ads.example/a/*/b^', { pattern: 0, host: 'ads.example', re: '^\\/a\\/.*\\/b(?:[^a-z0-9_.%-]|$)' }],
    ['||cdn.example^$script,image', { pattern: 0, host: 'cdn.example', types: ['script', 'image'] }],
    ['||x.example^$xhr,subdocument', { pattern: 0, host: 'x.example', types: ['xmlhttprequest', 'sub_frame'] }],
    [
      '||t.example^$domain=a.example|~b.example',
      { pattern: 0, host: 't.example', includeSites: ['a.example'], excludeSites: ['b.example'] },
    ],
    ['||t.example^$3p$domain=a.example', { pattern: 0, host: 't.example', party: 1, includeSites: ['a.example'] }],
    ['/pixel/track.js', { pattern: 0, re: '\\/pixel\\/track\\.js', token: 'pixel' }],
    ['|https://smetrics.', { pattern: 0, re: '^https:\\/\\/smetrics\\.', token: 'smetrics' }],
    ['/\\/m\\/collect\\/v[0-9]+\\//', { pattern: 0, re: '\\/m\\/collect\\/v[0-9]+\\/', token: 'collect' }],
    // No word is bounded on both sides: the filter goes to the short list checked for every request.
    ['adbutler', { pattern: 0, re: 'adbutler' }],
    ['/(ga|xhr)\\.[0-9]+\\.js/', { pattern: 0, re: '(ga|xhr)\\.[0-9]+\\.js' }],
  ])('%s', (text, expected) => {
    expect(parseFilter(text, 0)).toEqual(expected);
  });

  it.each([
    ['example.com##.banner', /cosmetic/],
    ['@@||ok.example^', /exception/],
    ['! a comment', /comment/],
    ['||t.example^$redirect=noop.js', /unsupported option "redirect=noop.js"/],
    ['/[unclosed/', /invalid regular expression/],
    ['*', /every request/],
  ])('rejects %s with a reason', (text, reason) => {
    const result = parseFilter(text, 0);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toMatch(reason);
  });

  it('translates separators so that they match punctuation or the end, but not letters or dots', () => {
    const re = new RegExp(`^${patternToRegex('/track^')}`);
    expect(re.test('/track?x=1')).toBe(true);
    expect(re.test('/track')).toBe(true);
    expect(re.test('/tracker')).toBe(false);
    expect(re.test('/track.js')).toBe(false);
  });
});
