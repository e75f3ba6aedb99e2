import { type Delivery, type DeliveryReason, deliveryOf } from '../classify/delivery.ts';
import { localDay } from '../day.ts';
import type { StoredFinding } from '../disclose/decode.ts';
import { DATA_KINDS, type DataKind } from '../disclose/kinds.ts';
import type { AttemptAggregate, SeenSpan, SiteCompanyAggregate } from './aggregates.ts';
import type { DisclosedDb } from './db.ts';
import type { SharingEvent } from './events.ts';

// The evidence screens' reads: the stored requests of one site or one company, a page at a time (the request log),
// and what a report says about them (the totals, and what the stored requests carried, decoded). Both read through
// the indexes the schema already has — `[site+company]` and `company` — and never hold more than a bounded number
// of events: a company seen on every site can have a million.

/** Whose requests: a site's (every company it sent data to) or a company's (from every site). */
export type EvidenceScope = { site: string } | { company: string };

/** `site/<site>` or `company/<id>` (the part of an address after `#/report/` or `#/log/`, decoded). */
export function parseScope(text: string): EvidenceScope | undefined {
  const match = /^(site|company)\/(.+)$/s.exec(text);
  if (!match?.[2]) return undefined;
  return match[1] === 'site' ? { site: match[2] } : { company: match[2] };
}

export const scopePath = (scope: EvidenceScope) =>
  'site' in scope ? `site/${encodeURIComponent(scope.site)}` : `company/${encodeURIComponent(scope.company)}`;

/** Whether a stored request reached its server, and why that is thought; for events older than the delivery field, from how they ended. */
export function deliveryOfEvent(e: Pick<SharingEvent, 'delivery' | 'deliveryReason' | 'outcome' | 'error'>): {
  delivery: Delivery;
  reason: DeliveryReason;
} {
  if (e.delivery && e.deliveryReason) return { delivery: e.delivery, reason: e.deliveryReason };
  const facts = deliveryOf({ outcome: e.outcome, ...(e.error ? { error: e.error } : {}) });
  return { delivery: e.delivery ?? facts.delivery, reason: e.deliveryReason ?? facts.reason };
}

export interface LogFilter {
  delivery?: Delivery;
  kind?: DataKind;
  /** Part of the host and path, as stored (case ignored). */
  text?: string;
}

/** Where a page of the log ends: the next page holds the requests stored before the one with this id. */
export interface LogCursor {
  before: number;
}

export interface LogPage {
  /** Newest first: in the order they were recorded, which is the order they finished in. */
  events: SharingEvent[];
  /** Set when older stored requests remain to be read. */
  next?: LogCursor;
  /** Stored requests read to find these (the filters may have passed over some): never more than `maxRead`. */
  read: number;
}

export interface LogOptions {
  /** Requests per page. */
  limit?: number;
  /** Most stored requests one call reads before it returns what matched (a filter that rarely matches). */
  maxRead?: number;
  after?: LogCursor;
}

/** Requests per page of the log. */
export const LOG_PAGE = 50;
const MAX_READ = 2000;

/** Whether an event passes the log's filters. */
export function matchesFilter(e: SharingEvent, filter: LogFilter): boolean {
  if (filter.delivery && deliveryOfEvent(e).delivery !== filter.delivery) return false;
  if (filter.kind && !(e.kinds ?? []).includes(filter.kind)) return false;
  const text = filter.text?.trim().toLowerCase();
  if (text && !`${e.host}${e.path}`.toLowerCase().includes(text)) return false;
  return true;
}

/**
 * One page of a site's or a company's stored requests, newest first, that pass `filter`. A company's are one index
 * range (`company`); a site's are one `[site+company]` range per company, read side by side and merged. Each range
 * is read with a cursor from its newest entry down, starting below `after` by primary key (IndexedDB's
 * `continuePrimaryKey`): a page costs about `limit` reads plus one per range, however many requests are stored.
 */
