import type { ConsentMoment } from '../../lib/consent/flows.ts';
import { type DataKind, shownKinds } from '../../lib/disclose/kinds.ts';
import type { MessageKey, Translate } from '../../lib/i18n.ts';

/**
 * The kinds from the most revealing to the least, for the popup's summary and the order of its cards. A secret (its
 * value never kept) and an email address name the person; a location, a recording or a search says what they did in
 * their own words; the page's address and title say what they read; an identifier links those visits; the site's
 * origin, the events and device details come last (on their own they say the least about the person).
 */
export const SENSITIVITY: readonly DataKind[] = [
  'secret',
  'email',
  'hashed-email',
  'location',
  'session-recording',
  'search-terms',
  'full-address',
  'page-address',
  'page-title',
  'identifier',
  'cookie',
  'site-address',
  'event',
  'device',
];

/** What the summary and the card order need of a recipient: the cards' own data. */
export interface SummaryRecipient {
  name: string;
  requests: number;
  kinds: readonly DataKind[];
  attemptedOnly?: true;
  /** Every request not known to have arrived was stopped before it was sent: "nothing arrived" is then known. */
  stoppedOnly?: boolean;
  /** The moments of the data it got before the cookie banner was answered or after a refusal (lib/consent/flows.ts). */
  consent?: { moments: readonly ConsentMoment[]; open?: boolean };
}

/**
 * Where a recipient's clause comes from: its most revealing kind other than an identifier (`top`, undefined for a
 * request that carried nothing recognised), and whether it also got an identifier to link it to the person. An
 * identifier alone is its own top kind.
 */
interface Reach {
  top: DataKind | undefined;
  identified: boolean;
}

const rankOf = (kind: DataKind | undefined) => (kind === undefined ? SENSITIVITY.length : SENSITIVITY.indexOf(kind));

function reachOf(r: SummaryRecipient): Reach {
  const kinds = shownKinds(r.kinds);
  const top = [...kinds].filter((k) => k !== 'identifier').sort((a, b) => rankOf(a) - rankOf(b))[0];
  const identified = kinds.includes('identifier');
  return top === undefined && identified ? { top: 'identifier', identified: false } : { top, identified };
}

/**
 * A reach's place, most revealing first: by the more revealing of its top kind and its identifier, then by its top
 * kind (the page's address with an identifier before an identifier alone), then with an identifier before without.
 */
function compareReach(a: Reach, b: Reach): number {
  const effective = (r: Reach) => Math.min(rankOf(r.top), r.identified ? rankOf('identifier') : Infinity);
  return effective(a) - effective(b) || rankOf(a.top) - rankOf(b.top) || Number(b.identified) - Number(a.identified);
}

const sameReach = (a: Reach, b: Reach) => a.top === b.top && a.identified === b.identified;

/** The cards' order: the most revealing data received first, then the most requests, then by name. */
export function compareBySensitivity(a: SummaryRecipient, b: SummaryRecipient): number {
  return compareReach(reachOf(a), reachOf(b)) || b.requests - a.requests || a.name.localeCompare(b.name);
}

/** Each kind's short phrase in the summary (the cards' phrases carry details the summary leaves out). */
const KIND_PHRASE: Record<DataKind, MessageKey> = {
  'site-address': 'popupSummaryKind_site_address',
  'page-address': 'popupSummaryKind_page_address',
  'full-address': 'popupSummaryKind_full_address',
  'page-title': 'popupSummaryKind_page_title',
  'search-terms': 'popupSummaryKind_search_terms',
  identifier: 'popupSummaryKind_identifier',
  cookie: 'popupSummaryKind_cookie',
  email: 'popupSummaryKind_email',
  'hashed-email': 'popupSummaryKind_hashed_email',
  device: 'popupSummaryKind_device',
  location: 'popupSummaryKind_location',
  event: 'popupSummaryKind_event',
  'session-recording': 'popupSummaryKind_session_recording',
  secret: 'popupSummaryKind_secret',
};

/**
 * What a set of kinds says at its most revealing, in the summary's words ("the address of this page and an
 * identifier"): the phrase a card's consent line names too, so the two never describe the same data differently.
 */
export function revealingPhrase(t: Translate, kinds: readonly DataKind[]): string {
  const reach = reachOf({ name: '', requests: 0, kinds });
  const kind = reach.top === undefined ? t('popupSummaryKindNothing') : t(KIND_PHRASE[reach.top]);
  return reach.identified ? t('popupSummaryKindAndIdentifier', [kind]) : kind;
}

/** Companies named in one clause at most; a group of this many is named in full, a larger one counts the rest. */
const NAMED = 3;
/** Clauses in the first sentence at most; past that, the last one counts the remaining recipients. */
const CLAUSES = 3;

/** A piece of the summary: text from the messages, or a company's name (which the popup sets in bold). */
export type SummaryPart = string | { name: string };

