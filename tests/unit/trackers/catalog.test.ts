import { describe, expect, it } from 'vitest';
import { createCategoryLookup } from '../../../lib/trackers/catalog.ts';
import { realTrackerList } from '../fixture-lists.ts';

describe('createCategoryLookup', () => {
  const categoryOf = createCategoryLookup(realTrackerList());

  it('gives each company the category most of its patterns carry', () => {
    expect(categoryOf('magnite')).toBe('advertising');
    expect(categoryOf('hotjar')).toBe('site_analytics');
  });

  it('calls unlisted third parties unlisted, and unknown ids misc', () => {
    expect(categoryOf('site:cdn.example')).toBe('unlisted');
    expect(categoryOf('no-such-company')).toBe('misc');
  });
});
