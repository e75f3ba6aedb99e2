import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CompaniesView } from '../../components/dashboard/companies-view.tsx';
import { CompanyView } from '../../components/dashboard/company-view.tsx';
import { OverviewView } from '../../components/dashboard/overview-view.tsx';
import { SiteView } from '../../components/dashboard/site-view.tsx';
import { SitesView } from '../../components/dashboard/sites-view.tsx';
import type { ViewContext } from '../../components/dashboard/views.tsx';
import { formatDateTime } from '../../components/format.ts';
import { companyHref, pageHref, parseRoute, type Route, siteHref } from '../../components/routes.ts';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
import type { TimeWindow } from '../../lib/storage/dashboard.ts';
import type { DisclosedDb } from '../../lib/storage/db.ts';
import type { EvidenceScope } from '../../lib/storage/log.ts';
import type { CompanyCatalog } from '../../lib/trackers/catalog.ts';
import { useCatalog } from './use-catalog.ts';
import { useCompaniesModel } from './use-companies-model.ts';
import { useCompanyModel } from './use-company-model.ts';
import { useGraphModel } from './use-graph-model.ts';
import { useOverviewModel } from './use-overview-model.ts';
import { useSiteModel } from './use-site-model.ts';
import { useSitesModel } from './use-sites-model.ts';

// The dashboard's frame: the route, the header and the title. Each screen is its model hook (the one place it reads
// the database or sends messages) feeding its view (components/dashboard, components/letters).

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => {
      setRoute(parseRoute(location.hash));
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onHash);
    // The address may have changed between the first render and this effect (the page is rebuilt when the UI
    // language changes): read it again, or that move is missed.
    setRoute((shown) => {
      const now = parseRoute(location.hash);
      return JSON.stringify(now) === JSON.stringify(shown) ? shown : now;
    });
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

/** The dashboard (the extension's options page, opened in a tab): overview, companies, sites, settings. */
export function OptionsApp({ t, db }: { t: Translate; db: DisclosedDb }) {
  const route = useRoute();
  const { names, detailed, catalog } = useCatalog(route.view === 'company' || route.view === 'letter');
  const lookup = catalog.company;
  // In the UI's language (components/format.ts follows the chosen locale): the app is made anew when it changes.
  const ctx: ViewContext = { t, company: lookup, date: formatDateTime, companyHref, siteHref };
  // The overview's and the graph's: kept while moving between them.
  const [timeWindow, setTimeWindow] = useState<TimeWindow>('7d');
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
      report: route.view === 'report' ? t('reportTitle', [scopeName(route.scope, lookup)]) : '',
      log: route.view === 'log' ? t('logTitle', [scopeName(route.scope, lookup)]) : '',
    };
    document.title = `${titles[route.view]} · ${t('dashTitle')}`;
  }, [route, t, lookup]);

  const nav: [Route['view'], string, MessageKey][] = [
    ['overview', pageHref('overview'), 'dashOverview'],
    ['companies', pageHref('companies'), 'dashCompanies'],
    ['sites', pageHref('sites'), 'dashSites'],
    ['graph', pageHref('graph'), 'dashGraph'],
    ['letters', pageHref('letters'), 'lettersHeading'],
    ['settings', pageHref('settings'), 'dashSettings'],
  ];
  const current = navSection(route);
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
          <OverviewScreen ctx={ctx} db={db} timeWindow={timeWindow} onTimeWindow={setTimeWindow} />
        )}
        {route.view === 'companies' && <CompaniesScreen ctx={ctx} db={db} />}
        {route.view === 'sites' && <SitesScreen ctx={ctx} db={db} />}
        {route.view === 'graph' && (
          <GraphScreen ctx={ctx} db={db} timeWindow={timeWindow} onTimeWindow={setTimeWindow} />
        )}
        {route.view === 'company' && <CompanyScreen ctx={ctx} db={db} id={route.id} catalog={catalog} />}
        {route.view === 'site' && <SiteScreen ctx={ctx} db={db} site={route.site} />}
        {route.view === 'settings' && names.sources[0] && (
          <SettingsPage t={t} db={db} source={names.sources[0]} nameOf={(id) => lookup(id).name} />
        )}
        {route.view === 'letters' && <LettersPage t={t} db={db} companyHref={ctx.companyHref} />}
        {route.view === 'letter' && detailed && <ComposerPage t={t} db={db} company={detailed.company(route.id)} />}
        {route.view === 'report' && <ReportPage ctx={ctx} db={db} scope={route.scope} source={names.sources[0]} />}
        {route.view === 'log' && <LogPage ctx={ctx} db={db} scope={route.scope} />}
      </main>
    </>
  );
}

/** The navigation entry a page belongs to: a company's page, report and log are under Companies, and so on. */
function navSection(route: Route): Route['view'] {
  if (route.view === 'report' || route.view === 'log') return 'site' in route.scope ? 'sites' : 'companies';
  if (route.view === 'company') return 'companies';
  if (route.view === 'site') return 'sites';
  if (route.view === 'letter') return 'letters';
  return route.view;
}

type ScreenProps = { ctx: ViewContext; db: DisclosedDb };
type WindowedProps = ScreenProps & { timeWindow: TimeWindow; onTimeWindow: (w: TimeWindow) => void };

function OverviewScreen({ ctx, db, timeWindow, onTimeWindow }: WindowedProps) {
  const { overview } = useOverviewModel(db, timeWindow);
  return <OverviewView ctx={ctx} overview={overview} window={timeWindow} onWindow={onTimeWindow} />;
}

function CompaniesScreen({ ctx, db }: ScreenProps) {
  const { rows, attempted } = useCompaniesModel(db);
  return <CompaniesView ctx={ctx} rows={rows} attempted={attempted} />;
}

function SitesScreen({ ctx, db }: ScreenProps) {
  const { rows } = useSitesModel(db);
  return <SitesView ctx={ctx} rows={rows} />;
}

function GraphScreen({ ctx, db, timeWindow, onTimeWindow }: WindowedProps) {
  const { data } = useGraphModel(db, timeWindow);
  return <GraphView ctx={ctx} data={data} window={timeWindow} onWindow={onTimeWindow} />;
}

function CompanyScreen({ ctx, db, id, catalog }: ScreenProps & { id: string; catalog: CompanyCatalog }) {
  const { flows, attempts, consent } = useCompanyModel(db, id);
  return (
    <CompanyView
      ctx={ctx}
      id={id}
      description={catalog.description(id)}
      flows={flows}
      attempts={attempts}
      detailsLoaded={catalog.hasDetails}
      consent={consent}
    />
  );
}

function SiteScreen({ ctx, db, site }: ScreenProps & { site: string }) {
  const { flows, attempts, unlistedMore, consent } = useSiteModel(db, site);
  return (
    <SiteView ctx={ctx} site={site} flows={flows} attempts={attempts} unlistedMore={unlistedMore} consent={consent} />
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
const ReportPage = lazyView(() => import('./evidence-pages.tsx').then((m) => m.ReportPage));
const LogPage = lazyView(() => import('./evidence-pages.tsx').then((m) => m.LogPage));
const scopeName = (scope: EvidenceScope, lookup: (id: string) => { name: string }) =>
  'site' in scope ? scope.site : lookup(scope.company).name;
