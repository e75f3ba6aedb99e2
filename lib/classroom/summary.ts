import { wasReceived } from '../classify/delivery.ts';
import { type CategoryRequests, rankedCategoryIds } from '../storage/aggregates.ts';
import type { SessionEvent } from './session.ts';

/** What the classroom page shows of a session. */
export interface SessionSummary {
  requests: number;
  companies: number;
  sites: number;
  /** The latest events, newest first. */
  recent: SessionEvent[];
  /** Each (site, company) connection once, with its requests. */
  pairs: { site: string; company: string; requests: number }[];
  /** Each company's categories in the session, main first (`rankCategories`, as on every screen). */
  categories: Map<string, string[]>;
}

/**
 * The session's summary, from its events that reached their company (a class session is thousands of events at
 * most): a request the browser or another extension blocked is no data the class should see a company receive.
 * `events` in the order they happened.
 */
export function summarizeSession(all: readonly SessionEvent[]): SessionSummary {
  const events = all.filter(wasReceived);
  const pairs = new Map<string, { site: string; company: string; requests: number }>();
  const counts = new Map<string, CategoryRequests>();
  for (const e of events) {
    const key = `${e.site}\n${e.company}`;
    pairs.set(key, { site: e.site, company: e.company, requests: (pairs.get(key)?.requests ?? 0) + 1 });
    const mine = counts.get(e.company) ?? {};
    mine[e.category] = (mine[e.category] ?? 0) + 1;
    counts.set(e.company, mine);
  }
  return {
    requests: events.length,
    companies: counts.size,
    sites: new Set(events.map((e) => e.site)).size,
    recent: events.slice(-30).reverse(),
    pairs: [...pairs.values()],
    categories: new Map([...counts].map(([company, c]) => [company, rankedCategoryIds(c)])),
  };
}
