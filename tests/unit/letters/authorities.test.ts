import { describe, expect, it } from 'vitest';
import { AUTHORITIES, authoritiesIn } from '../../../lib/letters/authorities.ts';

// The EU's 27 member states and the three other EEA states.
const EEA = 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK'.split(' ');
const LANDER = 'BW BY BE BB HB HH HE MV NI NW RP SL SN ST SH TH'.split(' ').map((l) => `DE-${l}`);

describe('authorities', () => {
  it('has an authority for every EEA state (each German Land), the UK, Switzerland, Brazil and California', () => {
    for (const place of [...EEA, ...LANDER, 'GB', 'CH', 'BR', 'US-CA']) {
      expect(authoritiesIn(place).length, place).toBeGreaterThan(0);
    }
    expect(authoritiesIn('DE').map((a) => a.country)).toEqual(LANDER);
    expect(authoritiesIn('US-CA').map((a) => a.name)).toEqual([
      'California Privacy Protection Agency',
      'California Attorney General',
    ]);
    expect(new Set(AUTHORITIES.map((a) => a.name)).size).toBe(AUTHORITIES.length - 1); // Datatilsynet: DK and NO
  });

  it('links each to its official https site, and names the law a complaint relies on', () => {
    for (const a of AUTHORITIES) {
      expect(a.website, a.country).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/[a-z]+)?$/);
      const country = a.country.startsWith('DE-') ? 'DE' : a.country;
      expect(a.law, a.name).toBe(
        EEA.includes(country) ? 'gdpr' : { GB: 'uk-gdpr', CH: 'fadp', BR: 'lgpd', 'US-CA': 'ccpa' }[country],
      );
    }
  });
});
