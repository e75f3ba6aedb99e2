import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type { DataKind } from '../disclose/kinds.ts';
import { rebuildSummaries } from './summaries.ts';

/** Whether a request went to a company a tracker list names, or to a third party no list knows. */
export type FlowKind = 'tracker' | 'unlisted';
/** Whether the request was actually sent and answered, or failed (blocked by another extension, network error…). */
export type Outcome = 'completed' | 'error';

/** One thing a request carried, as stored: the value already truncated and redacted for display. */
export interface StoredFinding {
  kind: DataKind;
  source: 'url' | 'referer' | 'body' | 'cookie';
  name: string;
  value: string;
  detail?: string;
}

/** When a kind of data was first and last seen going to a company from a site. */
export interface SeenSpan {
  first: number;
  last: number;
}

/** One request that carried data from a page to a third party. Bounded by age and count (see retention.ts). */
export interface SharingEvent {
  id?: number;
  /** When the request finished, in ms since the epoch. */
  time: number;
  /** The page load it belongs to (see `PageLoad.key`), or `browser` / `site:<site>` for requests without a tab. */
  page: string;
  tabId: number;
  /** The first party: the registrable domain of the tab's top-level page. */
  site: string;
  /** Company id: an organization id, `pattern:<id>` or, for unlisted third parties, `site:<domain>`. */
  company: string;
  kind: FlowKind;
  category: string;
  /** The request's hostname and path (no query: what was in it is for the disclosure decoder, not a log). */
  host: string;
  path: string;
  type: string;
  method: string;
  outcome: Outcome;
  error?: string;
  /** What it carried (vocabulary order), and the parameters that carried it (at most 12). Since version 2. */
  kinds: DataKind[];
  findings: StoredFinding[];
  /** Full identifier values, on their way to the `identifiers` table; never stored on the event itself. */
  identifiers?: { name: string; value: string }[];
}

/** A top-level page load in a tab: what the popup and badge count against. Holds no address, only the site. */
export interface PageLoad {
  /** `${tabId}:${startedAt}`. */
  key: string;
  tabId: number;
  site: string;
  startedAt: number;
}

/** Running totals per (site, company), updated in the same transaction as the events they count. */
export interface SiteCompanyAggregate {
  site: string;
  company: string;
  kind: FlowKind;
  category: string;
  requests: number;
  failed: number;
  firstSeen: number;
  lastSeen: number;
  hosts: string[];
  /** Each kind of data this company received from this site, first and last seen. Since version 2. */
  kinds: Partial<Record<DataKind, SeenSpan>>;
}

/** Running totals per (local day, company). */
export interface DayCompanyAggregate {
  /** YYYY-MM-DD in the browser's time zone. */
  day: string;
  company: string;
  kind: FlowKind;
  requests: number;
  sites: string[];
}

/**
 * An identifier a company received, with its full value: what a deletion request cites so the company can find the
 * person ("we cannot identify you" is answered before it is asked). Personal data: it stays on this device, and
 * exports leave it out unless the user asks. Since version 2.
 */
export interface ObservedIdentifier {
  company: string;
  /** The parameter that carried it (`cid`, `data.uid`). */
  name: string;
  value: string;
  firstSeen: number;
  lastSeen: number;
  requests: number;
  /** Sites it was sent from (at most 20). */
  sites: string[];
}

/** Totals per company over every site: the companies list and the all-time overview. Since version 3. */
export interface CompanySummary {
  company: string;
  kind: FlowKind;
  categories: string[];
  /** Sites it received data from. */
  sites: number;
  requests: number;
  failed: number;
  firstSeen: number;
  lastSeen: number;
  kinds: Partial<Record<DataKind, SeenSpan>>;
}

/** Totals per site over every company: the sites list. Since version 3. */
export interface SiteSummary {
  site: string;
  /** Companies that received data from it. */
  companies: number;
  requests: number;
  firstSeen: number;
  lastSeen: number;
  kinds: Partial<Record<DataKind, SeenSpan>>;
}

/** Totals per local day: the timeline. Since version 3. */
export interface DaySummary {
  day: string;
  /** Companies that received data that day. */
  companies: number;
  requests: number;
  /**
   * Every (site, company) pair of the day, one `site\tcompany` per line: a window's graph and overview read a few
   * of these rows, not thousands of per-site totals. Since version 5 (an array until version 6).
   */
  pairs: string;
  /** Requests per company that day, one `company\trequests` per line. Since version 6. */
  companyRequests: string;
  // Lines of text, not arrays or objects: a fresh page reads a week of these in ~3 ms, against ~20 ms for the same
  // pairs and counts as an array of strings and an object with a key per company.
}

