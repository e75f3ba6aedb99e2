import { useState } from 'preact/hooks';
import type { DataKind } from '../../lib/disclose/kinds.ts';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
import { mailtoHref } from '../../lib/letters/send.ts';
import type { SiteCompanyAggregate } from '../../lib/storage/aggregates.ts';
import { type CompanyRow, kindsOf, type Overview, type SiteRow, type TimeWindow } from '../../lib/storage/dashboard.ts';
import { type Company, isUnlistedId } from '../../lib/trackers/company.ts';
import { countryName } from '../country.ts';
import { type Column, SortableTable } from './table.tsx';
import { TimelineChart } from './timeline-chart.tsx';

/** What the views need from the page: translations, names, dates, links. */
export interface ViewContext {
  t: Translate;
  company: (id: string) => Company;
  date: (ms: number) => string;
  /** `#/company/<id>` and `#/site/<site>` links. */
  companyHref: (id: string) => string;
  siteHref: (site: string) => string;
}

const kindTerms = (t: Translate, kinds: DataKind[]) =>
  kinds.map((k) => t(`term_${k.replace(/-/g, '_')}` as MessageKey)).join(', ');
export const categoryName = (t: Translate, c: string) => t(`category_${c}` as MessageKey) || c;

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
              <dd data-testid="total-sites">{overview.sites}</dd>
            </div>
            <div>
              <dt>{t('dashTotalCompanies')}</dt>
              <dd data-testid="total-companies">{overview.companies}</dd>
            </div>
            <div>
              <dt>{t('dashTotalRequests')}</dt>
              <dd data-testid="total-requests">{overview.requests}</dd>
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
              { key: 'day', label: t('dashColDay'), render: (r) => r.day },
              { key: 'companies', label: t('dashColCompaniesCount'), numeric: true, render: (r) => r.companies },
              { key: 'requests', label: t('dashColRequests'), numeric: true, render: (r) => r.requests },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}

const WINDOWS: [TimeWindow, MessageKey][] = [
  ['today', 'dashToday'],
  ['7d', 'dash7d'],
  ['30d', 'dash30d'],
  ['all', 'dashAll'],
];

/** Today, 7 days, 30 days, all: toggle buttons, the pressed one is the window shown. */
export function WindowPicker({
  t,
  window,
  onWindow,
}: {
  t: Translate;
  window: TimeWindow;
  onWindow: (w: TimeWindow) => void;
}) {
  return (
    <fieldset class="windows">
      <legend class="visually-hidden">{t('dashWindowLabel')}</legend>
      {WINDOWS.map(([w, label]) => (
        <button key={w} type="button" aria-pressed={window === w} onClick={() => onWindow(w)}>
          {t(label)}
        </button>
      ))}
    </fieldset>
  );
}

function useSearch<T>(rows: T[], text: (row: T) => string) {
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  return { query, setQuery, matching: q ? rows.filter((r) => text(r).toLowerCase().includes(q)) : rows };
}

function SearchBox({ t, query, onQuery }: { t: Translate; query: string; onQuery: (q: string) => void }) {
  return (
    <p>
      <label>
        {t('dashSearch')}{' '}
        <input type="search" data-testid="search" value={query} onInput={(e) => onQuery(e.currentTarget.value)} />
      </label>
    </p>
  );
}

export function CompaniesView({ ctx, rows }: { ctx: ViewContext; rows: CompanyRow[] | undefined }) {
  const { t } = ctx;
  const { query, setQuery, matching } = useSearch(rows ?? [], (r) => `${ctx.company(r.company).name} ${r.company}`);
  const columns: Column<CompanyRow>[] = [
    {
      key: 'name',
      label: t('dashColCompany'),
      sort: (r) => ctx.company(r.company).name.toLowerCase(),
      render: (r) => <a href={ctx.companyHref(r.company)}>{ctx.company(r.company).name}</a>,
    },
    {
      key: 'category',
      label: t('dashColCategory'),
      render: (r) => r.categories.map((c) => categoryName(t, c)).join(', '),
    },
    { key: 'sites', label: t('dashColSites'), numeric: true, sort: (r) => r.sites, render: (r) => r.sites },
    { key: 'requests', label: t('dashColRequests'), numeric: true, sort: (r) => r.requests, render: (r) => r.requests },
    { key: 'last', label: t('dashColLastSeen'), sort: (r) => r.lastSeen, render: (r) => ctx.date(r.lastSeen) },
    { key: 'kinds', label: t('dashColKinds'), render: (r) => kindTerms(t, r.kinds) },
  ];
  return (
    <section aria-labelledby="companies-heading">
      <h2 id="companies-heading">{t('dashCompanies')}</h2>
      <SearchBox t={t} query={query} onQuery={setQuery} />
      {rows && rows.length === 0 ? (
        <p>{t('dashEmpty')}</p>
      ) : matching.length === 0 && query ? (
        <p>{t('dashNoMatch', [query])}</p>
      ) : (
        <SortableTable t={t} testId="companies-table" rows={matching} rowKey={(r) => r.company} columns={columns} />
      )}
    </section>
  );
}

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
            {
              key: 'companies',
              label: t('dashColCompaniesCount'),
              numeric: true,
              sort: (r) => r.companies,
              render: (r) => r.companies,
            },
            {
              key: 'requests',
              label: t('dashColRequests'),
              numeric: true,
              sort: (r) => r.requests,
              render: (r) => r.requests,
            },
            { key: 'last', label: t('dashColLastSeen'), sort: (r) => r.lastSeen, render: (r) => ctx.date(r.lastSeen) },
            { key: 'kinds', label: t('dashColKinds'), render: (r) => kindTerms(t, r.kinds) },
          ]}
        />
      )}
    </section>
  );
}

