import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ClassroomFeed } from '../../../components/classroom/feed.tsx';
import { summarizeSession } from '../../../lib/classroom/summary.ts';
import { translatorFromMessages } from '../../../lib/i18n.ts';
import { event } from '../storage/helpers.ts';

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
);
const t = translatorFromMessages(messages);
const names: Record<string, string> = {
  google: 'Google',
  facebook: 'Meta',
  magnite: 'Magnite',
  microsoft: 'Microsoft',
};

const page = (value: string) => ({ kind: 'page-address' as const, source: 'url' as const, name: 'dl', value });
// A health site, a diabetes page on a news site, an ordinary card, and the newest change last.
const summary = summarizeSession([
  event({ time: 1, site: 'health-clinic.example', company: 'magnite', kinds: ['site-address'] }),
  event({ time: 2, kinds: ['page-address'], findings: [page('https://news.example/living/diabetes.html')] }),
  event({ time: 3, company: 'facebook', kinds: ['email'] }),
  event({ time: 4, company: 'microsoft' }),
]);
const feed = (anonymous: boolean) =>
  renderToString(<ClassroomFeed t={t} summary={summary} anonymous={anonymous} nameOf={(id) => names[id] ?? id} />);
const order = (html: string) => [...html.matchAll(/data-company="([^"]+)"/g)].map((m) => m[1]);

describe('the classroom feed', () => {
  it('labels a sensitive site and a sensitive page, and shows them first after the newest change', () => {
    const html = feed(false);
    expect(html).toContain('Health site');
    expect(html).toContain('Health page');
    expect(order(html)).toEqual(['microsoft', 'google', 'magnite', 'facebook']);
  });

  it('anonymised, neither says nor shows by its order that a site or page was sensitive', () => {
    const html = feed(true);
    expect(html).not.toContain('Health');
    expect(html).not.toContain('data-testid="feed-sensitive"');
    expect(html).not.toMatch(/class="card[^"]* sensitive/);
    expect(html).not.toContain('health-clinic.example');
    // The newest first, then by what the data tells: Meta's email above the sensitive cards' addresses.
    expect(order(html)).toEqual(['microsoft', 'facebook', 'google', 'magnite']);
  });
});
