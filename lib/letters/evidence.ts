import { isOnSite, siteOf } from '../classify/domain.ts';
import { consentFlow, supportsGround } from '../consent/flows.ts';
import { DATA_KINDS } from '../disclose/kinds.ts';
import { citableName } from '../disclose/rules.ts';
import { rankedCategoriesOf, type SiteCompanyAggregate } from '../storage/aggregates.ts';
import { kindsOf } from '../storage/dashboard.ts';
import type { DisclosedDb } from '../storage/db.ts';
import type { CitedFlow, CitedIdentifier, ConsentEvidence, GpcEvidence, LetterEvidence } from './compose.ts';
import { type CookieFacts, judgeCookie } from './cookies.ts';
import { isSensitiveSite } from './sensitive.ts';

/**
 * Gathers what a letter to one company may say: read by that company's id from the totals and identifiers it alone
 * owns, so nothing about another company can enter the letter. Sites that reveal sensitive data (GDPR Art. 9) are
 * marked, and left out unless the user ticks them.
 */
export interface GatheredEvidence {
  /** Over every site the company received data from; `evidenceFor` narrows it to the sites a letter lists. */
  evidence: LetterEvidence;
  /** The company's totals per site, which `evidenceFor` adds up for the sites a letter lists. */
  perSite: SiteCompanyAggregate[];
  /** Sites whose names suggest health, religion, sexuality, politics or trade unions (see sensitive.ts). */
  sensitiveSites: string[];
  /** Identifiers seen in requests to this company (full values, from this device only). */
  requestIdentifiers: CitedIdentifier[];
  /** The DNS canonical name each subdomain of a site that pointed to this company was an alias of, where known. */
  canonical?: Map<string, string>;
  /** Per site: the requests that were consent evidence (a few kept, all counted), and those sent with GPC on. */
  consentBySite?: Map<string, ConsentEvidence>;
  gpcBySite?: Map<string, GpcEvidence>;
}

/** Requests kept per site for a letter to cite: the first few, and as many of the first with a cookie or identifier. */
const KEPT_PER_SITE = 3;

export async function gatherEvidence(
  db: DisclosedDb,
  company: { id: string; name: string },
): Promise<GatheredEvidence | undefined> {
  const [flows, identifiers] = await Promise.all([
    db.siteCompanies.where('company').equals(company.id).toArray(),
    db.identifiers.where('company').equals(company.id).toArray(),
  ]);
  if (!flows.length) return undefined;
  const canonical = await canonicalNames(db, flows);
  const { consentBySite, gpcBySite } = await consentOf(db, company.id);
  const evidence = summed(company, flows, canonical, consentBySite, gpcBySite);
  return {
    evidence,
    perSite: flows,
    canonical,
    consentBySite,
    gpcBySite,
    sensitiveSites: evidence.sites.filter(isSensitiveSite),
    // A value stored under a credential's name before secrets were kept apart is never offered.
    requestIdentifiers: identifiers
      .filter((i) => citableName(i.name))
      .sort((a, b) => b.requests - a.requests)
      .map((i) => ({ source: 'request' as const, name: i.name, value: i.value })),
  };
}

/**
 * The evidence over the given sites only: a letter that lists some of the sites (a sensitive one left out) counts
 * the requests, dates, domains and kinds of those sites, so its "N requests from M websites" adds up.
 */
export function evidenceFor(gathered: GatheredEvidence, sites: string[]): LetterEvidence {
  const listed = new Set(sites);
  const { companyId: id, companyName: name } = gathered.evidence;
  return summed(
    { id, name },
    gathered.perSite.filter((f) => listed.has(f.site)),
    gathered.canonical,
    gathered.consentBySite,
    gathered.gpcBySite,
  );
}

/**
 * The company's requests that were consent evidence, by the one rule (lib/consent/flows.ts), and those that reached
 * it while the browser sent Global Privacy Control, per site: read one event at a time by the company index, so a
 * long history never sits in memory; of each site only the few a letter cites are kept, the rest counted.
 */
async function consentOf(db: DisclosedDb, company: string) {
  const consentBySite = new Map<string, ConsentEvidence>();
  const gpcBySite = new Map<string, GpcEvidence>();
  await db.events
    .where('company')
    .equals(company)
    .each((e) => {
      if (e.consent?.gpc && e.delivery === 'received') {
        const g = gpcBySite.get(e.site);
        const at = e.sentAt ?? e.time;
        if (!g) gpcBySite.set(e.site, { requests: 1, sites: [e.site], first: at, last: at });
        else {
          g.requests++;
          g.first = Math.min(g.first, at);
          g.last = Math.max(g.last, at);
        }
      }
      const flow = consentFlow(e);
      if (!flow) return;
      const cited: CitedFlow =
        e.consentAt?.state === 'not-answered' && e.consentAt.since !== undefined
          ? { ...flow, bannerAt: e.consentAt.since }
          : flow;
      const site = consentBySite.get(e.site) ?? { flows: [], total: 0, device: 0, deviceByCategory: {} };
      consentBySite.set(e.site, site);
      site.total++;
      if (flow.device) {
        site.device++;
        const byCategory = site.deviceByCategory ?? {};
        byCategory[flow.category] = (byCategory[flow.category] ?? 0) + 1;
        site.deviceByCategory = byCategory;
      }
      site.flows = keep([...site.flows, cited]);
    });
  return { consentBySite, gpcBySite };
}

/**
 * The first few requests, the first few of those with a cookie or identifier, and the first few that support the
 * unlawful ground (with analytics and, for a UK letter, without: see `supportsGround`), oldest first: a letter cites
 * the last of these, so a CDN's early cookies cannot crowd out a tracker's.
 */
