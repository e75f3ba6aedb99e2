import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { type LogModel, LogView } from '../../../components/dashboard/log-view.tsx';
import type { EvidenceContext } from '../../../components/report/evidence.tsx';
import { ReportView } from '../../../components/report/report-view.tsx';
import { translatorFromMessages } from '../../../lib/i18n.ts';
import { writeEvents } from '../../../lib/storage/batch.ts';
import { loadEvidence, loadLogPage } from '../../../lib/storage/log.ts';
import { unlistedCompany } from '../../../lib/trackers/company.ts';
import { event, freshDb } from '../storage/helpers.ts';

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
);
const t = translatorFromMessages(messages);
const HOSTILE = '<img src=x onerror=alert(1)>';
const ctx: EvidenceContext = {
  t,
  company: (id) => ({ ...unlistedCompany(id), name: id === 'evil' ? HOSTILE : 'Google' }),
  date: (ms) => new Date(ms).toISOString(),
  companyHref: (id) => `#/company/${encodeURIComponent(id)}`,
  siteHref: (site) => `#/site/${encodeURIComponent(site)}`,
};

/** A site whose own name, a company's name, a path and a parameter name are markup; a value that must not show. */
async function hostile() {
  const db = freshDb();
  await writeEvents(db, [
    event({
      site: 'news.example',
      company: 'evil',
      path: `/${HOSTILE}`,
      kinds: ['identifier'],
      findings: [{ kind: 'identifier', source: 'url', name: HOSTILE, value: 'abc…xyz' }],
    }),
    event({
      site: 'news.example',
      kinds: ['identifier'],
      findings: [{ kind: 'identifier', source: 'cookie', name: '_ga', value: 'GA1…999' }],
      outcome: 'error',
      error: 'net::ERR_BLOCKED_BY_CLIENT',
      delivery: 'not-received',
      deliveryReason: 'blocked-by-extension',
    }),
  ]);
  return db;
}

const source = { name: 'TrackerDB', version: '1', license: 'CC BY-NC-SA 4.0', attribution: '', licenseUrl: '' };

describe('the evidence screens', () => {
  it('render hostile names, paths and parameter names as text, and no value', async () => {
    const db = await hostile();
    const report = renderToString(
      <ReportView
        ctx={ctx}
        scope={{ site: 'news.example' }}
        evidence={await loadEvidence(db, { site: 'news.example' })}
        source={source}
        preparedAt={0}
        logHref="#/log"
        onPrint={() => {}}
      />,
    );
    const model: LogModel = {
      filter: {},
      onFilter: () => {},
      events: (await loadLogPage(db, { site: 'news.example' })).events,
      read: 2,
      more: false,
      onMore: () => {},
      loading: false,
      stored: 2,
      total: 2,
    };
    const log = renderToString(<LogView ctx={ctx} scope={{ site: 'news.example' }} model={model} reportHref="#/r" />);
    for (const html of [report, log]) {
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;img src=x onerror=alert(1)>');
      expect(html).not.toContain('abc…xyz');
      expect(html).not.toContain('GA1…999');
    }
  });

  it('says when its read limits left stored requests unread, and how many it read of how many', async () => {
    const db = freshDb();
    await writeEvents(
      db,
      Array.from({ length: 600 }, (_, i) => event({ site: `site${i % 200}.example`, time: 1_000_000 + i })),
    );
    const report = (evidence: Awaited<ReturnType<typeof loadEvidence>>) =>
      renderToString(
        <ReportView
          ctx={ctx}
          scope={{ company: 'google' }}
          evidence={evidence}
          source={source}
          preparedAt={0}
          logHref="#/log"
          onPrint={() => {}}
        />,
      );
    const cut = report(await loadEvidence(db, { company: 'google' }, { budget: 400 }));
    expect(cut).toContain('data-cut-short="budget"');
    expect(cut).toContain('This report read the newest 400 of the 600 requests stored one by one');
    expect(cut).toContain('and 400 in all');
    expect(cut).not.toContain('data-testid="report-stored"');
    const whole = report(await loadEvidence(db, { company: 'google' }));
    expect(whole).not.toContain('data-testid="report-read-partly"');
    expect(whole).toContain('(600 read for this report)');
  });

  it('lists a blocked request only among the attempts of a report, never as received', async () => {
    const db = await hostile();
    const html = renderToString(
      <ReportView
        ctx={ctx}
        scope={{ site: 'news.example' }}
        evidence={await loadEvidence(db, { site: 'news.example' })}
        source={source}
        preparedAt={0}
        logHref="#/log"
        onPrint={() => {}}
      />,
    );
    const received = html.slice(
      html.indexOf('data-testid="report-received"'),
      html.indexOf('data-testid="report-kinds"'),
    );
    const attempted = html.slice(html.indexOf('data-testid="report-attempted"'));
    expect(received).not.toContain('data-company="google"');
    expect(received).not.toContain('_ga');
    expect(attempted).toContain('data-company="google"');
    expect(attempted).toContain('<code>_ga</code>');
  });
});
