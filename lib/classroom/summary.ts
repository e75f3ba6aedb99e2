import type { FlowKind } from '../classify/classify.ts';
import { wasReceived } from '../classify/delivery.ts';
import { DATA_KINDS, type DataKind, shownKinds } from '../disclose/kinds.ts';
import { type SensitiveCategory, sensitiveCategory, sensitivePageCategory } from '../disclose/sensitive.ts';
import { type CategoryRequests, rankedCategoryIds } from '../storage/aggregates.ts';
import type { SessionEvent } from './session.ts';

/**
 * One card of the feed: what one company got from one site so far in the session, updated in place as more requests
 * arrive (a page makes dozens of requests to the same few companies: one card each, not one per request).
 */
export interface FeedCard {
  /** `company` and `site`, one line each: stable while the card is updated. */
  key: string;
  company: string;
  site: string;
  kind: FlowKind;
  requests: number;
  /** Every kind it got so far, in vocabulary order. */
  kinds: DataKind[];
  /** The kinds this card was the first of the session to show: it explains them, the later cards only name them. */
  explains: DataKind[];
  /** The first value seen per kind (shortened as the feed shows it; hidden when anonymised). */
  values: Partial<Record<DataKind, string>>;
  /**
   * The special category the site's name suggests, or else the address of a page the company got from it
   * (lib/disclose/sensitive.ts), shown as a label; `sensitiveBy` says which.
   */
  sensitive?: SensitiveCategory;
  sensitiveBy?: 'site' | 'page';
  /** The session's event count when this card last changed: a card that changes again gets a new one. */
  changed: number;
}

/** What the classroom page shows of a session. */
export interface SessionSummary {
  requests: number;
  companies: number;
  sites: number;
  /** The feed, in the order shown (see `feedOrder`). */
  cards: FeedCard[];
  /** The key of the card that changed last. */
  newest: string | undefined;
  /** Each (site, company) connection once, with its requests. */
  pairs: { site: string; company: string; requests: number }[];
  /** Each company's categories in the session, main first (`rankCategories`, as on every screen). */
  categories: Map<string, string[]>;
}

/**
 * How much a kind tells about the person, for the feed's order: what identifies them or what they did first, the
 * site they were on last.
 */
const KIND_WEIGHT: Record<DataKind, number> = {
  secret: 10,
  email: 9,
  'hashed-email': 9,
  'session-recording': 8,
  'search-terms': 7,
  'full-address': 7,
  location: 6,
  identifier: 6,
  'page-address': 5,
  cookie: 5,
  'page-title': 4,
  event: 3,
  device: 2,
  'site-address': 1,
};

/**
 * A card's weight in the feed's order: a sensitive site or page above anything, then the most telling kind it got.
 * Anonymised (`bySensitive` false), a sensitive card is not lifted: its place would say what the label no longer does.
 */
export function sensitivity(card: Pick<FeedCard, 'kinds' | 'sensitive'>, bySensitive = true): number {
  return (bySensitive && card.sensitive ? 100 : 0) + Math.max(0, ...card.kinds.map((k) => KIND_WEIGHT[k]));
}

/**
 * The order the room sees: the card that changed last on top (what just happened), then the most sensitive, then
 * the most recently changed. A projector at 1280×720 shows four or five cards: both the news and the worst of it.
 * `bySensitive` false leaves sensitive sites and pages out of it (the anonymised feed).
 */
export function feedOrder(cards: readonly FeedCard[], bySensitive = true): FeedCard[] {
  const newest = cards.reduce<FeedCard | undefined>((a, c) => (!a || c.changed > a.changed ? c : a), undefined);
  const rest = cards
    .filter((c) => c !== newest)
    .sort((a, b) => sensitivity(b, bySensitive) - sensitivity(a, bySensitive) || b.changed - a.changed);
  return newest ? [newest, ...rest] : rest;
}

/**
 * The session's summary, from its events that reached their company (a class session is thousands of events at
 * most): a request the browser or another extension blocked is no data the class should see a company receive.
 * `events` in the order they happened; each kind is explained by the first card that shows it, so a reset (which
 * empties the events) starts the explanations over.
 */
export function summarizeSession(all: readonly SessionEvent[]): SessionSummary {
  const events = all.filter(wasReceived);
  const cards = new Map<string, FeedCard>();
  const counts = new Map<string, CategoryRequests>();
  /** When each card first got each kind (the event's number in the session). */
  const firstGot = new Map<FeedCard, Map<DataKind, number>>();
  // A session sends the same few page addresses over and over: each is read once.
  const pageCategory = new Map<string, SensitiveCategory | undefined>();
  const sensitivePage = (address: string) => {
    if (!pageCategory.has(address)) pageCategory.set(address, sensitivePageCategory(address));
    return pageCategory.get(address);
  };
  let n = 0;
  for (const e of events) {
    n++;
    const key = `${e.company}\n${e.site}`;
    let card = cards.get(key);
    if (!card) {
      const sensitive = sensitiveCategory(e.site);
      card = {
        key,
        company: e.company,
        site: e.site,
        kind: e.kind,
        requests: 0,
        kinds: [],
        explains: [],
        values: {},
        ...(sensitive ? { sensitive, sensitiveBy: 'site' as const } : {}),
        changed: n,
      };
      cards.set(key, card);
      firstGot.set(card, new Map());
    }
    card.requests++;
    card.changed = n;
    // A page the company got the address of (of a general site) can say as much as a sensitive site's name.
    if (!card.sensitive) {
      for (const f of e.findings) {
        if (f.kind !== 'page-address' && f.kind !== 'full-address') continue;
        const category = sensitivePage(f.value);
        if (category) {
          card.sensitive = category;
          card.sensitiveBy = 'page';
          break;
        }
      }
    }
    for (const k of e.kinds) {
      if (!card.kinds.includes(k)) {
        card.kinds.push(k);
        firstGot.get(card)?.set(k, n);
      }
      if (card.values[k] === undefined) {
        const value = e.findings.find((f) => f.kind === k)?.value;
        if (value) card.values[k] = value;
      }
    }
    const mine = counts.get(e.company) ?? {};
    mine[e.category] = (mine[e.category] ?? 0) + 1;
    counts.set(e.company, mine);
  }
  // Each kind is explained on the card that showed it first. A card names the highest address level it got only
  // (`shownKinds`): a lower level it holds is explained where it is shown.
  const explainer = new Map<DataKind, { card: FeedCard; at: number }>();
  for (const card of cards.values()) {
    card.kinds.sort((a, b) => DATA_KINDS.indexOf(a) - DATA_KINDS.indexOf(b));
    for (const k of shownKinds(card.kinds)) {
      const at = firstGot.get(card)?.get(k) ?? n;
      const best = explainer.get(k);
      if (!best || at < best.at) explainer.set(k, { card, at });
    }
  }
  for (const [k, { card }] of explainer) card.explains.push(k);
  for (const card of cards.values()) card.explains.sort((a, b) => DATA_KINDS.indexOf(a) - DATA_KINDS.indexOf(b));
  const shown = feedOrder([...cards.values()]);
  return {
    requests: events.length,
    companies: counts.size,
    sites: new Set(events.map((e) => e.site)).size,
    cards: shown,
    newest: shown[0]?.key,
    // In the order they first appeared: the graph places a new node beside what it is connected to.
    pairs: [...cards.values()].map(({ site, company, requests }) => ({ site, company, requests })),
    categories: new Map([...counts].map(([company, c]) => [company, rankedCategoryIds(c)])),
  };
}