function keep(flows: CitedFlow[]): CitedFlow[] {
  const sorted = flows.sort((a, b) => a.sentAt - b.sentAt);
  const first = (pick: (f: CitedFlow) => boolean) => sorted.filter(pick).slice(0, KEPT_PER_SITE);
  return [
    ...new Set([
      ...first(() => true),
      ...first((f) => f.device),
      ...first((f) => supportsGround(f)),
      ...first((f) => supportsGround(f, { analytics: false })),
    ]),
  ].sort((a, b) => a.sentAt - b.sentAt);
}

/** The consent evidence and GPC requests of the listed sites, added up. */
function consentFor(
  sites: string[],
  consentBySite: Map<string, ConsentEvidence> | undefined,
  gpcBySite: Map<string, GpcEvidence> | undefined,
): { consent?: ConsentEvidence; gpc?: GpcEvidence } {
  const consent = sites.flatMap((s) => consentBySite?.get(s) ?? []);
  const gpc = sites.flatMap((s) => gpcBySite?.get(s) ?? []);
  return {
    ...(consent.length
      ? {
          consent: {
            flows: consent.flatMap((c) => c.flows).sort((a, b) => a.sentAt - b.sentAt),
            total: consent.reduce((n, c) => n + c.total, 0),
            device: consent.reduce((n, c) => n + c.device, 0),
            deviceByCategory: consent.reduce<Record<string, number>>((sum, c) => {
              for (const [category, n] of Object.entries(c.deviceByCategory ?? {}))
                sum[category] = (sum[category] ?? 0) + n;
              return sum;
            }, {}),
          },
        }
      : {}),
    ...(gpc.length
      ? {
          gpc: {
            requests: gpc.reduce((n, g) => n + g.requests, 0),
            sites: gpc.flatMap((g) => g.sites).sort(),
            first: Math.min(...gpc.map((g) => g.first)),
            last: Math.max(...gpc.map((g) => g.last)),
          },
        }
      : {}),
  };
}

/**
 * A host on the site's own domain among a company's hosts got there only because its DNS entry was an alias of the
 * company's domain (CNAME cloaking: a site's requests to itself are never recorded otherwise). The canonical name
 * is on the stored requests to it: read from the first one still kept.
 */
async function canonicalNames(db: DisclosedDb, flows: SiteCompanyAggregate[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const f of flows) {
    for (const host of f.hosts) {
      if (!isOnSite(host, f.site) || found.has(host)) continue;
      const event = await db.events
        .where('[site+company]')
        .equals([f.site, f.company])
        .filter((e) => e.host === host && !!e.cname)
        .first();
      if (event?.cname) found.set(host, event.cname);
    }
  }
  return found;
}

function summed(
  company: { id: string; name: string },
  flows: SiteCompanyAggregate[],
  canonical: Map<string, string> | undefined,
  consentBySite?: Map<string, ConsentEvidence>,
  gpcBySite?: Map<string, GpcEvidence>,
): LetterEvidence {
  const sites = [...new Set(flows.map((f) => f.site))].sort();
  // A subdomain of the site is not the company's domain: named apart, with what DNS said, and never used to find
  // the company's cookies (the site's own would be taken for its).
  const via = new Map<string, { host: string; site?: string; cname?: string }>();
  const domains = new Set<string>();
  for (const f of flows) {
    for (const host of f.hosts) {
      if (!isOnSite(host, f.site)) domains.add(host);
      else if (!via.has(host)) {
        const cname = canonical?.get(host);
        via.set(host, { host, site: f.site, ...(cname ? { cname } : {}) });
      }
    }
  }
  const kinds = new Set(flows.flatMap((f) => kindsOf(f)));
  let firstSeen = flows[0]?.firstSeen ?? 0;
  let lastSeen = flows[0]?.lastSeen ?? 0;
  for (const f of flows) {
    if (f.firstSeen < firstSeen) firstSeen = f.firstSeen;
    if (f.lastSeen > lastSeen) lastSeen = f.lastSeen;
  }
  return {
    companyId: company.id,
    companyName: company.name,
    domains: [...domains].sort(),
    ...(via.size ? { via: [...via.values()].sort((a, b) => a.host.localeCompare(b.host)) } : {}),
    sites,
    requests: flows.reduce((n, f) => n + f.requests, 0),
    firstSeen,
    lastSeen,
    categories: rankedCategoriesOf(flows),
    kinds: DATA_KINDS.filter((k) => kinds.has(k)),
    ...consentFor(sites, consentBySite, gpcBySite),
  };
}

/**
 * The cookies a letter may cite: set on one of the company's own registrable domains (never a cookie of the site
 * the user visited, nor of another company) and not a login, session or security cookie.
 */
export function citableCookies(
  domains: string[],
  cookies: (CookieFacts & { partitions?: string[]; stores?: string[] })[],
): CitedIdentifier[] {
  const owned = new Set(domains.map((d) => siteOf(d)));
  return cookies
    .filter((c) => owned.has(siteOf(c.domain.replace(/^\./, ''))) && judgeCookie(c).usable)
    .map((c) => ({
      source: 'cookie' as const,
      name: c.name,
      value: c.value,
      domain: c.domain,
      // Where the browser keeps it, when not where the user normally browses: the composer shows it.
      ...(c.partitions?.length ? { partitions: c.partitions } : {}),
      ...(c.stores?.length ? { stores: c.stores } : {}),
    }));
}
