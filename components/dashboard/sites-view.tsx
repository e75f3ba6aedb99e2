import type { SiteRow } from '../../lib/storage/dashboard.ts';
import { countColumn, kindTerms, lastSeenColumn } from './columns.tsx';
import { SearchBox, useSearch } from './search.tsx';
import { SortableTable } from './table.tsx';
import type { ViewContext } from './views.tsx';

export function SitesView({ ctx, rows }: { ctx: ViewContext; rows: SiteRow[] | undefined }) {
  const { t } = ctx;
  const { query, setQuery, matching } = useSearch(rows ?? [], (r) => r.site);
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('dashSites')}</h2>
      <SearchBox t={t} query={query} onQuery={setQuery} />
      {rows && rows.length === 0 ? (
        <p>{t('dashEmpty')}</p>
      ) : matching.length === 0 && query ? (
        <p>{t('dashNoMatch', [query])}</p>
      ) : (
        <SortableTable
          t={t}
          testId="sites-table"
          rows={matching}
          rowKey={(r) => r.site}
          columns={[
            {
              key: 'site',
              label: t('dashColSite'),
              sort: (r) => r.site,
              render: (r) => <a href={ctx.siteHref(r.site)}>{r.site}</a>,
            },
            countColumn<SiteRow>(t, 'companies', 'dashColCompaniesCount', (r) => r.companies),
            countColumn<SiteRow>(t, 'requests', 'dashColRequests', (r) => r.requests),
            lastSeenColumn(ctx),
            { key: 'kinds', label: t('dashColKinds'), render: (r) => kindTerms(t, r.kinds) },
          ]}
        />
      )}
    </section>
  );
}
