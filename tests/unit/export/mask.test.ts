import { describe, expect, it } from 'vitest';
import { maskWords, shapeMarker, valueShape } from '../../../lib/export/mask.ts';

describe('maskWords', () => {
  it.each([
    ['cookie names', '_ga, _gid, _hjSessionUser_1234567', '_ga, _gid, :id'],
    ['a cookie name with an org id', 'AMCV_1A2B3C4D5E6F7A8B@AdobeOrg, s_cc', ':id, s_cc'],
    ['an event name', 'add to cart', 'add to cart'],
    ['an event carrying an id', 'purchase 550e8400-e29b-41d4-a716-446655440000', 'purchase :id'],
  ])('%s', (_, text, masked) => {
    expect(maskWords(text)).toBe(masked);
  });
});

describe('valueShape', () => {
  it.each([
    ['', 'empty'],
    ['12345678…00', 'digits'],
    ['a1b2c3d4…9f', 'hex'],
    ['GA1.2.3456…78', 'token'],
    ['eyJhbGciOi…J9', 'token'],
    ['j…@example.com', 'email'],
    ['https://news.example/a…', 'address'],
    ['red shoes', 'text'],
    ['_ga, _gid', 'text'],
    [shapeMarker('hex'), 'hex'],
    ['‹nonsense›', 'text'],
  ])('%s is %s', (value, shape) => {
    expect(valueShape(value)).toBe(shape);
  });
});
