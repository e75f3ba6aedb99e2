import { describe, expect, it } from 'vitest';
import { createNameLookup } from '../../../lib/trackers/catalog.ts';
import { companyNames } from '../../../tracker-lists/compile.ts';
import { realTrackerList } from '../fixture-lists.ts';

describe('createNameLookup', () => {
  const names = createNameLookup(JSON.stringify(companyNames(realTrackerList())));

  it('names every company and gives it the category most of its patterns carry', () => {
    expect(names.company('magnite').name).toBe('Magnite');
    expect(names.categoryOf('magnite')).toBe('advertising');
    expect(names.categoryOf('hotjar')).toBe('site_analytics');
  });

  it('names unlisted third parties by their domain, and calls them unlisted', () => {
    expect(names.company('site:cdn.example').name).toBe('cdn.example');
    expect(names.categoryOf('site:cdn.example')).toBe('unlisted');
    expect(names.categoryOf('no-such-company')).toBe('misc');
  });

  it('names a company exactly as the matcher does', async () => {
    const { createTrackerMatcher } = await import('../../../lib/trackers/matcher.ts');
    const matcher = createTrackerMatcher([realTrackerList()]);
    for (const c of matcher.companies()) expect(names.company(c.id).name, c.id).toBe(c.name);
  });
});
