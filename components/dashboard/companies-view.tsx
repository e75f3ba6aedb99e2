import type { AttemptedCompanyRow, CompanyRow } from '../../lib/storage/dashboard.ts';
import { AttemptedCompanies } from './attempts.tsx';
import { categoriesColumn, companyColumn, countColumn, kindTerms, lastSeenColumn } from './columns.tsx';
import { SearchBox, useSearch } from './search.tsx';
import { type Column, SortableTable } from './table.tsx';
import type { ViewContext } from './views.tsx';

export function CompaniesView({
  ctx,
  rows,
  attempted = [],
}: {
  ctx: ViewContext;
  rows: CompanyRow[] | undefined;
  /** The companies only attempted: listed apart, never among those that received data. */
  attempted?: AttemptedCompanyRow[];
}) {
  const { t } = ctx;
  const { query, setQuery, matching } = useSearch(rows ?? [], (r) => `${ctx.company(r.company).name} ${r.company}`);
  const columns: Column<CompanyRow>[] = [
    companyColumn(ctx, 'name'),
    categoriesColumn(t, (r) => r.categories),
    countColumn(t, 'sites', 'dashColSites', (r) => r.sites),
    countColumn(t, 'requests', 'dashColRequests', (r) => r.requests),
    lastSeenColumn(ctx),
    { key: 'kinds', label: t('dashColKinds'), render: (r) => kindTerms(t, r.kinds) },
  ];
  return (
    <section aria-labelledby="companies-heading">
      <h2 id="companies-heading">{t('dashCompanies')}</h2>
      <SearchBox t={t} query={query} onQuery={setQuery} />
      {rows && rows.length === 0 ? (
        <p>{attempted.length ? t('dashNoneReceived') : t('dashEmpty')}</p>
      ) : matching.length === 0 && query ? (
        <p>{t('dashNoMatch', [query])}</p>
      ) : (
        <SortableTable t={t} testId="companies-table" rows={matching} rowKey={(r) => r.company} columns={columns} />
      )}
      {attempted.length > 0 && <AttemptedCompanies ctx={ctx} rows={attempted} />}
    </section>
  );
}