export async function loadLogPage(
  db: DisclosedDb,
  scope: EvidenceScope,
  filter: LogFilter = {},
  { limit = LOG_PAGE, maxRead = MAX_READ, after }: LogOptions = {},
): Promise<LogPage> {
  const ranges =
    'company' in scope
      ? [{ index: 'company', range: IDBKeyRange.only(scope.company) }]
      : (await siteCompanies(db, scope.site)).map((company) => ({
          index: '[site+company]',
          range: IDBKeyRange.only([scope.site, company]),
        }));
  if (!ranges.length) return { events: [], read: 0 };
  await db.open();
  const store = db.backendDB().transaction('events', 'readonly').objectStore('events');
  const heads = await Promise.all(ranges.map((r) => openBelow(store.index(r.index), r.range, after?.before)));
  const events: SharingEvent[] = [];
  let read = 0;
  let last: number | undefined;
  for (;;) {
    const live = heads.filter((h) => h.cursor);
    if (!live.length) return { events, read };
    if (events.length >= limit || read >= maxRead) break;
    // The newest of the ranges' next requests.
    const head = live.reduce((a, b) => (key(b) > key(a) ? b : a));
    const cursor = head.cursor as IDBCursorWithValue;
    const e = cursor.value as SharingEvent;
    read++;
    last = key(head);
    if (matchesFilter(e, filter)) events.push(e);
    head.cursor = await step(head.request, () => cursor.continue());
  }
  return { events, read, ...(last !== undefined ? { next: { before: last } } : {}) };
}

/** The companies a site's stored requests went to: the distinct keys of its `[site+company]` range. */
async function siteCompanies(db: DisclosedDb, site: string): Promise<string[]> {
  const keys = await db.events.where('[site+company]').between([site, ''], [site, '\uffff']).uniqueKeys();
  return keys.map((k) => (k as unknown as [string, string])[1]);
}

interface Head {
  request: IDBRequest<IDBCursorWithValue | null>;
  cursor: IDBCursorWithValue | null;
}

const key = (h: Head) => (h.cursor?.primaryKey as number | undefined) ?? -Infinity;

/** Waits for the request's next success after `advance` moves its cursor. */
function step(request: IDBRequest<IDBCursorWithValue | null>, advance: () => void): Promise<IDBCursorWithValue | null> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    advance();
  });
}

/** A cursor over one index key's entries, newest (highest id) first, at the first one below `before`. */
async function openBelow(index: IDBIndex, range: IDBKeyRange, before?: number): Promise<Head> {
  const request = index.openCursor(range, 'prev');
  const head: Head = { request, cursor: await step(request, () => {}) };
  const at = head.cursor;
  if (at && before !== undefined && (at.primaryKey as number) >= before) {
    // One key per range: its entries are in primary-key order, so this jumps straight to the first one below.
    head.cursor = await step(request, () => at.continuePrimaryKey(at.key, before - 1));
  }
  return head;
}

/** How many requests of a site or a company are stored (an index count: no event is read). */
export function storedCount(db: DisclosedDb, scope: EvidenceScope): Promise<number> {
  return 'company' in scope
    ? db.events.where('company').equals(scope.company).count()
    : db.events.where('[site+company]').between([scope.site, ''], [scope.site, '\uffff']).count();
}

/** A parameter that carried a kind of data, and where in the request it was. */
export interface CarriedBy {
  name: string;
  source: StoredFinding['source'];
}

/** What the stored requests of one (site, company) pair carried, received and attempted apart. */
export interface PairEvidence {
  site: string;
  company: string;
  /** Parameter names per kind (at most `NAMES_PER_KIND` each), from the requests that reached the company. */
  received: Partial<Record<DataKind, CarriedBy[]>>;
  /** The same for the requests not known to have reached it. */
  attempted: Partial<Record<DataKind, CarriedBy[]>>;
  /** Stored requests read, and whether that was all of the pair's stored requests. */
  read: number;
  complete: boolean;
}

