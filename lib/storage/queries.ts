import type { DisclosedDb, FlowKind, PageLoad } from './db.ts';

/** One recipient of data on a page, as the popup lists it. */
export interface PageRecipient {
  company: string;
  kind: FlowKind;
  /** Every category its requests fell under on this page (Google: analytics and advertising, say). */
  categories: string[];
  requests: number;
  /** Requests that failed or were blocked by something else: seen leaving, not known to have arrived. */
  failed: number;
  hosts: string[];
}

export interface PageSummary {
  page: PageLoad | undefined;
  recipients: PageRecipient[];
}

/**
 * What the tab's current page shared: the newest page load of the tab, if it is on `site`, and its events grouped by
 * company (most requests first). A page has at most a few hundred events, read through the `page` index.
 */
export async function loadPageSummary(db: DisclosedDb, tabId: number, site: string): Promise<PageSummary> {
  const page = await db.pages.where('[tabId+startedAt]').between([tabId, -Infinity], [tabId, Infinity]).last();
  if (!page || page.site !== site) return { page: undefined, recipients: [] };
  const byCompany = new Map<string, PageRecipient>();
  await db.events
    .where('[page+company]')
    .between([page.key, ''], [page.key, '\uffff'])
    .each((e) => {
      let r = byCompany.get(e.company);
      if (!r) {
        r = { company: e.company, kind: e.kind, categories: [], requests: 0, failed: 0, hosts: [] };
        byCompany.set(e.company, r);
      }
      if (!r.categories.includes(e.category)) r.categories.push(e.category);
      r.requests++;
      if (e.outcome === 'error') r.failed++;
      if (!r.hosts.includes(e.host)) r.hosts.push(e.host);
    });
  const recipients = [...byCompany.values()].sort(
    (a, b) => b.requests - a.requests || a.company.localeCompare(b.company),
  );
  for (const r of recipients) {
    r.hosts.sort();
    r.categories.sort();
  }
  return { page, recipients };
}

/** The companies that received data on a page load: keys only, from the [page+company] index. */
export async function pageCompanies(db: DisclosedDb, pageKey: string): Promise<Set<string>> {
  const keys = await db.events.where('[page+company]').between([pageKey, ''], [pageKey, '\uffff']).uniqueKeys();
  return new Set(keys.map((k) => String((k as unknown as [string, string])[1])));
}
