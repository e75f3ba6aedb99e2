import type { ConsentMoment } from '../../lib/consent/flows.ts';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
import { type LetterEvidence, type UnlawfulGround, unlawfulGround } from '../../lib/letters/compose.ts';
import { eprivacyCitation, eprivacyRuleFor } from '../../lib/letters/eprivacy.ts';
import type { Law } from '../../lib/letters/laws.ts';

const MOMENT: Record<ConsentMoment, MessageKey> = {
  'before-answer': 'letterConsentMoment_before_answer',
  'after-refusal': 'letterConsentMoment_after_refusal',
  'after-partial': 'letterConsentMoment_after_partial',
  'after-withdrawal': 'letterConsentMoment_after_withdrawal',
};
const WHY_NOT: Record<Exclude<UnlawfulGround, 'offered' | 'no-flows'>, MessageKey> = {
  'no-device': 'letterUnlawful_no_device',
  law: 'letterUnlawful_law',
  'no-residence': 'letterUnlawful_no_residence',
  'no-rule': 'letterUnlawful_no_rule',
};

/** Requests listed in the composer; the rest are counted. */
const SHOWN = 5;

/**
 * What the letter can say about the site's cookie banner: the requests sent before the person answered it or after
 * they refused (with their times, in the UI's language), and one line on why the unlawful-processing ground is, or is
 * not, in the letter. Nothing when there was no such request.
 */
export function ConsentEvidence({
  t,
  evidence,
  jurisdiction,
  residence,
  locale,
}: {
  t: Translate;
  evidence: LetterEvidence;
  jurisdiction: Law;
  residence: string | undefined;
  locale: string;
}) {
  const consent = evidence.consent;
  if (!consent?.flows.length) return null;
  // The zone as a numeric offset ("GMT+01:00"), as the letter writes it, not a name that differs by language.
  const time = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'longOffset',
  });
  const ground: UnlawfulGround = unlawfulGround(evidence, { jurisdiction, residence });
  const rule = eprivacyRuleFor(jurisdiction, residence);
  const shown = consent.flows.slice(0, SHOWN);
  return (
    <fieldset data-testid="consent-evidence">
      <legend>{t('letterConsentHeading')}</legend>
      <ul class="consent-flows">
        {shown.map((f) => (
          <li key={`${f.sentAt} ${f.host} ${f.page}`}>
            {t('letterConsentFlow', [time.format(new Date(f.sentAt)), f.host, f.site, t(MOMENT[f.moment])])}
          </li>
        ))}
      </ul>
      {consent.total > shown.length && <p class="hint">{t('letterConsentMore', [consent.total - shown.length])}</p>}
      <p class="hint" data-testid="unlawful-ground">
        {ground === 'offered' || ground === 'no-flows'
          ? rule && t('letterUnlawful_offered', [eprivacyCitation(rule, locale)])
          : t(WHY_NOT[ground])}
      </p>
    </fieldset>
  );
}
