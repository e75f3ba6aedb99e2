import type { FlowKind } from '../classify/classify.ts';
import { deliveryOf, wasReceived } from '../classify/delivery.ts';
import { isOnSite } from '../classify/domain.ts';
import type { ConsentStamp } from '../consent/types.ts';
import { localDay } from '../day.ts';
import type { StoredFinding } from '../disclose/decode.ts';
import { DATA_KINDS, type DataKind } from '../disclose/kinds.ts';
import { leafName } from '../disclose/rules.ts';
import { type CategoryRequests, rankedCategoryIds } from './aggregates.ts';
import { type CompanyConsent, PageConsent } from './consent.ts';
import type { DisclosedDb } from './db.ts';
import type { PageLoad } from './events.ts';

/** One recipient of data on a page, as the popup lists it. */
export interface PageRecipient {
  company: string;
  kind: FlowKind;
  /**
   * Every category its requests fell under on this page (Google: analytics and advertising, say), main first
   * (`rankCategories`): those of the requests it received, or of the attempts when it received none.
   */
  categories: string[];
  requests: number;
  /** Requests not known to have arrived: blocked, failed, or served from the cache. */
  failed: number;
  /**
   * None of its requests is known to have reached it: what it would have received (its kinds, details and example
   * are then those of the attempts), shown apart from the companies that received data.
   */
  attemptedOnly?: true;
  /** Every request that did not arrive was stopped by the browser or another extension (not a failure, not the cache). */
  blockedOnly?: boolean;
  /**
   * Every request that did not arrive was stopped before it was sent (`not-received`: blocked, no connection), none
   * answered from the cache, cut off after it was sent or aborted, which may have reached the company.
   */
  stoppedOnly?: boolean;
  /**
   * The hosts it was reached at on this page (for a company only attempted, the hosts it was tried at), sorted. A
   * host none of whose requests arrived is not among them when the company did receive data: it is in `missedHosts`.
   */
  hosts: string[];
  /** For a company that received data: the hosts none of whose requests is known to have reached it, sorted. */
  missedHosts?: string[];
  /**
   * Hosts it was reached at under another name (CNAME cloaking, Firefox only): each host, the DNS canonical name it
   * is an alias of, and whether the host is on the page's own site. Sorted by host; absent when there are none.
   */
  via?: { host: string; cname: string; onSite: boolean }[];
  /** What it received on this page, in vocabulary order. */
  kinds: DataKind[];
  /** Precisions per kind: identifier names, device details, events, `site-only` for a bare page address… */
  details: Partial<Record<DataKind, string[]>>;
  /** The request that carried the most, decoded (its host, path and findings). */
  example?: { host: string; path: string; findings: StoredFinding[] };
  /** For an unlisted third party seen with an identifier or its own cookie on 3+ sites: those sites. */
  trackingSites?: string[];
  /** Data it got before the person answered the cookie banner or after they refused (lib/consent/flows.ts). */
  consent?: CompanyConsent;
}

/** Reasons that mean the browser or another extension stopped the request before it was sent. */
const BLOCKED = new Set<string>(['blocked-by-extension', 'tracking-protection', 'redirected-away']);

/** Sites on which a third party must receive an identifier or its cookie before it is said to track across sites. */
export const CROSS_SITE_THRESHOLD = 3;

export interface PageSummary {
  page: PageLoad | undefined;
  recipients: PageRecipient[];
  /**
   * Requests from the page's site, since the day the page was loaded, to unlisted parties counted but not stored one
   * by one (the site had added `STORED.unlistedPerSiteDay` new ones that day): the popup says "and N more".
   */
  unlistedMore: number;
  /** The page's consent state, from the latest request that carried a stamp; absent when none did. */
  consent?: ConsentStamp;
}

/**
 * What the tab's current page shared: the newest page load of the tab on `site`, and its events grouped by
 * company (most requests first). A page has at most a few hundred events, read through the `page` index.
 */
