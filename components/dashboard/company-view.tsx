import { mailtoHref } from '../../lib/letters/send.ts';
import { type AttemptAggregate, rankedCategoriesOf, type SiteCompanyAggregate } from '../../lib/storage/aggregates.ts';
import type { ConsentFlowList } from '../../lib/storage/consent.ts';
import { isUnlistedId } from '../../lib/trackers/company.ts';
import { countryName } from '../country.ts';
import { letterHref, logHref, reportHref } from '../routes.ts';
import { Categories } from '../vocabulary.tsx';
import { AttemptsTable } from './attempts.tsx';
import { countColumn, DateTime, flowKinds, kindTerms, lastSeenColumn } from './columns.tsx';
import { ConsentFlows } from './consent-flows.tsx';
import { SortableTable } from './table.tsx';
import type { ViewContext } from './views.tsx';

export function CompanyView({
  ctx,
  id,
  description,
  flows,
  attempts = [],
  detailsLoaded = true,
  consent,
}: {
  ctx: ViewContext;
  id: string;
  description: string;
  flows: SiteCompanyAggregate[] | undefined;
  /** Its requests that did not reach it, per site: shown apart from what it received. */
  attempts?: AttemptAggregate[];
  /** Whether the catalog's details are in: until then no contact is shown, rather than "none known". */
  detailsLoaded?: boolean;
  /** Its requests that arrived before a cookie banner was answered or after a refusal, from every site. */
  consent?: ConsentFlowList;
}) {
  const { t } = ctx;
  const c = ctx.company(id);
  const contact = c.contact;
  return (
    <section aria-labelledby="company-heading">
      <h2 id="company-heading" data-testid="company-name">
        {c.name}
      </h2>
      {isUnlistedId(id) ? (
        <p>{t('dashUnlistedNote')}</p>
      ) : description ? (
        // The tracker list's own words, in English whatever the UI's language: said so for screen readers.
        <p lang="en">{description}</p>
      ) : null}
      <dl class="facts">
        {flows && flows.length > 0 && (
          <div>
            <dt>{t('dashColCategory')}</dt>
            <dd>
              <Categories t={t} categories={rankedCategoriesOf(flows)} />
            </dd>
          </div>
        )}
        {c.country && (
          <div>
            <dt>{t('dashCountry')}</dt>
            <dd>{countryName(c.country)}</dd>
          </div>
        )}
        {c.website && (
          <div>
            <dt>{t('dashWebsite')}</dt>
            <dd>
              <a href={c.website} target="_blank" rel="noreferrer">
                {c.website}
              </a>
            </dd>
          </div>
        )}
        {c.privacyPolicy && (
          <div>
            <dt>{t('dashPrivacyPolicy')}</dt>
            <dd>
              <a href={c.privacyPolicy} target="_blank" rel="noreferrer">
                {c.privacyPolicy}
              </a>
            </dd>
          </div>
        )}
        {!isUnlistedId(id) && detailsLoaded && (
          <div>
            <dt>{t('dashPrivacyContact')}</dt>
            <dd data-testid="privacy-contact">
              {contact.kind === 'email' && mailtoHref(contact.value) ? (
                <a href={mailtoHref(contact.value)}>{contact.value}</a>
              ) : contact.kind === 'email' ? (
                contact.value
              ) : contact.kind === 'url' ? (
                <a href={contact.value} target="_blank" rel="noreferrer">
                  {contact.value}
                </a>
              ) : contact.kind === 'phone' ? (
                t('dashContactPhone', [contact.value])
              ) : (
                t('dashContactNone')
              )}
            </dd>
          </div>
        )}
      </dl>
      <p>
        <a class="button" href={letterHref(id)} data-testid="draft-letter">
          {t('draftDeletionRequest')}
        </a>{' '}
        <a href={reportHref({ company: id })} data-testid="report-link">
          {t('reportLink')}
        </a>{' '}
        <a href={logHref({ company: id })} data-testid="log-link">
          {t('logLink')}
        </a>
      </p>
      <h3>{t('dashCompanySites')}</h3>
      {flows && flows.length === 0 ? (
        <p data-testid={attempts.length ? 'nothing-reached' : undefined}>
          {attempts.length ? t('dashNothingReachedCompany') : t('dashNotFound')}
        </p>
      ) : (
        <SortableTable
          t={t}
          testId="company-sites"
          rows={flows ?? []}
          rowKey={(f) => f.site}
          columns={[
            {
              key: 'site',
              label: t('dashColSite'),
              sort: (f) => f.site,
              render: (f) => <a href={ctx.siteHref(f.site)}>{f.site}</a>,
            },
            {
              key: 'first',
              label: t('dashColFirstSeen'),
              sort: (f) => f.firstSeen,
              render: (f) => <DateTime ctx={ctx} ms={f.firstSeen} />,
            },
            lastSeenColumn(ctx),
            countColumn<SiteCompanyAggregate>(t, 'requests', 'dashColRequests', (r) => r.requests),
            { key: 'kinds', label: t('dashColKinds'), render: (f) => kindTerms(t, flowKinds(f)) },
          ]}
        />
      )}
      <ConsentFlows ctx={ctx} list={consent} by="site" />
      {attempts.length > 0 && <AttemptsTable ctx={ctx} rows={attempts} by="site" />}
    </section>
  );
}
