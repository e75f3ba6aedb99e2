import { useState } from 'preact/hooks';
import type { DataKind } from '../../lib/disclose/kinds.ts';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
import { mailtoHref } from '../../lib/letters/send.ts';
import {
  type AttemptAggregate,
  categoriesOf,
  rankedCategoriesOf,
  rankedCategoryIds,
  type SiteCompanyAggregate,
} from '../../lib/storage/aggregates.ts';
import {
  type AttemptedCompanyRow,
  type CompanyRow,
  kindsOf,
  type Overview,
  type SiteRow,
  type TimeWindow,
} from '../../lib/storage/dashboard.ts';
import { type Company, isUnlistedId } from '../../lib/trackers/company.ts';
import { countryName } from '../country.ts';
import { formatDay, formatNumber } from '../format.ts';
import { Categories, categoryName, KindTerms } from '../vocabulary.tsx';
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

/** A total's hosts, and how many requests went to hosts beyond its capped list (`STORED.hostsPerTotal`). */
export function domainList(t: Translate, total: { hosts: string[]; hostsMore?: number }): string {
  const hosts = [...total.hosts].sort().join(', ');
  const more = total.hostsMore ?? 0;
  if (!more) return hosts;
  return `${hosts} ${more === 1 ? t('dashDomainsMoreOne') : t('dashDomainsMore', [formatNumber(more)])}`;
}

/** The kinds a row received, or that it carried nothing recognised (an empty cell would read as "not known"). */
const kindTerms = (t: Translate, kinds: DataKind[]) =>
  kinds.length ? <KindTerms t={t} kinds={kinds} /> : <span class="none">{t('dashKindsNone')}</span>;

/** A company's name, linked to its page: the first column of every list of companies. */
function companyColumn<T extends { company: string }>(ctx: ViewContext, key: string): Column<T> {
  return {
    key,
    label: ctx.t('dashColCompany'),
    sort: (r) => ctx.company(r.company).name.toLowerCase(),
    render: (r) => <a href={ctx.companyHref(r.company)}>{ctx.company(r.company).name}</a>,
  };
}

/** A company's categories, main first, named as on every screen. */
function categoriesColumn<T>(t: Translate, categories: (row: T) => readonly string[]): Column<T> {
  return {
    key: 'category',
    label: t('dashColCategory'),
    render: (r) => <Categories t={t} categories={categories(r)} />,
  };
}

/** A moment as the page writes it, with its ISO form for machines. */
function DateTime({ ctx, ms }: { ctx: ViewContext; ms: number }) {
  return <time dateTime={Number.isFinite(ms) ? new Date(ms).toISOString() : undefined}>{ctx.date(ms)}</time>;
}

function lastSeenColumn<T extends { lastSeen: number }>(ctx: ViewContext): Column<T> {
  return {
    key: 'last',
    label: ctx.t('dashColLastSeen'),
    sort: (r) => r.lastSeen,
    render: (r) => <DateTime ctx={ctx} ms={r.lastSeen} />,
  };
}

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
    { key: 'sites', label: t('dashColSites'), numeric: true, sort: (r) => r.sites, render: (r) => r.sites },
    { key: 'requests', label: t('dashColRequests'), numeric: true, sort: (r) => r.requests, render: (r) => r.requests },
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

/** The companies none of whose requests is known to have reached them, with what they would have received. */
function AttemptedCompanies({ ctx, rows }: { ctx: ViewContext; rows: AttemptedCompanyRow[] }) {
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
          { key: 'sites', label: t('dashColSites'), numeric: true, sort: (r) => r.sites, render: (r) => r.sites },
          {
            key: 'requests',
            label: t('dashColRequests'),
            numeric: true,
            sort: (r) => r.requests,
            render: (r) => r.requests,
          },
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
function AttemptsTable({ ctx, rows, by }: { ctx: ViewContext; rows: AttemptAggregate[]; by: 'site' | 'company' }) {
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
          {
            key: 'requests',
            label: t('dashColRequests'),
            numeric: true,
            sort: (a) => a.requests,
            render: (a) => a.requests,
          },
          lastSeenColumn(ctx),
          { key: 'domains', label: t('dashColDomains'), render: (a) => domainList(t, a) },
          { key: 'kinds', label: t('dashColWouldHaveReceived'), render: (a) => kindTerms(t, kindsOf(a)) },
        ]}
      />
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
            lastSeenColumn(ctx),
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
  attempts = [],
  detailsLoaded = true,
}: {
  ctx: ViewContext;
  id: string;
  description: string;
  flows: SiteCompanyAggregate[] | undefined;
  /** Its requests that did not reach it, per site: shown apart from what it received. */
  attempts?: AttemptAggregate[];
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
        <a class="button" href={`#/letter/${encodeURIComponent(id)}`} data-testid="draft-letter">
          {t('draftDeletionRequest')}
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
      {attempts.length > 0 && <AttemptsTable ctx={ctx} rows={attempts} by="site" />}
    </section>
  );
}

export function SiteView({
  ctx,
  site,
  flows,
  attempts = [],
  unlistedMore = 0,
}: {
  ctx: ViewContext;
  site: string;
  flows: SiteCompanyAggregate[] | undefined;
  /** Requests from this site that did not reach their company, per company: shown apart. */
  attempts?: AttemptAggregate[];
  /** Requests to unlisted parties counted but not kept one by one (see `unlistedMore` in queries.ts). */
  unlistedMore?: number;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="site-heading">
      <h2 id="site-heading" data-testid="site-name">
        {site}
      </h2>
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
              render: (f) => <DateTime ctx={ctx} ms={f.firstSeen} />,
            },
            lastSeenColumn(ctx),
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
      {unlistedMore > 0 && (
        <p class="hint" data-testid="unlisted-more">
          {unlistedMore === 1 ? t('dashUnlistedMoreOne') : t('dashUnlistedMore', [formatNumber(unlistedMore)])}
        </p>
      )}
      {attempts.length > 0 && <AttemptsTable ctx={ctx} rows={attempts} by="company" />}
    </section>
  );
}