const flowKinds = kindsOf;

export function CompanyView({
  ctx,
  id,
  description,
  flows,
  detailsLoaded = true,
}: {
  ctx: ViewContext;
  id: string;
  description: string;
  flows: SiteCompanyAggregate[] | undefined;
  /** Whether the catalog's details are in: until then no contact is shown, rather than "none known". */
  detailsLoaded?: boolean;
}) {
  const { t } = ctx;
  const c = ctx.company(id);
  const contact = c.contact;
  return (
    <section aria-labelledby="company-heading">
      <h2 id="company-heading" data-testid="company-name">
        {c.name}
      </h2>
      {isUnlistedId(id) ? <p>{t('dashUnlistedNote')}</p> : description ? <p>{description}</p> : null}
      <dl class="facts">
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
        <a class="button" href={`#/letter/${encodeURIComponent(id)}`} data-testid="draft-letter">
          {t('draftDeletionRequest')}
        </a>
      </p>
      <h3>{t('dashCompanySites')}</h3>
      {flows && flows.length === 0 ? (
        <p>{t('dashNotFound')}</p>
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
              render: (f) => ctx.date(f.firstSeen),
            },
            { key: 'last', label: t('dashColLastSeen'), sort: (f) => f.lastSeen, render: (f) => ctx.date(f.lastSeen) },
            {
              key: 'requests',
              label: t('dashColRequests'),
              numeric: true,
              sort: (f) => f.requests,
              render: (f) => f.requests,
            },
            { key: 'kinds', label: t('dashColKinds'), render: (f) => kindTerms(t, flowKinds(f)) },
          ]}
        />
      )}
    </section>
  );
}

export function SiteView({
  ctx,
  site,
  flows,
}: {
  ctx: ViewContext;
  site: string;
  flows: SiteCompanyAggregate[] | undefined;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="site-heading">
      <h2 id="site-heading" data-testid="site-name">
        {site}
      </h2>
      <h3>{t('dashSiteCompanies')}</h3>
      {flows && flows.length === 0 ? (
        <p>{t('dashNotFound')}</p>
      ) : (
        <SortableTable
          t={t}
          testId="site-companies"
          rows={flows ?? []}
          rowKey={(f) => f.company}
          columns={[
            {
              key: 'company',
              label: t('dashColCompany'),
              sort: (f) => ctx.company(f.company).name.toLowerCase(),
              render: (f) => <a href={ctx.companyHref(f.company)}>{ctx.company(f.company).name}</a>,
            },
            { key: 'category', label: t('dashColCategory'), render: (f) => categoryName(t, f.category) },
            {
              key: 'requests',
              label: t('dashColRequests'),
              numeric: true,
              sort: (f) => f.requests,
              render: (f) => f.requests,
            },
            {
              key: 'first',
              label: t('dashColFirstSeen'),
              sort: (f) => f.firstSeen,
              render: (f) => ctx.date(f.firstSeen),
            },
            { key: 'last', label: t('dashColLastSeen'), sort: (f) => f.lastSeen, render: (f) => ctx.date(f.lastSeen) },
            { key: 'kinds', label: t('dashColKinds'), render: (f) => kindTerms(t, flowKinds(f)) },
            {
              key: 'letter',
              label: t('lettersHeading'),
              render: (f) => (
                <a href={`#/letter/${encodeURIComponent(f.company)}`} data-testid="draft-letter">
                  {t('draftDeletionRequest')}
                </a>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
