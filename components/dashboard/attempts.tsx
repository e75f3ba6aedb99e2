import type { AttemptAggregate } from '../../lib/storage/aggregates.ts';
import { type AttemptedCompanyRow, kindsOf } from '../../lib/storage/dashboard.ts';
import { categoriesColumn, companyColumn, countColumn, domainList, kindTerms, lastSeenColumn } from './columns.tsx';
import { type Column, SortableTable } from './table.tsx';
import type { ViewContext } from './views.tsx';

// The requests that did not reach their company, apart from what was received: the companies page's list of
// companies only attempted, and the attempts table a company's and a site's page share.

/** The companies none of whose requests is known to have reached them, with what they would have received. */
export function AttemptedCompanies({ ctx, rows }: { ctx: ViewContext; rows: AttemptedCompanyRow[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="attempted-companies-heading">
      <h3 id="attempted-companies-heading">{t('dashAttemptedCompanies')}</h3>
      <p class="hint">{t('dashAttemptsHint')}</p>
      <SortableTable
        t={t}
        testId="attempted-companies"
        rows={rows}
        rowKey={(r) => r.company}
        columns={[
          companyColumn(ctx, 'name'),
          categoriesColumn<AttemptedCompanyRow>(t, (r) => r.categories),
          countColumn<AttemptedCompanyRow>(t, 'sites', 'dashColSites', (r) => r.sites),
          countColumn<AttemptedCompanyRow>(t, 'requests', 'dashColRequests', (r) => r.requests),
          lastSeenColumn(ctx),
          { key: 'kinds', label: t('dashColWouldHaveReceived'), render: (r) => kindTerms(t, r.kinds) },
        ]}
      />
    </section>
  );
}

/**
 * A company's or a site's requests that did not reach the company: a table of their own, under a heading that says
 * so, with what they carried as what it would have received (by site on a company's page, by company on a site's).
 */
export function AttemptsTable({
  ctx,
  rows,
  by,
}: {
  ctx: ViewContext;
  rows: AttemptAggregate[];
  by: 'site' | 'company';
}) {
  const { t } = ctx;
  const first: Column<AttemptAggregate> =
    by === 'site'
      ? {
          key: 'site',
          label: t('dashColSite'),
          sort: (a) => a.site,
          render: (a) => <a href={ctx.siteHref(a.site)}>{a.site}</a>,
        }
      : {
          key: 'company',
          label: t('dashColCompany'),
          sort: (a) => ctx.company(a.company).name.toLowerCase(),
          render: (a) => <a href={ctx.companyHref(a.company)}>{ctx.company(a.company).name}</a>,
        };
  return (
    <section aria-labelledby="attempts-heading">
      <h3 id="attempts-heading">{t('dashAttemptsHeading')}</h3>
      <p class="hint">{t('dashAttemptsHint')}</p>
      <SortableTable
        t={t}
        testId="attempts"
        rows={rows}
        rowKey={(a) => (by === 'site' ? a.site : a.company)}
        columns={[
          first,
          countColumn<AttemptAggregate>(t, 'requests', 'dashColRequests', (r) => r.requests),
          lastSeenColumn(ctx),
          { key: 'domains', label: t('dashColDomains'), render: (a) => domainList(t, a) },
          { key: 'kinds', label: t('dashColWouldHaveReceived'), render: (a) => kindTerms(t, kindsOf(a)) },
        ]}
      />
    </section>
  );
}
