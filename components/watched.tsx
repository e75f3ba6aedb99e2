import type { MessageKey, Translate } from '../lib/i18n.ts';
import { WATCHED_FORMS, WATCHED_KINDS, type WatchedForm, type WatchedKind } from '../lib/watchlist/entries.ts';

/** Each kind as a list names it ("your email address"), in the settings' words and the popup's alike. */
export const WATCHED_WHAT: Record<WatchedKind, MessageKey> = {
  email: 'watchedWhat_email',
  phone: 'watchedWhat_phone',
  name: 'watchedWhat_name',
  postcode: 'watchedWhat_postcode',
  account: 'watchedWhat_account',
};

const FORM: Record<WatchedForm, MessageKey> = {
  'as-typed': 'watchedForm_as_typed',
  'url-encoded': 'watchedForm_url_encoded',
  base64: 'watchedForm_base64',
  md5: 'watchedForm_md5',
  sha1: 'watchedForm_sha1',
  sha256: 'watchedForm_sha256',
};

/**
 * A watched finding's detail (`email sha256`, as lib/disclose writes it) in words: "your email address, hashed
 * (SHA-256)". Undefined for a detail of another shape (an imported or hand-made one).
 */
export function watchedPhrase(t: Translate, detail: string): string | undefined {
  const [kind, form] = detail.split(' ');
  if (!(WATCHED_KINDS as readonly string[]).includes(kind ?? '')) return undefined;
  if (!(WATCHED_FORMS as readonly string[]).includes(form ?? '')) return undefined;
  return t('watchedFound', [t(WATCHED_WHAT[kind as WatchedKind]), t(FORM[form as WatchedForm])]);
}

/** The phrases of a list of details, each once, the unreadable ones left out. */
export function watchedPhrases(t: Translate, details: readonly string[]): string[] {
  const phrases = details.map((d) => watchedPhrase(t, d)).filter((p): p is string => !!p);
  return [...new Set(phrases)];
}

/**
 * "Sent to Meta on shop.example: your email address, hashed (SHA-256)." — the line the popup's card, the company page
 * and the site page show when a company received a value the user watches for. Nothing when there is none.
 */
export function WatchedLine({
  t,
  company,
  site,
  details,
}: {
  t: Translate;
  company: string;
  site: string;
  details: readonly string[];
}) {
  const phrases = watchedPhrases(t, details);
  if (!phrases.length) return null;
  const list = new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(phrases);
  return (
    <p class="notice watched" data-testid="watched-line">
      {t('watchedSent', [company, site, list])}
    </p>
  );
}
