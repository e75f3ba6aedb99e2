import { describe, expect, it } from 'vitest';
import { packTrackerIndex } from '../../../lib/trackers/pack.ts';
import { companyCatalog, compileTrackerDb } from '../../../tracker-lists/compile.ts';
import { TRACKERDB_SOURCE } from '../../../tracker-lists/sources.ts';
import { miniTrackerDb } from '../fixture-lists.ts';

const source = { ...TRACKERDB_SOURCE, version: 'fixture' };

describe('compileTrackerDb', () => {
  it('compiles organizations, patterns, domains and filters with indexes that resolve', () => {
    const { list } = compileTrackerDb(miniTrackerDb(), source);
    expect(list.organizations.map((o) => o.id)).toEqual(['acme_ads', 'metrico', 'social_co']);
    expect(list.patterns.map((p) => p.id)).toEqual(['acme_pixel', 'metrico_analytics', 'orphan_cdn', 'social_widgets']);
    const acme = list.patterns[0]!;
    expect(list.organizations[acme.organization]?.name).toBe('Acme Ads');
    expect(list.categories[acme.category]?.id).toBe('advertising');
    expect(list.patterns.find((p) => p.id === 'orphan_cdn')?.organization).toBe(-1);
    expect(list.domains).toContainEqual(['acmecdn.example', 0]);
    expect(list.filters.filter((f) => f.pattern === 0)).toHaveLength(2);
  });

  it('classifies each privacy contact and keeps only http(s) links', () => {
    const { list } = compileTrackerDb(miniTrackerDb(), source);
    const byId = Object.fromEntries(list.organizations.map((o) => [o.id, o]));
    expect(byId.acme_ads?.contact).toEqual({
      kind: 'email',
      value: 'privacy@acme-ads.example',
      raw: 'privacy＠acme-ads.example',
    });
    expect(byId.metrico?.contact).toEqual({ kind: 'none', value: '', raw: 'n/a' });
    expect(byId.social_co?.contact).toEqual({ kind: 'url', value: 'https://social.example/privacy-form' });
    expect(byId.metrico?.website).toBe('');
    expect(byId.metrico?.country).toBe('');
    expect(byId.acme_ads?.country).toBe('DE');
  });

  it('reports filters it cannot use instead of dropping them silently', () => {
    const { skipped } = compileTrackerDb(miniTrackerDb(), source);
    expect(skipped).toEqual([
      {
        filter: 'example.com##.social-banner',
        pattern: 'social_widgets',
        reason: 'cosmetic filters are not network filters',
      },
    ]);
  });

  it('is deterministic: the same input in another key order gives identical output', () => {
    const db = miniTrackerDb();
    const reversed = {
      categories: Object.fromEntries(Object.entries(db.categories).reverse()),
      organizations: Object.fromEntries(Object.entries(db.organizations).reverse()),
      patterns: Object.fromEntries(Object.entries(db.patterns).reverse()),
    };
    expect(JSON.stringify(compileTrackerDb(reversed, source))).toBe(JSON.stringify(compileTrackerDb(db, source)));
  });

  it('rejects input that is not TrackerDB-shaped with a message that says what is missing', () => {
    expect(() => compileTrackerDb({} as never, source)).toThrow(/no "categories" object/);
    const db = miniTrackerDb();
    db.patterns.acme_pixel!.category = 'no_such_category';
    db.categories = { advertising: {} };
    expect(() => compileTrackerDb(db, source)).toThrow(/unknown category "no_such_category"/);
  });

  it('keeps company details out of the packed index the matcher loads', () => {
    const { list } = compileTrackerDb(miniTrackerDb(), source);
    const packed = JSON.stringify(packTrackerIndex([list]));
    for (const detail of ['Sells ads.', 'privacy@acme-ads.example', 'https://acme-ads.example/privacy', '"DE"']) {
      expect(packed).not.toContain(detail);
    }
    expect(packed).toContain('Acme Ads');
  });

  it('splits the company catalog into names for a first paint and details for company pages', () => {
    const { list, details } = compileTrackerDb(miniTrackerDb(), source);
    const catalog = companyCatalog(list, details);
    expect(catalog.names.ids.split('\n')).toEqual(['acme_ads', 'metrico', 'pattern:orphan_cdn', 'social_co']);
    expect(catalog.names.names.split('\n')).toEqual(['Acme Ads', 'Metrico', 'Orphan CDN', '<b>Social</b> Co']);
    expect(catalog.names.categories.split('\n')).toEqual(['advertising', 'site_analytics', 'hosting', 'advertising']);
    expect(JSON.stringify(catalog.names)).not.toContain('Sells ads.');
    const byId = new Map(catalog.details.companies);
    expect(byId.get('acme_ads')).toMatchObject({ country: 'DE', description: 'Sells ads.' });
    expect(byId.get('metrico')?.contact).toEqual({ kind: 'none', value: '', raw: 'n/a' });
    expect(JSON.stringify(companyCatalog(list, details))).toBe(JSON.stringify(catalog));
  });
});
