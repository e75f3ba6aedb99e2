import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import {
  CompaniesView,
  CompanyView,
  OverviewView,
  SitesView,
  SiteView,
  type ViewContext,
} from '../../components/dashboard/views.tsx';
import { Composer, type ComposerInput } from '../../components/letters/composer.tsx';
import { LettersView } from '../../components/letters/letters-view.tsx';
import { DataControls } from '../../components/options/data-controls.tsx';
import { SettingsView } from '../../components/options/settings-view.tsx';
import { siteOf } from '../../lib/classify/domain.ts';
import { buildExport, type ExportFormat, renderExport } from '../../lib/export/export.ts';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
import { deadlineFor } from '../../lib/letters/deadline.ts';
import { citableCookies, gatherEvidence } from '../../lib/letters/evidence.ts';
import { recordSent, reminderAlarms, setStatus } from '../../lib/letters/records.ts';
import { newReference } from '../../lib/letters/send.ts';
import { type BackgroundStatus, request } from '../../lib/messages.ts';
import { parseSettings, SETTINGS_KEY, type Settings } from '../../lib/settings.ts';
import {
  loadCompanies,
  loadCompanySites,
  loadGraph,
  loadOverview,
  loadSiteCompanies,
  loadSites,
  type TimeWindow,
} from '../../lib/storage/dashboard.ts';
import { type DisclosedDb, localDay, openDb } from '../../lib/storage/db.ts';
import { createCompanyLookup, createNameLookup, parseTrackerList } from '../../lib/trackers/catalog.ts';
import type { TrackerListSource } from '../../lib/trackers/format.ts';
import { loadFullTrackerList, loadOrganizationDescriptions } from '../../lib/trackers/lazy.ts';
import type { Company } from '../../lib/trackers/matcher.ts';
import { createTrackerMatcher } from '../../lib/trackers/matcher.ts';
import { BUNDLED_COMPANY_NAMES } from '../../lib/trackers/names.ts';
import { useLive } from './use-live.ts';

const send = (message: unknown) => browser.runtime.sendMessage(message);

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
export function OptionsApp({ t }: { t: Translate }) {
  const route = useRoute();
  const db = useMemo(() => openDb(), []);
  // Names first (a small file): the lists draw at once. The full list, with each company's details, loads for the
  // pages that show them — a company, a letter, the settings.
  const names = useMemo(() => createNameLookup(BUNDLED_COMPANY_NAMES), []);
  const categoryOf = names.categoryOf;
  const full = useFullList(route.view === 'company' || route.view === 'letter' || route.view === 'settings');
  const lookup = full?.lookup ?? names.company;
  const [descriptions, setDescriptions] = useState<Record<string, string>>({});
  useEffect(() => {
    if (route.view === 'company' && !Object.keys(descriptions).length)
      loadOrganizationDescriptions().then(setDescriptions);
  }, [route.view]);
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }), []);
  const ctx: ViewContext = {
    t,
    company: lookup,
    date: (ms) => dateFormat.format(ms),
    companyHref: (id) => `#/company/${encodeURIComponent(id)}`,
    siteHref: (site) => `#/site/${encodeURIComponent(site)}`,
  };
  const [window, setWindow] = useState<TimeWindow>('7d');
  const overview = useLive(
    () => (route.view === 'overview' ? loadOverview(db, window, categoryOf) : Promise.resolve(undefined)),
    [route.view, window],
  );
  const companies = useLive(
    () => (route.view === 'companies' ? loadCompanies(db) : Promise.resolve(undefined)),
    [route.view],
  );
  const sites = useLive(() => (route.view === 'sites' ? loadSites(db) : Promise.resolve(undefined)), [route.view]);
  const graph = useLive(
    () => (route.view === 'graph' ? loadGraph(db, window, categoryOf) : Promise.resolve(undefined)),
    [route.view, window],
  );
  const letters = useLive(
    () => (route.view === 'letters' ? db.letters.toArray() : Promise.resolve(undefined)),
    [route.view],
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
        {route.view === 'companies' && <CompaniesView ctx={ctx} rows={companies} />}
        {route.view === 'sites' && <SitesView ctx={ctx} rows={sites} />}
        {route.view === 'graph' && <LazyGraphView ctx={ctx} data={graph} window={window} onWindow={setWindow} />}
        {route.view === 'company' && (
          <CompanyView ctx={ctx} id={route.id} description={descriptions[route.id] ?? ''} flows={flows} />
        )}
        {route.view === 'site' && <SiteView ctx={ctx} site={route.site} flows={flows} />}
        {route.view === 'settings' && full && (
          <SettingsPage t={t} source={full.source} nameOf={(id) => lookup(id).name} />
        )}
        {route.view === 'letters' && (
          <LettersView
            t={t}
            letters={letters}
            today={localDay(Date.now())}
            companyHref={ctx.companyHref}
            onStatus={(reference, status) => setStatus(db, reference, status)}
            download={download}
          />
        )}
        {route.view === 'letter' && full && <ComposerPage t={t} db={db} company={full.lookup(route.id)} />}
      </main>
    </>
  );
}

type GraphViewProps = Parameters<typeof import('../../components/dashboard/graph-view.tsx').GraphView>[0];

