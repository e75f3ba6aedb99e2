import type { ComponentType, JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  CompaniesView,
  CompanyView,
  OverviewView,
  SitesView,
  SiteView,
  type ViewContext,
} from '../../components/dashboard/views.tsx';
import { formatDateTime } from '../../components/format.ts';
import { loadGraph } from '../../lib/graph/load-graph.ts';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
import {
  loadAttemptedCompanies,
  loadCompanies,
  loadCompanyAttempts,
  loadCompanySites,
  loadOverview,
  loadSiteAttempts,
  loadSiteCompanies,
  loadSites,
  type TimeWindow,
} from '../../lib/storage/dashboard.ts';
import type { DisclosedDb } from '../../lib/storage/db.ts';
import { unlistedMore } from '../../lib/storage/queries.ts';
import type { CompanyCatalog } from '../../lib/trackers/catalog.ts';
import { bundledCatalog, bundledCatalogWithDetails } from '../../lib/trackers/names.ts';
import { useLive } from './use-live.ts';

type Route =
  | { view: 'overview' }
  | { view: 'companies' }
  | { view: 'company'; id: string }
  | { view: 'sites' }
  | { view: 'graph' }
  | { view: 'letters' }
  | { view: 'letter'; id: string }
  | { view: 'site'; site: string }
  | { view: 'settings' };