export async function loadPageSummary(db: DisclosedDb, tabId: number, site: string): Promise<PageSummary> {
  // The tab's latest load on this site: the tab's latest of all, or one shown again from the back/forward cache.
  const page = await db.pages
    .where('[tabId+startedAt]')
    .between([tabId, -Infinity], [tabId, Infinity])
    .reverse()
    .filter((p) => p.site === site)
    .first();
  if (!page) return { page: undefined, recipients: [], unlistedMore: 0 };
  const byCompany = new Map<string, PageRecipient>();
  // What each company's attempts carried, apart: shown only for a company none of whose requests arrived.
  const tried = new Map<string, Pick<PageRecipient, 'kinds' | 'details' | 'example'>>();
  // The hosts each company's requests arrived at, and those they were only tried at.
  const reachedHosts = new Map<string, Set<string>>();
  const triedHosts = new Map<string, Set<string>>();
  // Requests per category, received and attempted apart (as everything else is).
  const receivedCategories = new Map<string, CategoryRequests>();
  const triedCategories = new Map<string, CategoryRequests>();
  const consent = new PageConsent();
  await db.events
    .where('[page+company]')
    .between([page.key, ''], [page.key, '\uffff'])
    .each((e) => {
      consent.add(e);
      let r = byCompany.get(e.company);
      if (!r) {
        r = {
          company: e.company,
          kind: e.kind,
          categories: [],
          requests: 0,
          failed: 0,
          hosts: [],
          kinds: [],
          details: {},
        };
        byCompany.set(e.company, r);
      }
      const received = wasReceived(e);
      let carried: Pick<PageRecipient, 'kinds' | 'details' | 'example'> = r;
      if (!received) {
        carried = tried.get(e.company) ?? { kinds: [], details: {} };
        tried.set(e.company, carried);
      }
      for (const kind of e.kinds ?? []) if (!carried.kinds.includes(kind)) carried.kinds.push(kind);
      for (const f of e.findings ?? []) {
        const detail = f.kind === 'identifier' ? leafName(f.name) : f.detail;
        const list = carried.details[f.kind] ?? [];
        if (detail && !list.includes(detail) && list.length < 6) list.push(detail);
        carried.details[f.kind] = list;
      }
      if ((e.findings?.length ?? 0) > (carried.example?.findings.length ?? 0)) {
        carried.example = { host: e.host, path: e.path, findings: e.findings };
      }
      const counts = (received ? receivedCategories : triedCategories).get(e.company) ?? {};
      counts[e.category] = (counts[e.category] ?? 0) + 1;
      (received ? receivedCategories : triedCategories).set(e.company, counts);
      r.requests++;
      if (!received) {
        r.failed++;
        const facts = deliveryOf(e);
        r.blockedOnly = (r.blockedOnly ?? true) && BLOCKED.has(e.deliveryReason ?? facts.reason);
        r.stoppedOnly = (r.stoppedOnly ?? true) && (e.delivery ?? facts.delivery) === 'not-received';
      }
      const hosts = received ? reachedHosts : triedHosts;
      const mine = hosts.get(e.company) ?? new Set<string>();
      mine.add(e.host);
      hosts.set(e.company, mine);
      if (e.cname && !r.via?.some((v) => v.host === e.host)) {
        r.via = [...(r.via ?? []), { host: e.host, cname: e.cname, onSite: isOnSite(e.host, e.site) }];
      }
    });
  for (const r of byCompany.values()) {
    const attempts = tried.get(r.company);
    const reached = reachedHosts.get(r.company);
    const missed = [...(triedHosts.get(r.company) ?? [])].filter((host) => !reached?.has(host));
    if (!reached) {
      r.hosts = missed;
      if (attempts) Object.assign(r, attempts, { attemptedOnly: true });
    } else {
      r.hosts = [...reached];
      if (missed.length) r.missedHosts = missed.sort();
    }
    r.categories = rankedCategoryIds((r.attemptedOnly ? triedCategories : receivedCategories).get(r.company) ?? {});
    const evidence = consent.companies.get(r.company);
    if (evidence) r.consent = evidence;
  }
  const recipients = [...byCompany.values()].sort(
    (a, b) => b.requests - a.requests || a.company.localeCompare(b.company),
  );
  for (const r of recipients) {
    r.hosts.sort();
    r.via?.sort((a, b) => a.host.localeCompare(b.host));
    r.kinds = DATA_KINDS.filter((k) => r.kinds.includes(k));
    if (r.kind === 'unlisted') {
      const sites = await trackingSites(db, r.company);
      if (sites.length >= CROSS_SITE_THRESHOLD) r.trackingSites = sites;
    }
  }
  return {
    page,
    recipients,
    unlistedMore: await unlistedMore(db, site, localDay(page.startedAt)),
    ...(consent.state ? { consent: consent.state } : {}),
  };
}

/** Requests from a site to unlisted parties counted but not stored one by one, from `from` (YYYY-MM-DD) on. */
export async function unlistedMore(db: DisclosedDb, site: string, from = ''): Promise<number> {
  let more = 0;
  await db.siteDays
    .where('[site+day]')
    .between([site, from], [site, '\uffff'])
    .each((d) => {
      more += d.unlistedMore;
    });
  return more;
}

/** The companies that received data on a page load (what the badge counts): not those only attempted. */
export async function pageCompanies(db: DisclosedDb, pageKey: string): Promise<Set<string>> {
  const companies = new Set<string>();
  await db.events
    .where('[page+company]')
    .between([pageKey, ''], [pageKey, '\uffff'])
    .each((e) => {
      if (wasReceived(e)) companies.add(e.company);
    });
  return companies;
}

/**
 * The sites on which a company received an identifier or its own cookie — Privacy Badger's rule for a tracker
 * (the same third party with identifiers on three or more sites), computed from the per-site aggregates.
 */
export async function trackingSites(db: DisclosedDb, company: string): Promise<string[]> {
  const rows = await db.siteCompanies.where('company').equals(company).toArray();
  return rows
    .filter((r) => r.kinds?.identifier || r.kinds?.cookie)
    .map((r) => r.site)
    .sort();
}
