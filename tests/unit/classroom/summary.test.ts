import { describe, expect, it } from 'vitest';
import { summarizeSession } from '../../../lib/classroom/summary.ts';
import { event } from '../storage/helpers.ts';

describe('the classroom’s summary of a session', () => {
  it('ranks each company’s categories by the requests that reached it, as every screen does', () => {
    const ad = { category: 'advertising', host: 'stats.g.doubleclick.net' };
    const blocked = { ...ad, outcome: 'error' as const, error: 'net::ERR_BLOCKED_BY_CLIENT' };
    const summary = summarizeSession([event(ad), event(), event(), event(blocked), event(blocked), event(blocked)]);
    // Three blocked advertising requests reached no one: analytics, with two delivered, is the main category.
    expect(summary.categories.get('google')).toEqual(['site_analytics', 'advertising']);
    expect(summary).toMatchObject({ requests: 3, companies: 1, sites: 1 });
    expect(summary.recent).toHaveLength(3);
  });
});