/**
 * Where the n-th name goes while the sentence is put together: two private-use characters around its index, which
 * no message holds. The name itself never enters the string, so no name can be taken for a marker.
 */
const marker = (n: number) => `\uE000${n}\uE001`;
const MARKERS = /\uE000(\d+)\uE001/;

/** The summary as text (`pageSummaryParts` joined). */
export function pageSummary(t: Translate, recipients: readonly SummaryRecipient[], locale?: string): string {
  return pageSummaryParts(t, recipients, locale)
    .map((p) => (typeof p === 'string' ? p : p.name))
    .join('');
}

/**
 * The popup's answer in one or two sentences: who got what, grouped by the most revealing kind each received
 * ("Google and Meta got the address of this page and an identifier; 3 others got which site you were on"), then how
 * many tried and reached nothing (or none is known to have reached: see `stoppedOnly`). Only what arrived is said to be
 * got. Word order, plurals and punctuation are the
 * locale's messages; lists of names go through `Intl.ListFormat`. Empty when nothing was sent at all.
 */
export function pageSummaryParts(
  t: Translate,
  recipients: readonly SummaryRecipient[],
  locale = t.locale,
): SummaryPart[] {
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const received = recipients.filter((r) => !r.attemptedOnly).sort(compareBySensitivity);
  const tried = recipients.length - received.length;
  // "Nothing arrived" only when every attempt was stopped before it was sent; a request answered from the cache, cut
  // off after it was sent or aborted may have reached the company: none is then *known* to have arrived.
  const stopped = recipients.every((r) => !r.attemptedOnly || r.stoppedOnly);

  const groups: { reach: Reach; names: string[] }[] = [];
  for (const r of received) {
    const reach = reachOf(r);
    const last = groups.at(-1);
    if (last && sameReach(last.reach, reach)) last.names.push(r.name);
    else groups.push({ reach, names: [r.name] });
  }

  const names: string[] = [];
  /** Up to NAMED names of a group, marked, and a count of the rest. */
  const who = (members: string[]) => {
    const named = members.length <= NAMED ? members : members.slice(0, NAMED - 1);
    const others = members.length - named.length;
    // More than NAMED: NAMED - 1 names and a count of at least two others.
    const marked = named.map((name) => marker(names.push(name) - 1));
    return list.format(others ? [...marked, t('popupSummaryOthers', [others])] : marked);
  };
  const clauses: string[] = [];
  for (const [i, { reach, names: members }] of groups.entries()) {
    if (i === CLAUSES - 1 && groups.length > CLAUSES) {
      const rest = groups.slice(i).reduce((n, g) => n + g.names.length, 0);
      clauses.push(t('popupSummaryRest', [rest]));
      break;
    }
    const kind = reach.top === undefined ? t('popupSummaryKindNothing') : t(KIND_PHRASE[reach.top]);
    const what = reach.identified ? t('popupSummaryKindAndIdentifier', [kind]) : kind;
    clauses.push(t('popupSummaryGot', [who(members), what, members.length]));
  }

  const sentences: string[] = [];
  if (clauses.length) {
    sentences.push(t('popupSummarySentence', [clauses.reduce((all, c) => t('popupSummaryJoin', [all, c]))]));
  }
  // Who got data before the cookie banner was answered or after a refusal: one sentence, the cards say how. "Before you
  // answered" only when every such answer is known to have come; else the banner may still be open.
  const unasked = received.filter((r) => r.consent?.moments.length);
  if (unasked.length) {
    const before = unasked.some((r) => r.consent?.moments.includes('before-answer'));
    const after = unasked.some((r) => r.consent?.moments.some((m) => m !== 'before-answer'));
    const open = unasked.some((r) => r.consent?.open);
    const key: MessageKey = !before
      ? 'popupSummaryConsentAfter'
      : open
        ? after
          ? 'popupSummaryConsentUnansweredEither'
          : 'popupSummaryConsentUnanswered'
        : after
          ? 'popupSummaryConsentEither'
          : 'popupSummaryConsentBefore';
    sentences.push(t(key, [who(unasked.map((r) => r.name)), unasked.length]));
  }
  if (tried) {
    const key: MessageKey = received.length
      ? stopped
        ? 'popupSummaryTried'
        : 'popupSummaryTriedUnconfirmed'
      : stopped
        ? 'popupSummaryOnlyTried'
        : 'popupSummaryOnlyTriedUnconfirmed';
    sentences.push(t(key, [tried]));
  }
  if (!sentences.length) return [];
  const text = sentences.reduce((all, s) => t('popupSummaryNextSentence', [all, s]));
  // split() with a capturing group: text at even places, a name's index at odd ones.
  return text
    .split(MARKERS)
    .map((piece, i) => (i % 2 ? { name: names[Number(piece)] ?? '' } : piece))
    .filter((p) => p !== '');
}