export type LetterStatus =
  | 'draft'
  | 'sent'
  | 'acknowledged'
  | 'needs-identification'
  | 'extended'
  | 'fulfilled'
  | 'refused'
  | 'overdue'
  | 'escalated'
  | 'closed';

/** A deletion request the user drafted and (once they say so) sent. Since version 4. */
export interface LetterRecord {
  reference: string;
  company: string;
  companyName: string;
  jurisdiction: 'gdpr' | 'uk-gdpr' | 'ccpa';
  language: string;
  right: 'erasure' | 'access' | 'objection' | 'withdrawal';
  channel: 'email' | 'web-form' | 'other';
  recipient: string;
  subject: string;
  body: string;
  /** SHA-256 of the body as sent, so the text can be shown unchanged later. */
  textHash: string;
  status: LetterStatus;
  createdAt: number;
  /** The day the user sent it (YYYY-MM-DD): the deadline runs from it. */
  sentOn?: string;
  history: { at: number; status: LetterStatus; note?: string }[];
}

/** A privacy contact the user corrected or added, shown as theirs. Since version 4. */
export interface ContactCorrection {
  company: string;
  value: string;
  /** The controller's EU representative (Art. 27), when the user gave one: letters go to it. */
  representative?: string;
  updatedAt: number;
}

export type DisclosedDb = Dexie & {
  events: EntityTable<SharingEvent, 'id'>;
  pages: EntityTable<PageLoad, 'key'>;
  /** Keyed by [site, company]. */
  siteCompanies: Table<SiteCompanyAggregate, [string, string]>;
  /** Keyed by [day, company]. */
  dayCompanies: Table<DayCompanyAggregate, [string, string]>;
  /** Keyed by [company, name, value]. */
  identifiers: Table<ObservedIdentifier, [string, string, string]>;
  companies: Table<CompanySummary, string>;
  sites: Table<SiteSummary, string>;
  days: Table<DaySummary, string>;
  letters: Table<LetterRecord, string>;
  contacts: Table<ContactCorrection, string>;
};

export const DB_NAME = 'disclosed';

/**
 * The tables that hold what was recorded (not the user's letters and contacts): what the recorder writes in one
 * transaction, and what forgetting a site or deleting everything goes through.
 */
export function recordTables(db: DisclosedDb) {
  return [db.events, db.pages, db.siteCompanies, db.dayCompanies, db.identifiers, db.companies, db.sites, db.days];
}

/**
 * Opens the database. The version history below is the schema's history: every change is a new version (with an
 * `upgrade()` when stored data must be reshaped), never an edit of an old one.
 */
export function openDb(name = DB_NAME): DisclosedDb {
  // No query cache: Dexie's deep-clones every live query's result (14 ms for the companies list at a million events)
  // to serve repeats and optimistic writes, and the views here neither repeat their queries nor write much.
  const db = new Dexie(name, { cache: 'disabled' }) as DisclosedDb;
  db.version(1).stores({
    events: '++id, time, [page+company], [site+company], company',
    pages: 'key, [tabId+startedAt], startedAt',
    siteCompanies: '[site+company], site, company, lastSeen',
    dayCompanies: '[day+company], day, company',
  });
  // 2: what each request carried (data kinds and the parameters that carried them), and identifiers per company.
  db.version(2)
    .stores({ identifiers: '[company+name+value], company, lastSeen' })
    .upgrade(async (tx) => {
      await tx
        .table('events')
        .toCollection()
        .modify((e: Partial<SharingEvent>) => {
          e.kinds ??= [];
          e.findings ??= [];
        });
      await tx
        .table('siteCompanies')
        .toCollection()
        .modify((a: Partial<SiteCompanyAggregate>) => {
          a.kinds ??= {};
        });
    });
  // Every summary rebuilt from the totals, inside an upgrade's transaction.
  const rebuildAll = (tx: Transaction) =>
    rebuildSummaries({
      siteCompanies: tx.table('siteCompanies'),
      dayCompanies: tx.table('dayCompanies'),
      companies: tx.table('companies'),
      sites: tx.table('sites'),
      days: tx.table('days'),
    });
  // 3: summaries per company, site and day, so the dashboard reads a few thousand rows at any history size.
  db.version(3).stores({ companies: 'company, sites', sites: 'site', days: 'day' });
  // 4: deletion requests and the privacy contacts the user corrected.
  db.version(4).stores({ letters: 'reference, company, status, createdAt', contacts: 'company' });
  // 5: each day's (site, company) pairs in its summary; 6: its requests per company, and both as lines of text.
  // Version 6 builds every summary from the totals, so an older database (from version 2 on) is rebuilt once.
  db.version(5).stores({});
  db.version(6).stores({}).upgrade(rebuildAll);
  return db;
}

/** Local calendar day of a timestamp, as YYYY-MM-DD. */
export function localDay(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
