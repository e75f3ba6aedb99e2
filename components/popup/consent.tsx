import type { ConsentFlow, ConsentMoment } from '../../lib/consent/flows.ts';
import type { ConsentStamp } from '../../lib/consent/types.ts';
import { localDay } from '../../lib/day.ts';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
import type { CompanyConsent } from '../../lib/storage/consent.ts';
import { formatDateTime, formatDuration, formatTime } from '../format.ts';
import { revealingPhrase } from './summary.ts';

/** A gap in whole seconds as the sentences say it: "2 seconds", "3 min"; under a second, "less than a second". */
export function consentGap(t: Translate, seconds: number, unitDisplay: 'long' | 'short' = 'long'): string {
  return seconds < 1 ? t('popupConsentGapUnderSecond') : formatDuration(seconds, t.locale, unitDisplay);
}

/** Each moment's phrase, after the gap ("2 seconds before you answered the cookie banner") or alone. */
const MOMENT_PHRASE: Record<ConsentMoment, MessageKey> = {
  'before-answer': 'popupConsentBeforeAnswer',
  'after-refusal': 'popupConsentAfterRefusal',
  'after-partial': 'popupConsentAfterPartial',
  'after-withdrawal': 'popupConsentAfterWithdrawal',
};

/** The phrase of a flow whose gap is not known: before an answer, the banner was (and may still be) unanswered. */
export const gaplessMoment = (moment: ConsentMoment): MessageKey =>
  moment === 'before-answer' ? 'popupConsentUnanswered' : MOMENT_PHRASE[moment];

/** Where the moment goes while the sentence is put together (no message holds a private-use character). */
const MOMENT_MARK = '\uE002';

/**
 * A card's consent line in three pieces, the middle one the moment (set in bold): "Received the address of this page
 * 2 seconds ", "before you answered the cookie banner", "".
 */
export function consentFlowParts(t: Translate, flow: ConsentFlow): [string, string, string] {
  const what = revealingPhrase(t, flow.kinds);
  const known = flow.seconds !== undefined;
  const moment = t(known ? MOMENT_PHRASE[flow.moment] : gaplessMoment(flow.moment));
  const text = known
    ? t('popupConsentFlowGap', [what, consentGap(t, flow.seconds ?? 0), MOMENT_MARK])
    : t('popupConsentFlow', [what, MOMENT_MARK]);
  const at = text.indexOf(MOMENT_MARK);
  return at < 0 ? [text, '', ''] : [text.slice(0, at), moment, text.slice(at + MOMENT_MARK.length)];
}

/** On a company's card: what it got before the person answered the cookie banner, or after they refused. */
export function ConsentFlowLine({ t, consent }: { t: Translate; consent: CompanyConsent }) {
  const [before, moment, after] = consentFlowParts(t, consent.flow);
  return (
    <div class="consent-flow" data-testid="consent-flow" data-moment={consent.flow.moment}>
      <p>
        {before}
        <strong>{moment}</strong>
        {after}
      </p>
      {consent.count > 1 && (
        <p class="consent-count" data-testid="consent-flow-count">
          {t('popupConsentFlowCount', [consent.count])}
        </p>
      )}
    </div>
  );
}

const ANSWERED: Partial<Record<ConsentStamp['state'], MessageKey>> = {
  accepted: 'popupConsentStateAccepted',
  refused: 'popupConsentStateRefused',
  partial: 'popupConsentStatePartial',
  withdrawn: 'popupConsentStateWithdrawn',
};

/** A moment of today as a time of day ("14:02"); of another day, with its day. */
function when(ms: number, now: number, locale: string): string {
  return localDay(ms) === localDay(now) ? formatTime(ms, locale) : formatDateTime(ms, locale);
}

/**
 * The page's consent state in one sentence, or undefined when the stamp says nothing a person can use: the state
 * could not be told (`unknown`), or an answer's time is missing (a claim "you refused" needs its moment).
 */
export function consentStateText(t: Translate, stamp: ConsentStamp, now = Date.now()): string | undefined {
  if (stamp.state === 'no-banner') return t('popupConsentStateNoBanner');
  if (stamp.state === 'not-answered') {
    // Answered since, by the stamp's own word, though no later request says which answer it was.
    return stamp.answeredAt !== undefined && Number.isFinite(stamp.answeredAt)
      ? t('popupConsentStateAnswered', [when(stamp.answeredAt, now, t.locale)])
      : t('popupConsentStateNotAnswered');
  }
  const key = ANSWERED[stamp.state];
  if (!key || stamp.since === undefined || !Number.isFinite(stamp.since)) return undefined;
  return t(key, [when(stamp.since, now, t.locale)]);
}

/** The popup's line on the page's cookie banner; nothing at all without a stamp (no claim without evidence). */
export function ConsentStateLine({ t, stamp, now }: { t: Translate; stamp: ConsentStamp | undefined; now?: number }) {
  const text = stamp && consentStateText(t, stamp, now);
  if (!text) return null;
  return (
    <p class="consent-state" data-testid="consent-state" data-state={stamp.state}>
      {text}
    </p>
  );
}