/** Requests per local day, received and attempted apart. */
export interface DayCount {
  day: string;
  received: number;
  attempted: number;
}

export interface Evidence {
  /** What reached each counterpart: the totals, which count every request recorded (sorted by requests). */
  received: SiteCompanyAggregate[];
  /** What was only attempted: kept apart, never counted as received. */
  attempted: AttemptAggregate[];
  /** Per (site, company) pair: the parameters the stored requests carried each kind in. */
  pairs: PairEvidence[];
  /** The requests the totals count (received and attempted). */
  totalRequests: number;
  /** The requests still stored one by one (retention removes old ones; the totals keep counting them). */
  storedRequests: number;
  /** Stored requests read for `pairs` and `days`. */
  readRequests: number;
  /** Whether the report's read budget (`EVIDENCE_READ_BUDGET`) left stored requests unread. */
  cutShort: boolean;
  /** The read limits `readRequests` was held to. */
  limits: { perPair: number; budget: number };
  /** Requests per day, from the stored requests, when they are all of them (none removed, none left unread). */
  days?: DayCount[];
}

/** Parameter names kept per kind and pair. */
export const NAMES_PER_KIND = 12;
/** Stored requests a report reads per (site, company) pair, newest first. */
export const EVIDENCE_READ_PER_PAIR = 1000;
/**
 * Stored requests a report reads in all, shared out over its pairs: a company on thousands of sites would otherwise
 * read millions of requests before the report shows anything.
 */
export const EVIDENCE_READ_BUDGET = 20_000;

/**
 * What a report on a site or a company says: its totals (received and attempted apart), and what the stored
 * requests carried, decoded to kinds and the parameter names that carried them. Values are not read out: a report
 * names a parameter, never the identifier or secret it held. Reads the newest requests of each pair through
 * `[site+company]`: at most `perPair` of a pair and `budget` in all. The budget is shared out evenly, the smaller
 * pairs first, so that what a small pair leaves of its share goes to the bigger ones.
 */
export async function loadEvidence(
  db: DisclosedDb,
  scope: EvidenceScope,
  { perPair = EVIDENCE_READ_PER_PAIR, budget = EVIDENCE_READ_BUDGET }: { perPair?: number; budget?: number } = {},
): Promise<Evidence> {
  const [received, attempted, storedRequests] = await Promise.all([
    'site' in scope
      ? db.siteCompanies.where('site').equals(scope.site).toArray()
      : db.siteCompanies.where('company').equals(scope.company).toArray(),
    'site' in scope
      ? db.attempts.where('site').equals(scope.site).toArray()
      : db.attempts.where('company').equals(scope.company).toArray(),
    storedCount(db, scope),
  ]);
  const byRequests = <T extends { requests: number; site: string; company: string }>(a: T, b: T) =>
    b.requests - a.requests || a.site.localeCompare(b.site) || a.company.localeCompare(b.company);
  received.sort(byRequests);
  attempted.sort(byRequests);
  // Each pair once (in the report's order), with the requests its totals count: the size of its share's need.
  const pairKeys = new Map<string, { site: string; company: string; requests: number }>();
  for (const f of [...received, ...attempted]) {
    const key = `${f.site}\n${f.company}`;
    const known = pairKeys.get(key);
    if (known) known.requests += f.requests;
    else pairKeys.set(key, { site: f.site, company: f.company, requests: f.requests });
  }
  const perDay = new Map<string, DayCount>();
  let readRequests = 0;
  let cutShort = false;
  const read = new Map<string, PairEvidence>();
  const smallestFirst = [...pairKeys].sort(([, a], [, b]) => a.requests - b.requests);
  let left = budget;
  for (const [i, [key, { site, company }]] of smallestFirst.entries()) {
    const share = Math.min(perPair, Math.floor(left / (smallestFirst.length - i)));
    const pair: PairEvidence = { site, company, received: {}, attempted: {}, read: 0, complete: true };
    read.set(key, pair);
    const range = db.events.where('[site+company]').equals([site, company]);
    // One more than the share, to learn whether the pair has more; reading stops there.
    await range
      .reverse()
      .limit(share + 1)
      .each((e) => {
        if (pair.read >= share) {
          pair.complete = false;
          if (share < perPair) cutShort = true;
          return;
        }
        pair.read++;
        const ok = deliveryOfEvent(e).delivery === 'received';
        const into = ok ? pair.received : pair.attempted;
        for (const f of e.findings ?? []) addName(into, f);
        const day = localDay(e.time);
        const count = perDay.get(day) ?? { day, received: 0, attempted: 0 };
        count[ok ? 'received' : 'attempted']++;
        perDay.set(day, count);
      });
    readRequests += pair.read;
    left -= pair.read;
  }
  const pairs = [...pairKeys.keys()].map((key) => read.get(key) as PairEvidence);
  const totalRequests = [...received, ...attempted].reduce((n, f) => n + f.requests, 0);
  const whole = pairs.every((p) => p.complete) && storedRequests >= totalRequests;
  return {
    received,
    attempted,
    pairs,
    totalRequests,
    storedRequests,
    readRequests,
    cutShort,
    limits: { perPair, budget },
    ...(whole ? { days: [...perDay.values()].sort((a, b) => a.day.localeCompare(b.day)) } : {}),
  };
}

