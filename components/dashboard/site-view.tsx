import {
  type AttemptAggregate,
  categoriesOf,
  rankedCategoryIds,
  type SiteCompanyAggregate,
} from '../../lib/storage/aggregates.ts';
import type { ConsentFlowList } from '../../lib/storage/consent.ts';
import { letterHref, logHref, reportHref } from '../routes.ts';
import { AttemptsTable } from './attempts.tsx';
import {
  categoriesColumn,
  companyColumn,
  countColumn,
  DateTime,
  flowKinds,
  kindTerms,
  lastSeenColumn,
} from './columns.tsx';
import { ConsentFlows } from './consent-flows.tsx';
import { SortableTable } from './table.tsx';
import type { ViewContext } from './views.tsx';

export function SiteView({
  ctx,
  site,
  flows,
  attempts = [],
  unlistedMore = 0,
  consent,
}: {
  ctx: ViewContext;
  site: string;
  flows: SiteCompanyAggregate[] | undefined;
  /** Requests from this site that did not reach their company, per company: shown apart. */
  attempts?: AttemptAggregate[];
  /** Requests to unlisted parties counted but not kept one by one (see `unlistedMore` in queries.ts). */
  unlistedMore?: number;
  /** Its requests that reached a company before the cookie banner was answered or after a refusal. */
  consent?: ConsentFlowList;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="site-heading">
      <h2 id="site-heading" data-testid="site-name">
        {site}
      </h2>
      <p>
        <a href={reportHref({ site })} data-testid="report-link">
          {t('reportLink')}
        </a>{' '}
        <a href={logHref({ site })} data-testid="log-link">
          {t('logLink')}
        </a>
      </p>
      <h3>{t('dashSiteCompanies')}</h3>
      {flows && flows.length === 0 ? (
        <p data-testid={attempts.length ? 'nothing-reached' : undefined}>
          {attempts.length ? t('dashNothingReachedSite') : t('dashNotFound')}
        </p>
      ) : (
        <SortableTable
          t={t}
          testId="site-companies"
          rows={flows ?? []}
          rowKey={(f) => f.company}
          columns={[
            companyColumn(ctx, 'company'),
            categoriesColumn<SiteCompanyAggregate>(t, (f) => rankedCategoryIds(categoriesOf(f))),
            countColumn<SiteCompanyAggregate>(t, 'requests', 'dashColRequests', (r) => r.requests),
            {
              key: 'first',
              label: t('dashColFirstSeen'),
              sort: (f) => f.firstSeen,
              render: (f) => <DateTime ctx={ctx} ms={f.firstSeen} />,
            },
            lastSeenColumn(ctx),
            { key: 'kinds', label: t('dashColKinds'), render: (f) => kindTerms(t, flowKinds(f)) },
            {
              key: 'letter',
              label: t('lettersHeading'),
              render: (f) => (
                <a href={letterHref(f.company)} data-testid="draft-letter">
                  {t('draftDeletionRequest')}
                </a>
              ),
            },
          ]}
        />
      )}
      {unlistedMore > 0 && (
        <p class="hint" data-testid="unlisted-more">
          {t('dashUnlistedMore', [unlistedMore])}
        </p>
      )}
      <ConsentFlows ctx={ctx} list={consent} by="company" />
      {attempts.length > 0 && <AttemptsTable ctx={ctx} rows={attempts} by="company" />}
    </section>
  );
}
