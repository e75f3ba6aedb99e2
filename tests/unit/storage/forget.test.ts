import { describe, expect, it } from 'vitest';
import { localDay } from '../../../lib/day.ts';
import { clearEverything, forgetSite } from '../../../lib/storage/forget.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { event, freshDb } from './helpers.ts';

async function browse() {
  const db = freshDb();
  const recorder = new Recorder(db);
  const t = Date.UTC(2026, 10, 20, 12);
  recorder.addPage({ key: '1:1', tabId: 1, site: 'clinic.example', startedAt: 1 });
  recorder.addPage({ key: '2:1', tabId: 2, site: 'news.example', startedAt: 1 });
  recorder.add(event({ time: t, page: '1:1', site: 'clinic.example', identifiers: [{ name: 'cid', value: 'A1' }] }));
  recorder.add(
    event({
      time: t,
      page: '1:1',
      site: 'clinic.example',
      company: 'facebook',
      identifiers: [{ name: 'fbp', value: 'F1' }],
    }),
  );
  recorder.add(event({ time: t, page: '2:1', site: 'news.example', identifiers: [{ name: 'cid', value: 'A1' }] }));
  await recorder.flush();
  return { db, t };
}

describe('forgetSite', () => {
  it('removes every trace of the site and nothing of other sites', async () => {
    const { db, t } = await browse();
    const report = await forgetSite(db, 'clinic.example');
    expect(report).toEqual({ events: 2, pages: 1, flows: 2 });

    const everything = JSON.stringify(
      await Promise.all(
        [db.events, db.pages, db.siteCompanies, db.dayCompanies, db.identifiers].map((table) => table.toArray()),
      ),
    );
    expect(everything).not.toContain('clinic.example');
    // The news site is untouched, and Google's day total now counts only its request.
    expect(await db.events.count()).toBe(1);
    expect(await db.siteCompanies.get(['news.example', 'google'])).toMatchObject({ requests: 1 });
    expect(await db.dayCompanies.get([localDay(t), 'google'])).toMatchObject({ requests: 1, sites: ['news.example'] });
    // Meta was only seen on the clinic: its day total and its identifier are gone with it.
    expect(await db.dayCompanies.get([localDay(t), 'facebook'])).toBeUndefined();
    expect((await db.identifiers.toArray()).map((i) => [i.company, i.value, i.sites])).toEqual([
      ['google', 'A1', ['news.example']],
    ]);
  });

  it('is harmless for a site never seen', async () => {
    const { db } = await browse();
    expect(await forgetSite(db, 'never.example')).toEqual({ events: 0, pages: 0, flows: 0 });
    expect(await db.events.count()).toBe(3);
  });
});

describe('clearEverything', () => {
  it('empties every table', async () => {
    const { db } = await browse();
    await clearEverything(db);
    const counts = await Promise.all(
      [db.events, db.pages, db.siteCompanies, db.dayCompanies, db.identifiers].map((table) => table.count()),
    );
    expect(counts).toEqual([0, 0, 0, 0, 0]);
  });
});
