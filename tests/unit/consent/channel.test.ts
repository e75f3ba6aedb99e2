import { describe, expect, it } from 'vitest';
import { excludeMatches } from '../../../lib/consent/channel.ts';

describe('the patterns that keep the consent scripts off an excluded site', () => {
  it('cover the site, its subdomains, and both under their fully qualified name (a trailing dot)', () => {
    expect(excludeMatches([' News.Example '])).toEqual([
      '*://news.example/*',
      '*://*.news.example/*',
      '*://news.example./*',
      '*://*.news.example./*',
    ]);
  });

  it('leave out a name no pattern can hold, rather than break every registration', () => {
    expect(excludeMatches(['bad/site', 'ok.example'])).toEqual([
      '*://ok.example/*',
      '*://*.ok.example/*',
      '*://ok.example./*',
      '*://*.ok.example./*',
    ]);
  });
});
