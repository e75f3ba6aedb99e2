import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authoritiesIn } from '../../../lib/letters/authorities.ts';
import {
  controllerCountry,
  defaultLetterLanguage,
  ESTABLISHMENTS,
  establishmentOf,
  lawsFor,
} from '../../../lib/letters/establishments.ts';

const names = JSON.parse(readFileSync('lib/generated/company-names.json', 'utf8')) as { ids: string };
const trackerDbIds = new Set(names.ids.split('\n'));
const shipped = ['en', 'de', 'fr'];

describe('establishments', () => {
  it('names at least 25 companies users meet most, each a TrackerDB organization, with entity and country', () => {
    const rows = Object.entries(ESTABLISHMENTS);
    expect(rows.length).toBeGreaterThanOrEqual(25);
    for (const [id, e] of rows) {
      expect(trackerDbIds.has(id), id).toBe(true);
      expect(e.entity.trim().length, id).toBeGreaterThan(3);
      // A country with an authority to complain to (a German company: its Land's).
      expect(authoritiesIn(e.country).length, `${id} ${e.country}`).toBeGreaterThan(0);
    }
    expect(establishmentOf('google')?.entity).toBe('Google Ireland Limited');
    expect(establishmentOf('facebook')?.entity).toBe('Meta Platforms Ireland Limited');
    expect(establishmentOf('amazon_associates')).toMatchObject({
      entity: 'Amazon Europe Core S.à r.l.',
      country: 'LU',
    });
    expect(establishmentOf('toString')).toBeUndefined();
  });

  it('offers the law of the residence first, then the establishment’s, then the rest', () => {
    expect(lawsFor('FR', 'google')).toEqual(['gdpr', 'uk-gdpr', 'fadp', 'lgpd', 'ccpa']);
    expect(lawsFor('GB', 'google').slice(0, 2)).toEqual(['uk-gdpr', 'gdpr']);
    expect(lawsFor('US-CA', 'criteo').slice(0, 2)).toEqual(['ccpa', 'gdpr']);
    expect(lawsFor('CH', 'unknown-company')[0]).toBe('fadp');
    expect(lawsFor('BR', 'google')[0]).toBe('lgpd');
    // No residence set: the company's European establishment decides (Google is US in TrackerDB, Irish here).
    expect(lawsFor('', 'google')[0]).toBe('gdpr');
    expect(lawsFor('', 'pubmatic')[0]).toBe('uk-gdpr');
    expect(lawsFor('', 'unknown-company')).toHaveLength(5);
  });

  it('counts the deadline in the establishment’s country, else the residence’s', () => {
    expect(controllerCountry('google', 'DE')).toBe('IE');
    expect(controllerCountry('emetriq', 'FR')).toBe('DE-HH');
    expect(controllerCountry('unknown-company', 'NL')).toBe('NL');
  });

  it('writes to a company in its establishment’s language, else the residence’s, else English', () => {
    expect(defaultLetterLanguage('criteo', 'GB', shipped)).toBe('fr');
    expect(defaultLetterLanguage('emetriq', 'FR', shipped)).toBe('de');
    expect(defaultLetterLanguage('google', 'DE', shipped)).toBe('en');
    expect(defaultLetterLanguage('unknown-company', 'AT', shipped)).toBe('de');
    expect(defaultLetterLanguage('rtb_house', 'IT', shipped)).toBe('en');
    // Only languages that write the chosen law: a CCPA letter to Criteo is in English.
    expect(defaultLetterLanguage('criteo', 'US-CA', ['en'])).toBe('en');
  });
});
