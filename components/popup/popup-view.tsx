import type { ConsentStamp } from '../../lib/consent/types.ts';
import { DATA_KINDS, shownKinds } from '../../lib/disclose/kinds.ts';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
import type { DroppedCount } from '../../lib/storage/dropped.ts';
import type { PageRecipient } from '../../lib/storage/queries.ts';
import type { Company } from '../../lib/trackers/company.ts';
import { DroppedNotice } from '../dropped-notice.tsx';
import { letterHref as letterRoute, siteHref } from '../routes.ts';
import { ConsentStateLine } from './consent.tsx';
import type { Observation } from './observation.ts';
import { KindGlossary } from './received.tsx';
import { RecipientCard } from './recipient-card.tsx';
import { compareBySensitivity, pageSummaryParts } from './summary.ts';

export interface PopupRecipient extends PageRecipient {
  info: Company;
}

export interface PopupModel {
  loading: boolean;
  /** The tab's site, or null for a browser page. */
  site: string | null;
  /** Whether Disclosed could see what the page sent, or why not (see observation.ts). */
  observation: Observation;
  paused: boolean;
  recipients: PopupRecipient[];
  /** Requests to unlisted parties counted but not kept one by one (see `PageSummary.unlistedMore`). */
  unlistedMore: number;
  /** The page's consent state, from the latest request that carried a stamp (see `PageSummary.consent`). */
  consent?: ConsentStamp;
  storageError: string | null;
  /** What could not be saved since the person last dismissed it, or null. */
  dropped: DroppedCount | null;
  dismissDropped: () => void;
  setPaused: (paused: boolean) => void;
  /** Asks the browser to let Disclosed see the tab's site (called from the click: the browser asks the user). */
  allowSite: () => void;
  /** Takes the tab's site out of the excluded sites. */
  stopExcluding: () => void;
  /** Reloads the tab, so that its page loads while Disclosed watches. */
  reloadPage: () => void;
  openSettings: () => void;
}

/** The states where nothing can be shown at all: the sentence says why, and nothing else is claimed. */
const UNSEEABLE: Partial<Record<Observation, MessageKey>> = {
  'browser-page': 'popupBrowserPage',
  'own-page': 'popupOwnPage',
  'extension-page': 'popupExtensionPage',
  'protected-site': 'popupProtectedSite',
  private: 'popupNotRecordedPrivate',
};

/**
 * The states where Disclosed is missing some or all of what the page sent, with what the user can do about it. What
 * was recorded before (if anything) is still shown below the notice.
 */
function Unwatched({ t, model }: { t: Translate; model: PopupModel }) {
  const none = model.recipients.length === 0;
  const [sentence, action, act]: [MessageKey, MessageKey, () => void] | [] =
    model.observation === 'no-access'
      ? ['popupNoAccess', 'popupAllowSite', model.allowSite]
      : model.observation === 'excluded'
        ? ['popupExcluded', 'popupStopExcluding', model.stopExcluding]
        : model.observation === 'paused'
          ? ['popupPaused', 'popupResume', () => model.setPaused(false)]
          : model.observation === 'not-watched'
            ? [none ? 'popupNotWatched' : 'popupNotWatchedPartly', 'popupReload', model.reloadPage]
            : [];
  if (!sentence || !action || !act) return null;
  return (
    <div class="notice unwatched" role="status" data-testid="unobserved" data-reason={model.observation}>
      <p>{t(sentence)}</p>
      <button type="button" class="primary" data-testid="observe-action" onClick={act}>
        {t(action)}
      </button>
    </div>
  );
}

