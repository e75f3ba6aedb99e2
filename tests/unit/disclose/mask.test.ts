import { describe, expect, it } from 'vitest';
import { maskAddress, maskPath } from '../../../lib/disclose/mask.ts';

describe('maskPath', () => {
  it.each([
    // Masked: identifiers of every shape.
    ['a UUID', '/orders/550e8400-e29b-41d4-a716-446655440000', '/orders/:id'],
    ['a UUID without dashes', '/o/550e8400e29b41d4a716446655440000/x', '/o/:id/x'],
    ['a long digit run', '/user/12345678/profile', '/user/:id/profile'],
    ['five digits', '/p/48213', '/p/:id'],
    ['digits inside a slug', '/news/some-story-20261130', '/news/:id'],
    ['a hex run', '/s/3f2a9c8e', '/s/:id'],
    ['a hashed name with its extension', '/img/3f2a9c8e7b6d5a4c.png', '/img/:id.png'],
    ['a base64 token', '/t/eyJhbGciOiJIUzI1NiJ9', '/t/:id'],
    ['a base64url token with dashes', '/r/Zm9vYmFy-YmF6cXV4LWxvbmc_dG9rZW4', '/r/:id'],
    ['a short random token', '/watch/dQw4w9WgXcQ', '/watch/:id'],
    ['an email address', '/u/jane.doe@example.com/inbox', '/u/:id/inbox'],
    ['an encoded email address', '/u/jane%40example.com', '/u/:id'],
    ['a segment cut short', '/a/very/long/pa…', '/a/very/long/…'],
    ['a lower-case random token', '/k/k3j4h5g6f7d8s9a0qwer', '/k/:id'],
    // Not masked: words, short numbers, dates, language codes, versions, slugs.
    ['a date', '/2026/11/30/', '/2026/11/30/'],
    ['a dashed date', '/archive/2026-11-30', '/archive/2026-11-30'],
    ['language codes', '/en-GB/zh-Hant-TW/de/', '/en-GB/zh-Hant-TW/de/'],
    ['an ordinary slug', '/article/how-to-cook-rice-in-10-minutes', '/article/how-to-cook-rice-in-10-minutes'],
    ['a slug with a size', '/product/size-42-running-shoes', '/product/size-42-running-shoes'],
    ['camel-case words', '/Products/WinterCollection/iPhone15Pro', '/Products/WinterCollection/iPhone15Pro'],
    ['an API version and a page', '/v2/collect/page-2/index.html', '/v2/collect/page-2/index.html'],
    ['four digits', '/tr/1234', '/tr/1234'],
    ['a long word and a year', '/events/international-conference-2026', '/events/international-conference-2026'],
    ['a long camel-case name with a number', '/Windows10Download', '/Windows10Download'],
    ['the root', '/', '/'],
    ['nothing', '', ''],
  ])('%s: %s → %s', (_, path, masked) => {
    expect(maskPath(path)).toBe(masked);
  });
});

describe('maskAddress', () => {
  it.each<[string, string, string | undefined]>([
    ['keeps origin and path', 'https://news.example/world/story.html', 'https://news.example/world/story.html'],
    [
      'reduces the query to its names',
      'https://shop.example/search?q=red+shoes&page=2',
      'https://shop.example/search?q&page',
    ],
    ['names each once', 'https://a.example/?x=1&x=2&y', 'https://a.example/?x&y'],
    ['masks ids in path and names', 'https://a.example/u/12345678?4f1c2b3a9d=1', 'https://a.example/u/:id?:id'],
    ['drops the fragment', 'https://a.example/p#token=abc', 'https://a.example/p'],
    ['drops user and password', 'https://jane:secret@a.example/p', 'https://a.example/p'],
    ['keeps a port', 'http://localhost:8080/x', 'http://localhost:8080/x'],
    ['a cut parameter name', 'https://a.example/p?utm_source=x&fbcl…', 'https://a.example/p?utm_source&…'],
    ['a cut value, its name whole', 'https://a.example/p?gclid=Cj0KCQ…', 'https://a.example/p?gclid'],
    ['a cut path segment', 'https://a.example/reset/Zm9vYmFyYm…', 'https://a.example/reset/…'],
    ['a cut fragment', 'https://a.example/p?a=1#sec…', 'https://a.example/p?a'],
    ['a cut host name', 'https://very-long-subdomain.exa…', undefined],
    ['not an address', 'red shoes', undefined],
    ['another scheme', 'mailto:jane@example.com', undefined],
  ])('%s', (_, address, masked) => {
    expect(maskAddress(address)).toBe(masked);
  });
});