/** The graph view and its libraries (sigma, graphology) are a chunk of their own, loaded on the graph's first visit. */
function LazyGraphView(props: GraphViewProps) {
  const [view, setView] = useState<((p: GraphViewProps) => JSX.Element) | undefined>(undefined);
  useEffect(() => {
    import('../../components/dashboard/graph-view.tsx').then((m) => setView(() => m.GraphView));
  }, []);
  const View = view;
  return View ? <View {...props} /> : <h2>{props.ctx.t('dashGraph')}</h2>;
}

function SettingsPage({
  t,
  source,
  nameOf,
}: {
  t: Translate;
  source: TrackerListSource;
  nameOf: (id: string) => string;
}) {
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [status, setStatus] = useState<BackgroundStatus | undefined>(undefined);
  const [storageBytes, setStorageBytes] = useState<number | undefined>(undefined);
  const refreshUsage = () =>
    navigator.storage?.estimate().then(
      (e) => setStorageBytes(e.usage),
      () => undefined,
    );
  useEffect(() => {
    browser.storage.local.get(SETTINGS_KEY).then((s) => setSettings(parseSettings(s[SETTINGS_KEY])));
    request(send, 'background/status', {}).then(setStatus, () => undefined);
    refreshUsage();
  }, []);
  if (!settings) return null;
  const update = (patch: Partial<Settings>) => request(send, 'settings/update', patch).then(setSettings);
  return (
    <>
      <SettingsView t={t} settings={settings} status={status} source={source} onChange={update} />
      <DataControls
        t={t}
        storageBytes={storageBytes}
        excludedSites={settings.excludedSites}
        onExcludedChange={(excludedSites) => update({ excludedSites })}
        onForget={(site) => request(send, 'data/forget-site', { site }).finally(refreshUsage)}
        onClear={() => request(send, 'data/clear', {}).finally(refreshUsage)}
        confirm={(question) => window.confirm(question)}
        onExport={(format) => exportData(format, source, nameOf)}
        onImport={(text) => request(send, 'data/import', { text }).finally(refreshUsage)}
      />
    </>
  );
}

/** Builds an export from the database (reading needs no background) and saves it as a download. */
async function exportData(
  format: ExportFormat,
  source: TrackerListSource,
  nameOf: (id: string) => string,
): Promise<void> {
  const file = await buildExport(openDb(), nameOf, {
    name: source.name,
    version: source.version,
    license: source.license,
  });
  const { body, type, filename } = renderExport(file, format);
  download(filename, type, body);
}

/** Saves text as a file through the browser's downloads (nothing leaves the machine). */
function download(filename: string, type: string, body: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Loads what a letter to one company may cite, then hands it to the composer. */
function ComposerPage({ t, db, company }: { t: Translate; db: DisclosedDb; company: Company }) {
  const [input, setInput] = useState<ComposerInput | null | undefined>(undefined);
  useEffect(() => {
    (async () => {
      const gathered = await gatherEvidence(db, company);
      if (!gathered) return setInput(null);
      const owned = [...new Set(gathered.evidence.domains.map(siteOf))];
      const jar = (await Promise.all(owned.map((domain) => browser.cookies.getAll({ domain })))).flat();
      const correction = await db.contacts.get(company.id);
      const today = localDay(Date.now());
      setInput({
        company,
        gathered,
        cookies: citableCookies(
          gathered.evidence.domains,
          jar.map((c) => ({
            name: c.name,
            value: c.value,
            domain: c.domain,
            httpOnly: c.httpOnly,
            secure: c.secure,
            session: c.session,
          })),
        ),
        ...(correction ? { correction } : {}),
        reference: newReference(today),
        today,
        extensionVersion: browser.runtime.getManifest().version,
        uiLanguage: browser.i18n.getUILanguage().slice(0, 2),
      });
    })();
  }, [company.id]);
  if (input === undefined) return null;
  if (input === null) return <p data-testid="dash-not-found">{t('dashNotFound')}</p>;
  return (
    <Composer
      t={t}
      input={input}
      actions={{
        download,
        copy: (text) => navigator.clipboard.writeText(text),
        saveContact: async (value, representative) => {
          await db.contacts.put({
            company: company.id,
            value,
            ...(representative ? { representative } : {}),
            updatedAt: Date.now(),
          });
        },
        sent: async (letter) => {
          const record = await recordSent(db, {
            ...letter,
            reference: input.reference,
            company: company.id,
            companyName: company.name,
          });
          // Local reminders; the background shows them as notifications.
          for (const { name, when } of reminderAlarms(
            record.reference,
            deadlineFor(record.jurisdiction, letter.sentOn).due,
          )) {
            browser.alarms.create(name, { when });
          }
          location.hash = '#/letters';
        },
      }}
    />
  );
}

/** The full tracker list (details of every company), loaded the first time a page needs it. */
function useFullList(needed: boolean) {
  const [full, setFull] = useState<{ lookup: (id: string) => Company; source: TrackerListSource } | undefined>();
  useEffect(() => {
    if (!needed || full) return;
    loadFullTrackerList().then((text) => {
      const list = parseTrackerList(text);
      setFull({ lookup: createCompanyLookup(createTrackerMatcher([list])), source: list.source });
    });
  }, [needed]);
  return full;
}