export function PopupView({
  t,
  model,
  dashboardUrl = '',
}: {
  t: Translate;
  model: PopupModel;
  /** The dashboard's address (its entry points: a letter to one company, or a site's page to write to each). */
  dashboardUrl?: string;
}) {
  const letterHref = (company: string) => `${dashboardUrl}${letterRoute(company)}`;
  // The summary and the cards read the same recipients, in the same order: the most revealing data first.
  const recipients = model.recipients.map((r) => ({ ...r, name: r.info.name })).sort(compareBySensitivity);
  // Only what reached a company is "received": a company whose every request was blocked, failed or came from the
  // cache is listed apart, with what it would have received.
  const reached = recipients.filter((r) => !r.attemptedOnly);
  const companies = reached.filter((r) => r.kind === 'tracker');
  const unlisted = reached.filter((r) => r.kind === 'unlisted');
  const attempted = recipients.filter((r) => r.attemptedOnly);
  const unseeable = UNSEEABLE[model.observation];
  return (
    <main class="popup" aria-busy={model.loading}>
      <header class="popup-header">
        <h1>{t('popupTitle')}</h1>
        {model.site && (
          <p class="site" data-testid="site">
            <span class="label">{t('popupSiteLabel')}</span> <strong>{model.site}</strong>
          </p>
        )}
      </header>

      {model.storageError && (
        <p class="notice error" role="alert" data-testid="storage-error">
          {t('popupStorageError', [model.storageError])}
        </p>
      )}
      <DroppedNotice t={t} dropped={model.dropped} onDismiss={model.dismissDropped} />
      {model.loading ? null : <Unwatched t={t} model={model} />}

      {model.loading ? null : unseeable || !model.site ? (
        <p class="empty" data-testid="unobserved" data-reason={unseeable ? model.observation : 'browser-page'}>
          {t(unseeable ?? 'popupBrowserPage')}
        </p>
      ) : model.recipients.length > 0 ? null : model.observation === 'pdf' ? (
        <p class="empty" data-testid="unobserved" data-reason="pdf">
          {t('popupPdf')}
        </p>
      ) : model.observation === 'watched' ? (
        <p class="empty" data-testid="nothing-shared">
          {t('popupNothingShared')}
        </p>
      ) : null}
      {model.loading || unseeable || !model.site || model.recipients.length === 0 ? null : (
        <>
          <p class="summary" data-testid="summary">
            {pageSummaryParts(t, recipients).map((part) =>
              typeof part === 'string' ? part : <strong>{part.name}</strong>,
            )}
          </p>
          <ConsentStateLine t={t} stamp={model.consent} />
          {companies.length > 0 && (
            <section aria-labelledby="companies-heading">
              <h2 id="companies-heading" data-testid="companies-heading">
                {t('popupCompaniesHeading', [companies.length])}
              </h2>
              <ul class="recipients" data-testid="companies">
                {companies.map((r) => (
                  <RecipientCard
                    key={r.company}
                    t={t}
                    site={model.site ?? ''}
                    recipient={r}
                    letterHref={letterHref(r.company)}
                  />
                ))}
              </ul>
            </section>
          )}
          {unlisted.length > 0 && (
            <section aria-labelledby="unlisted-heading">
              <h2 id="unlisted-heading">{t('popupUnlistedHeading')}</h2>
              <p class="hint">{t('popupUnlistedHint')}</p>
              <ul class="recipients" data-testid="unlisted">
                {unlisted.map((r) => (
                  <RecipientCard
                    key={r.company}
                    t={t}
                    site={model.site ?? ''}
                    recipient={r}
                    letterHref={letterHref(r.company)}
                  />
                ))}
              </ul>
              {model.unlistedMore > 0 && (
                <p class="hint" data-testid="unlisted-more">
                  {t('popupUnlistedMore', [model.unlistedMore])}
                </p>
              )}
            </section>
          )}
          {attempted.length > 0 && (
            <section aria-labelledby="attempted-heading">
              <h2 id="attempted-heading">
                {/* "Blocked" only when it was: a request answered from the cache or that failed was not blocked. */}
                {attempted.every((r) => r.blockedOnly) ? t('popupAttemptedHeading') : t('popupAttemptedHeadingAny')}
              </h2>
              <p class="hint">{t('popupAttemptedHint')}</p>
              <ul class="recipients" data-testid="attempted">
                {attempted.map((r) => (
                  <RecipientCard key={r.company} t={t} site={model.site ?? ''} recipient={r} />
                ))}
              </ul>
            </section>
          )}
          {reached.length > 1 && (
            // The site's page lists every company with its own draft button: this link opens it, and says so.
            <p class="draft-all">
              <a
                href={`${dashboardUrl}${siteHref(model.site)}`}
                target="_blank"
                rel="noreferrer"
                data-testid="draft-on-site-page"
              >
                {t('draftOnSitePage')}
              </a>
            </p>
          )}
          <KindGlossary
            t={t}
            kinds={DATA_KINDS.filter((k) => model.recipients.some((r) => shownKinds(r.kinds).includes(k)))}
          />
          <p class="hint">{t('popupIpNote')}</p>
        </>
      )}

      <footer class="popup-footer">
        {/* While the paused notice shows, it is where to resume. */}
        {model.observation !== 'paused' && (
          <button type="button" data-testid="pause" onClick={() => model.setPaused(!model.paused)}>
            {model.paused ? t('popupResume') : t('popupPause')}
          </button>
        )}
        <button type="button" class="link" onClick={model.openSettings}>
          {t('popupOpenSettings')}
        </button>
        <p class="hint">{t('popupLocalOnly')}</p>
      </footer>
    </main>
  );
}
