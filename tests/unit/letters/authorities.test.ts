import { describe, expect, it } from 'vitest';
import { AUTHORITIES, authorityFor } from '../../../lib/letters/authorities.ts';

// The EU's 27 member states and the three other EEA states.
const EEA = 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK'.split(' ');

describe('authorities', () => {
  it('has one authority for every EEA state, and the UK, Switzerland and California', () => {
    for (const country of [...EEA, 'GB', 'CH', 'US-CA']) expect(authorityFor(country), country).toBeDefined();
    expect(new Set(AUTHORITIES.map((a) => a.country)).size).toBe(AUTHORITIES.length);
  });

  it('links each to its official https site, and names the law a complaint relies on', () => {
    for (const a of AUTHORITIES) {
      expect(a.website, a.country).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}$/);
      expect(a.law).toBe(EEA.includes(a.country) ? 'gdpr' : { GB: 'uk-gdpr', CH: 'fadp', 'US-CA': 'ccpa' }[a.country]);
    }
  });
});
