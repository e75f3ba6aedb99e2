import type { Translate } from '../../lib/i18n.ts';
import { viaText } from '../cname.ts';
import { countryName } from '../country.ts';
import { Categories } from '../vocabulary.tsx';
import { ConsentFlowLine } from './consent.tsx';
import type { PopupRecipient } from './popup-view.tsx';
import { Received } from './received.tsx';

/** One company (or unlisted third party) and what it received. All values are rendered as text, never as HTML. */
export function RecipientCard({
  t,
  site,
  recipient,
  letterHref,
}: {
  t: Translate;
  /** The page's site. */
  site: string;
  recipient: PopupRecipient;
  letterHref?: string;
}) {
  const { info } = recipient;
  return (
    <li class="recipient" data-testid="recipient" data-company={recipient.company}>
      <div class="recipient-head">
        <strong class="name" data-testid="company-name">
          {info.name}
        </strong>
        <span class="requests" data-testid="requests" data-count={recipient.requests}>
          {t('popupRequests', [recipient.requests])}
        </span>
      </div>
      <div class="meta">
        {recipient.kind === 'tracker' && <Categories t={t} categories={recipient.categories} class="category" />}
        {recipient.kind === 'tracker' && (
          <span class="country">
            {t('popupCountry')}: {info.country ? countryName(info.country) : t('popupUnknownCountry')}
          </span>
        )}
        {recipient.failed > 0 && (
          <span class="failed" data-testid="failed">
            {/* A host that received nothing is named here, not among the domains that received data. */}
            {recipient.missedHosts?.length
              ? t('popupFailedHosts', [recipient.failed, recipient.missedHosts.join(', ')])
              : t('popupFailed', [recipient.failed])}
          </span>
        )}
      </div>
      <Received t={t} recipient={recipient} />
      {recipient.consent && <ConsentFlowLine t={t} consent={recipient.consent} />}
      {recipient.trackingSites && (
        <p class="tracks" data-testid="tracks-across-sites">
          {t('popupTracksAcrossSites', [recipient.trackingSites.length, recipient.trackingSites.join(', ')])}
        </p>
      )}
      <p class="domains">
        <span class="label">{t('popupDomains')}:</span> <span data-testid="domains">{recipient.hosts.join(', ')}</span>
      </p>
      {recipient.via?.map((v) => (
        <p class="via" data-testid="via" key={v.host}>
          {viaText(t, site, v)}
        </p>
      ))}
      {letterHref && (
        <p class="draft">
          <a href={letterHref} target="_blank" rel="noreferrer" data-testid="draft-letter">
            {t('draftDeletionRequest')}
          </a>
        </p>
      )}
    </li>
  );
}