function parseRoute(hash: string): Route {
  const [, view = '', arg = ''] = hash.match(/^#\/([a-z]+)(?:\/(.*))?$/) ?? [];
  const decoded = (() => {
    try {
      return decodeURIComponent(arg);
    } catch {
      return '';
    }
  })();
  if (view === 'company' && decoded) return { view, id: decoded };
  if (view === 'site' && decoded) return { view, site: decoded };
  if (view === 'letter' && decoded) return { view, id: decoded };
  if (view === 'letters') return { view };
  if (view === 'companies' || view === 'sites' || view === 'graph' || view === 'settings') return { view };
  return { view: 'overview' };
}

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => {
      setRoute(parseRoute(location.hash));
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

/** The dashboard (the extension's options page, opened in a tab): overview, companies, sites, settings. */
export function OptionsApp({ t, db }: { t: Translate; db: DisclosedDb }) {
  const route = useRoute();
  // The company catalog: names first (a small file), so the lists draw at once; each company's details (its own
  // chunk) load for the pages that show them — a company, a letter.
  const names = useMemo(() => bundledCatalog(), []);
  const detailed = useCatalogDetails(route.view === 'company' || route.view === 'letter');
  const catalog = detailed ?? names;
  const lookup = catalog.company;
  const ctx: ViewContext = {
    t,
    company: lookup,
    date: formatDateTime,
    companyHref: (id) => `#/company/${encodeURIComponent(id)}`,
    siteHref: (site) => `#/site/${encodeURIComponent(site)}`,
  };
  const [window, setWindow] = useState<TimeWindow>('7d');
  const overview = useLive(
    () => (route.view === 'overview' ? loadOverview(db, window) : Promise.resolve(undefined)),
    [route.view, window],
  );
  const companies = useLive(
    () => (route.view === 'companies' ? loadCompanies(db) : Promise.resolve(undefined)),
    [route.view],
  );
  const attempted = useLive(
    () => (route.view === 'companies' ? loadAttemptedCompanies(db) : Promise.resolve(undefined)),
    [route.view],
  );
  const sites = useLive(() => (route.view === 'sites' ? loadSites(db) : Promise.resolve(undefined)), [route.view]);
  const graph = useLive(
    () => (route.view === 'graph' ? loadGraph(db, window) : Promise.resolve(undefined)),
    [route.view, window],
  );
  const key = route.view === 'company' ? route.id : route.view === 'site' ? route.site : '';
  const flows = useLive(
    () =>
      route.view === 'company'
        ? loadCompanySites(db, route.id)
        : route.view === 'site'
          ? loadSiteCompanies(db, route.site)
          : Promise.resolve(undefined),
    [route.view, key],
  );
  const siteUnlistedMore = useLive(
    () => (route.view === 'site' ? unlistedMore(db, route.site) : Promise.resolve(undefined)),
    [route.view, key],
  );
  const attempts = useLive(
    () =>
      route.view === 'company'
        ? loadCompanyAttempts(db, route.id)
        : route.view === 'site'
          ? loadSiteAttempts(db, route.site)
          : Promise.resolve(undefined),
    [route.view, key],
  );
  useEffect(() => {
    const titles: Record<Route['view'], string> = {
      overview: t('dashOverview'),
      companies: t('dashCompanies'),
      company: route.view === 'company' ? lookup(route.id).name : '',
      sites: t('dashSites'),
      graph: t('dashGraph'),
      letters: t('lettersHeading'),
      letter: route.view === 'letter' ? t('letterHeading', [lookup(route.id).name]) : '',
      site: route.view === 'site' ? route.site : '',
      settings: t('dashSettings'),
    };
    document.title = `${titles[route.view]} · ${t('dashTitle')}`;
  }, [route, t, lookup]);

  const nav: [Route['view'], string, MessageKey][] = [
    ['overview', '#/overview', 'dashOverview'],
    ['companies', '#/companies', 'dashCompanies'],
    ['sites', '#/sites', 'dashSites'],
    ['graph', '#/graph', 'dashGraph'],
    ['letters', '#/letters', 'lettersHeading'],
    ['settings', '#/settings', 'dashSettings'],
  ];
  const current =
    route.view === 'company'
      ? 'companies'
      : route.view === 'site'
        ? 'sites'
        : route.view === 'letter'
          ? 'letters'
          : route.view;
  return (
    <>
      <header class="dash-header">
        <h1 class="brand">{t('dashTitle')}</h1>
        <nav aria-label={t('dashNavLabel')}>
          {nav.map(([view, href, label]) => (
            <a key={view} href={href} aria-current={current === view ? 'page' : undefined}>
              {t(label)}
            </a>
          ))}
          <a href="/classroom.html" target="_blank" rel="noreferrer">
            {t('dashClassroom')}
          </a>
        </nav>
      </header>
      <main>
        {route.view === 'overview' && (
          <OverviewView ctx={ctx} overview={overview} window={window} onWindow={setWindow} />
        )}
        {route.view === 'companies' && <CompaniesView ctx={ctx} rows={companies} attempted={attempted} />}
        {route.view === 'sites' && <SitesView ctx={ctx} rows={sites} />}
        {route.view === 'graph' && <GraphView ctx={ctx} data={graph} window={window} onWindow={setWindow} />}
        {route.view === 'company' && (
          <CompanyView
            ctx={ctx}
            id={route.id}
            description={catalog.description(route.id)}
            flows={flows}
            attempts={attempts}
            detailsLoaded={catalog.hasDetails}
          />
        )}
        {route.view === 'site' && (
          <SiteView ctx={ctx} site={route.site} flows={flows} attempts={attempts} unlistedMore={siteUnlistedMore} />
        )}
        {route.view === 'settings' && names.sources[0] && (
          <SettingsPage t={t} db={db} source={names.sources[0]} nameOf={(id) => lookup(id).name} />
        )}
        {route.view === 'letters' && <LettersPage t={t} db={db} companyHref={ctx.companyHref} />}
        {route.view === 'letter' && detailed && <ComposerPage t={t} db={db} company={detailed.company(route.id)} />}
      </main>
    </>
  );
}

/**
 * A component in a chunk of its own. Its chunk starts loading the first time it renders (not a frame later, in an
 * effect), and `placeholder` stands in until it arrives.
 */
function lazyView<P extends object>(
  load: () => Promise<ComponentType<P>>,
  placeholder: (props: P) => JSX.Element | null = () => null,
): ComponentType<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  let loaded: ComponentType<P> | undefined;
  return function Lazy(props: P) {
    const [View, setView] = useState(() => loaded);
    loading ??= load().then((view) => (loaded = view));
    useEffect(() => {
      if (!View) loading?.then((view) => setView(() => view));
    }, []);
    return View ? <View {...props} /> : placeholder(props);
  };
}

/** The graph and its libraries (sigma, graphology); the settings; the letters: loaded on their first visit. */
const GraphView = lazyView(
  () => import('../../components/dashboard/graph-view.tsx').then((m) => m.GraphView),
  (props) => <h2>{props.ctx.t('dashGraph')}</h2>,
);
const SettingsPage = lazyView(() => import('./settings-page.tsx').then((m) => m.SettingsPage));
const LettersPage = lazyView(() => import('./letter-pages.tsx').then((m) => m.LettersPage));
const ComposerPage = lazyView(() => import('./letter-pages.tsx').then((m) => m.ComposerPage));

/** The catalog with every company's details, loaded the first time a page needs them (then kept). */
function useCatalogDetails(needed: boolean): CompanyCatalog | undefined {
  const [catalog, setCatalog] = useState<CompanyCatalog | undefined>();
  useEffect(() => {
    if (needed && !catalog) {
      bundledCatalogWithDetails().then(setCatalog, (error) => console.error('Disclosed: company details', error));
    }
  }, [needed]);
  return catalog;
}
