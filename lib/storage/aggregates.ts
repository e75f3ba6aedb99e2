import type { FlowKind } from '../classify/classify.ts';
import type { DataKind } from '../disclose/kinds.ts';

// The running totals: per (site, company), per (day, company), and the summaries per company, site and day that
// the dashboard reads.

/** When a kind of data was first and last seen going to a company from a site. */
export interface SeenSpan {
  first: number;
  last: number;
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
