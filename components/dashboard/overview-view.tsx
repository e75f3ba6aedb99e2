import type { Overview, TimeWindow } from '../../lib/storage/dashboard.ts';
import { formatDay, formatNumber } from '../format.ts';
import { categoryName } from '../vocabulary.tsx';
import { SortableTable } from './table.tsx';
import { TimelineChart } from './timeline-chart.tsx';
import { type ViewContext, WindowPicker } from './views.tsx';

export function OverviewView({
  ctx,
  overview,
  window,
  onWindow,
}: {
  ctx: ViewContext;
  overview: Overview | undefined;
  window: TimeWindow;
  onWindow: (w: TimeWindow) => void;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading">{t('dashOverview')}</h2>
      <WindowPicker t={t} window={window} onWindow={onWindow} />
      {overview && overview.requests === 0 ? (
        <p data-testid="dash-empty">{t('dashEmpty')}</p>
      ) : overview ? (
        <>
          <dl class="totals" data-testid="totals">
            <div>
              <dt>{t('dashTotalSites')}</dt>
              <dd data-testid="total-sites">{formatNumber(overview.sites)}</dd>
            </div>
            <div>
              <dt>{t('dashTotalCompanies')}</dt>
              <dd data-testid="total-companies">{formatNumber(overview.companies)}</dd>
            </div>
            <div>
              <dt>{t('dashTotalRequests')}</dt>
              <dd data-testid="total-requests">{formatNumber(overview.requests)}</dd>
            </div>
          </dl>
          <h3>{t('dashTopCompanies')}</h3>
          <SortableTable
            t={t}
            testId="top-companies"
            rows={overview.topCompanies}
            rowKey={(r) => r.company}
            columns={[
              {
                key: 'company',
                label: t('dashColCompany'),
                render: (r) => <a href={ctx.companyHref(r.company)}>{ctx.company(r.company).name}</a>,
              },
              { key: 'sites', label: t('dashColSites'), numeric: true, render: (r) => r.sites },
              { key: 'requests', label: t('dashColRequests'), numeric: true, render: (r) => r.requests },
            ]}
          />
          <h3>{t('dashByCategory')}</h3>
          <SortableTable
            t={t}
            rows={overview.categories}
            rowKey={(r) => r.category}
            columns={[
              { key: 'category', label: t('dashColCategory'), render: (r) => categoryName(t, r.category) },
              { key: 'companies', label: t('dashColCompaniesCount'), numeric: true, render: (r) => r.companies },
              { key: 'requests', label: t('dashColRequests'), numeric: true, render: (r) => r.requests },
            ]}
          />
          <h3>{t('dashByDay')}</h3>
          <TimelineChart t={t} timeline={overview.timeline} />
          <SortableTable
            t={t}
            rows={overview.timeline}
            rowKey={(r) => r.day}
            columns={[
              { key: 'day', label: t('dashColDay'), render: (r) => <time dateTime={r.day}>{formatDay(r.day)}</time> },
              { key: 'companies', label: t('dashColCompaniesCount'), numeric: true, render: (r) => r.companies },
              { key: 'requests', label: t('dashColRequests'), numeric: true, render: (r) => r.requests },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
