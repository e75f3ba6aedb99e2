import type { ConsentFlow, ConsentMoment } from '../../lib/consent/flows.ts';
import type { ConsentStamp } from '../../lib/consent/types.ts';
import { localDay } from '../../lib/day.ts';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
import type { CompanyConsent } from '../../lib/storage/consent.ts';
import { formatDay, formatTime } from '../format.ts';
import { revealingPhrase } from './summary.ts';

/** The gap's messages by unit: each a plural, so each language puts the number in the case its sentence needs. */
const GAP_UNITS: Record<'long' | 'short', [seconds: MessageKey, minutes: MessageKey, hours: MessageKey]> = {
  long: ['popupConsentGapSeconds', 'popupConsentGapMinutes', 'popupConsentGapHours'],
  short: ['dashConsentGapSeconds', 'dashConsentGapMinutes', 'dashConsentGapHours'],
};

/**
 * A gap in whole seconds as the sentences say it: seconds under a minute, then whole minutes, then whole hours, each
 * counted down like the gap it shows (119 seconds early is "1 minute" early, never "2"); under a second, "less than a
 * second". `long` for the popup's sentences ("2 seconds"), `short` for the dashboard's cells ("2 sec").
 */
export function consentGap(t: Translate, seconds: number, unitDisplay: 'long' | 'short' = 'long'): string {
  if (!(seconds >= 1)) return t('popupConsentGapUnderSecond');
  const [inSeconds, inMinutes, inHours] = GAP_UNITS[unitDisplay];
  if (seconds < 60) return t(inSeconds, [Math.floor(seconds)]);
  if (seconds < 3600) return t(inMinutes, [Math.floor(seconds / 60)]);
  return t(inHours, [Math.floor(seconds / 3600)]);
}

/** Each moment's whole line on a card, with the gap and without (the moment between asterisks, set in bold). */
const FLOW_LINE: Record<ConsentMoment, [withGap: MessageKey, withoutGap: MessageKey]> = {
  'before-answer': ['popupConsentFlowBefore', 'popupConsentFlowUnanswered'],
  'after-refusal': ['popupConsentFlowAfterRefusal', 'popupConsentFlowAfterRefusalNoGap'],
  'after-partial': ['popupConsentFlowAfterPartial', 'popupConsentFlowAfterPartialNoGap'],
  'after-withdrawal': ['popupConsentFlowAfterWithdrawal', 'popupConsentFlowAfterWithdrawalNoGap'],
};

/**
 * A card's consent line in three pieces, the middle one the moment (set in bold): "Received the address of this page
 * 2 seconds ", "before you answered the cookie banner", "". Each language writes the whole sentence and marks its
 * moment with two asterisks, so word order and punctuation are its own; a line without them is said in full, unmarked.
 */
export function consentFlowParts(t: Translate, flow: ConsentFlow): [string, string, string] {
  const what = revealingPhrase(t, flow.kinds);
  const [withGap, withoutGap] = FLOW_LINE[flow.moment];
  const text = flow.seconds !== undefined ? t(withGap, [what, consentGap(t, flow.seconds)]) : t(withoutGap, [what]);
  const pieces = text.split('*');
  if (pieces.length !== 3) return [pieces.join(''), '', ''];
  const [before = '', moment = '', after = ''] = pieces;
  return [before, moment, after];
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
          {t(consent.open ? 'popupConsentFlowCountOpen' : 'popupConsentFlowCount', [consent.count])}
        </p>
      )}
    </div>
  );
}

/** Each answer's line, said of today (a time of day) and of another day (its day and time). */
const ANSWERED: Partial<Record<ConsentStamp['state'], [today: MessageKey, otherDay: MessageKey]>> = {
  accepted: ['popupConsentStateAccepted', 'popupConsentStateAcceptedOn'],
  refused: ['popupConsentStateRefused', 'popupConsentStateRefusedOn'],
  partial: ['popupConsentStatePartial', 'popupConsentStatePartialOn'],
  withdrawn: ['popupConsentStateWithdrawn', 'popupConsentStateWithdrawnOn'],
};

/** A moment in its line: "at 14:02" today, "on 30 Nov 2026 at 14:02" another day (each language's prepositions). */
function at(t: Translate, [today, otherDay]: [MessageKey, MessageKey], ms: number, now: number): string {
  return localDay(ms) === localDay(now)
    ? t(today, [formatTime(ms, t.locale)])
    : t(otherDay, [formatDay(ms, t.locale), formatTime(ms, t.locale)]);
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
      ? at(t, ['popupConsentStateAnswered', 'popupConsentStateAnsweredOn'], stamp.answeredAt, now)
      : t('popupConsentStateNotAnswered');
  }
  const keys = ANSWERED[stamp.state];
  if (!keys || stamp.since === undefined || !Number.isFinite(stamp.since)) return undefined;
  return at(t, keys, stamp.since, now);
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