function addName(into: Partial<Record<DataKind, CarriedBy[]>>, f: StoredFinding) {
  const list = into[f.kind] ?? [];
  if (list.length < NAMES_PER_KIND && !list.some((c) => c.name === f.name && c.source === f.source)) {
    list.push({ name: f.name, source: f.source });
  }
  into[f.kind] = list;
}

/** One kind of data over several totals: when it was first and last seen, and on how many of them. */
export interface KindSpan extends SeenSpan {
  kind: DataKind;
  /** The totals (sites of a company, companies of a site) it was seen in. */
  count: number;
}

/** The kinds several totals hold, in vocabulary order, each with its earliest first and latest last sighting. */
export function kindSpans(totals: readonly { kinds?: Partial<Record<DataKind, SeenSpan>> }[]): KindSpan[] {
  const spans = new Map<DataKind, KindSpan>();
  for (const total of totals) {
    for (const [kind, span] of Object.entries(total.kinds ?? {}) as [DataKind, SeenSpan][]) {
      const s = spans.get(kind);
      if (!s) spans.set(kind, { kind, first: span.first, last: span.last, count: 1 });
      else {
        s.first = Math.min(s.first, span.first);
        s.last = Math.max(s.last, span.last);
        s.count++;
      }
    }
  }
  return DATA_KINDS.flatMap((k) => spans.get(k) ?? []);
}

/** The parameters of one kind over several pairs (received or attempted), without repeats. */
export function namesOf(
  pairs: readonly PairEvidence[],
  side: 'received' | 'attempted',
  kind: DataKind,
  limit = NAMES_PER_KIND,
): CarriedBy[] {
  const out: CarriedBy[] = [];
  for (const p of pairs) {
    for (const c of p[side][kind] ?? []) {
      if (out.length >= limit) return out;
      if (!out.some((o) => o.name === c.name && o.source === c.source)) out.push(c);
    }
  }
  return out;
}

/** How many requests the totals count for a site or a company, received and attempted (retention keeps these). */
export async function totalCount(db: DisclosedDb, scope: EvidenceScope): Promise<number> {
  const rows =
    'site' in scope
      ? [
          ...(await db.siteCompanies.where('site').equals(scope.site).toArray()),
          ...(await db.attempts.where('site').equals(scope.site).toArray()),
        ]
      : [
          ...(await db.siteCompanies.where('company').equals(scope.company).toArray()),
          ...(await db.attempts.where('company').equals(scope.company).toArray()),
        ];
  return rows.reduce((n, r) => n + r.requests, 0);
}
