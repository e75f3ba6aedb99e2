import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ClassroomFeed } from '../../../components/classroom/feed.tsx';
import { CompaniesView } from '../../../components/dashboard/companies-view.tsx';
import { CompanyView } from '../../../components/dashboard/company-view.tsx';
import { OverviewView } from '../../../components/dashboard/overview-view.tsx';
import { SiteView } from '../../../components/dashboard/site-view.tsx';
import { SitesView } from '../../../components/dashboard/sites-view.tsx';
import type { ViewContext } from '../../../components/dashboard/views.tsx';
import { type PopupRecipient, PopupView } from '../../../components/popup/popup-view.tsx';
import { KindGlossary } from '../../../components/popup/received.tsx';
import { summarizeSession } from '../../../lib/classroom/summary.ts';
import { ADDRESS_KINDS, DATA_KINDS, isAddressKind } from '../../../lib/disclose/kinds.ts';
import { loadGraph } from '../../../lib/graph/load-graph.ts';
import { translatorFromMessages } from '../../../lib/i18n.ts';
import {
  loadCompanies,
  loadCompanySites,
  loadOverview,
  loadSiteCompanies,
  loadSites,
} from '../../../lib/storage/dashboard.ts';
import { loadPageSummary } from '../../../lib/storage/queries.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { unlistedCompany } from '../../../lib/trackers/company.ts';
import { event, freshDb } from '../storage/helpers.ts';
import { popupModel } from './popup-model.ts';

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
);
const t = translatorFromMessages(messages);
const info = (id: string) => ({
  ...unlistedCompany(id),
  id,
  name: id === 'facebook' ? 'Meta' : id,
  source: 'trackerdb' as const,
});
const ctx: ViewContext = {
  t,
  company: info,
  date: (ms) => new Date(ms).toISOString(),
  companyHref: (id) => `#/company/${id}`,
  siteHref: (site) => `#/site/${site}`,
};

/** The text of every categories element in a rendering. */
const categoryTexts = (html: string) => [...html.matchAll(/data-testid="categories"[^>]*>([^<]*)</g)].map((m) => m[1]);

const now = new Date(2026, 10, 23, 15).getTime();

/**
 * Meta on one page: three requests matched its analytics pattern, one its advertising pattern (alphabetically
 * first, and the first seen: what each screen used to show in its own way).
 */
function metaEvents() {
  const meta = { company: 'facebook', page: '1:1000', host: 'connect.facebook.net', time: now - 1000 };
  return [
    event({ ...meta, category: 'advertising', kinds: ['identifier'] }),
    event({ ...meta, category: 'site_analytics', kinds: ['event'] }),
    event({ ...meta, category: 'site_analytics' }),
    event({ ...meta, category: 'site_analytics' }),
    event({ time: now - 500 }),
  ];
}

describe('one vocabulary across screens', () => {
  it('a company seen under two categories has the same main category and order everywhere', async () => {
    const db = freshDb();
    const recorder = new Recorder(db);
    const events = metaEvents();
    for (const e of events) recorder.add(e);
    await recorder.flush();
    await db.pages.put({ key: '1:1000', tabId: 1, site: 'news.example', startedAt: now - 5000 });
    const expected = 'Site analytics, Advertising';

    const page = await loadPageSummary(db, 1, 'news.example');
    const recipients: PopupRecipient[] = page.recipients.map((r) => ({ ...r, info: info(r.company) }));
    const popup = renderToString(<PopupView t={t} model={popupModel({ recipients })} />);
    expect(categoryTexts(popup)).toContain(expected);

    const companies = renderToString(<CompaniesView ctx={ctx} rows={await loadCompanies(db)} />);
    expect(companies).toMatch(
      />Meta<\/a><\/td><td><span class="categories" data-testid="categories" data-main="site_analytics">Site analytics, Advertising</,
    );

    const site = renderToString(
      <SiteView ctx={ctx} site="news.example" flows={await loadSiteCompanies(db, 'news.example')} />,
    );
    expect(site).toMatch(/>Meta<\/a><\/td><td><span[^>]*data-main="site_analytics">Site analytics, Advertising</);

    const company = renderToString(
      <CompanyView ctx={ctx} id="facebook" description="" flows={await loadCompanySites(db, 'facebook')} />,
    );
    expect(categoryTexts(company)).toEqual([expected]);

    // The overview counts it under its main category, in a window as over all time; the graph colours it so.
    for (const window of ['7d', 'all'] as const) {
      const overview = await loadOverview(db, window, now);
      expect(overview.categories).toEqual([{ category: 'site_analytics', companies: 2, requests: 5 }]);
      const graph = await loadGraph(db, window, now);
      expect(graph.nodes.find((n) => n.key === 'facebook')?.category).toBe('site_analytics');
    }
    const overview = renderToString(
      <OverviewView ctx={ctx} overview={await loadOverview(db, 'all', now)} window="all" onWindow={() => undefined} />,
    );
    expect(overview).toContain('Site analytics');
    expect(overview).not.toContain('Advertising');

    const classroom = renderToString(
      <ClassroomFeed
        t={t}
        summary={summarizeSession(events.map(({ identifiers: _, ...e }) => e))}
        anonymous={false}
        nameOf={(id) => info(id).name}
      />,
    );
    // Meta's four requests from the one site are one card in the feed, and it says the same.
    const feed = classroom.split('data-company="facebook"').slice(1);
    expect(feed).toHaveLength(1);
    expect(categoryTexts(feed[0] ?? '')[0]).toBe(expected);
    db.close();
  });

  // One address level at a time: a sentence names only the highest level a list holds (`shownKinds`).
  it.each(ADDRESS_KINDS)(
    'names each kind of data by its term, with its one-sentence explanation, in the popup, dashboard and classroom (%s)',
    async (level) => {
      const db = freshDb();
      const recorder = new Recorder(db);
      const kinds = DATA_KINDS.filter((k) => !isAddressKind(k) || k === level);
      const all = event({ kinds });
      recorder.add(all);
      await recorder.flush();
      const lists = [
        renderToString(<SitesView ctx={ctx} rows={await loadSites(db)} />),
        renderToString(<CompaniesView ctx={ctx} rows={await loadCompanies(db)} />),
        renderToString(<SiteView ctx={ctx} site="news.example" flows={await loadSiteCompanies(db, 'news.example')} />),
        renderToString(
          <CompanyView ctx={ctx} id="google" description="" flows={await loadCompanySites(db, 'google')} />,
        ),
      ];
      const glossary = renderToString(<KindGlossary t={t} kinds={kinds} />);
      const feed = renderToString(
        <ClassroomFeed t={t} summary={summarizeSession([all])} anonymous={true} nameOf={(id) => info(id).name} />,
      );
      for (const kind of kinds) {
        const key = kind.replace(/-/g, '_');
        const term: string = messages[`term_${key}`].message;
        const help: string = messages[`help_${key}`].message;
        // The lists name the kind and give its sentence as the name's title; the popup and classroom spell it out.
        for (const list of lists) expect(list).toContain(`<span class="term" title="${help}">${term}</span>`);
        expect(glossary).toContain(`<dt>${term}</dt><dd>${help}</dd>`);
        expect(feed).toContain(`<span class="term">${term}</span> — ${help}`);
      }
      db.close();
    },
  );
});
