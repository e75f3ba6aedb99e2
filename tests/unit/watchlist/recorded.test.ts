import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Capture, type TabInfo } from '../../../lib/capture/capture.ts';
import { buildExport, exportTextParts, flowsCsv } from '../../../lib/export/export.ts';
import { composeLetter, writesLaw } from '../../../lib/letters/compose.ts';
import { evidenceFor, gatherEvidence } from '../../../lib/letters/evidence.ts';
import { LETTER_LANGUAGES, letterLanguage } from '../../../lib/letters/languages.ts';
import { LAWS, type Law } from '../../../lib/letters/laws.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { Recorder } from '../../../lib/storage/recorder.ts';
import { watchedSightings } from '../../../lib/storage/watched.ts';
import { createTrackerMatcher } from '../../../lib/trackers/matcher.ts';
import { type WatchedEntry, watchedEntry } from '../../../lib/watchlist/entries.ts';
import { WatchlistMatcher } from '../../../lib/watchlist/match.ts';
import { realTrackerList } from '../fixture-lists.ts';
import { observed } from '../requests.ts';
import { freshDb } from '../storage/helpers.ts';

// A watched email through what users run: the capture with the real tracker list, Dexie over fake-indexeddb, the
// export, the dashboard's query and a drafted letter.

const EMAIL = 'jane.doe@example.com';
const SHA256 = createHash('sha256').update(EMAIL).digest('hex');
const trackerMatcher = createTrackerMatcher([realTrackerList()]);

async function browsing(options: { classroom?: boolean } = {}) {
  const db = freshDb();
  const recorder = new Recorder(db);
  const entry = (await watchedEntry('email', EMAIL)) as WatchedEntry;
  const watchlist = new WatchlistMatcher([entry]);
  const tabs = new Map<number, TabInfo>([[1, { url: 'https://shop.example/checkout', incognito: false }]]);
  const sessionEvents: unknown[] = [];
  const capture = new Capture({
    db,
    recorder,
    matcher: () => trackerMatcher,
    settings: () => DEFAULT_SETTINGS,
    getTab: async (id) => tabs.get(id),
    watchlist: () => watchlist,
    ...(options.classroom ? { session: () => ({ add: (e: unknown) => sessionEvents.push(e) }) } : {}),
    privateAccess: false,
  });
  capture.navigated(1, 'https://shop.example/checkout', false, 1_000);
  const from = { initiator: 'https://shop.example', topLevelUrl: 'https://shop.example/checkout' };
  // Meta's pixel with advanced matching: the SHA-256 of the normalised address as `ud[em]`.
  await capture.observe(
    observed(`https://www.facebook.com/tr/?id=123&ev=Purchase&ud[em]=${SHA256}&cd[value]=9`, { ...from, time: 5_000 }),
  );
  // The shop's own API gets the address in plain: the first party, never a finding.
  await capture.observe(
    observed(`https://api.shop.example/order?email=${encodeURIComponent(EMAIL)}`, { ...from, time: 5_100 }),
  );
  await recorder.flush();
  return { db, entry, sessionEvents };
}

describe('a watched email sent by a real pixel request', () => {
  it('is recorded for Meta on the site, with its form and masked label, and nothing for the first party', async () => {
    const { db } = await browsing();
    const events = await db.events.toArray();
    expect(events.map((e) => [e.company, e.site])).toEqual([['facebook', 'shop.example']]);
    expect(events[0]?.kinds).toContain('watched');
    expect(events[0]?.findings.filter((f) => f.kind === 'watched')).toEqual([
      { kind: 'watched', source: 'url', name: 'ud[em]', value: 'j…@e….com', detail: 'email sha256' },
    ]);
  });

  it('never stores the hash in full: not among the identifiers, not in any finding', async () => {
    const { db } = await browsing();
    const stored = JSON.stringify([await db.events.toArray(), await db.identifiers.toArray()]);
    expect(stored).not.toContain(SHA256);
    expect(stored).not.toContain(SHA256.slice(0, 16));
    expect(stored).not.toContain(EMAIL);
  });

  it('is not looked for in a classroom session', async () => {
    const { sessionEvents } = await browsing({ classroom: true });
    expect(JSON.stringify(sessionEvents)).not.toContain('watched');
    expect(sessionEvents).toHaveLength(1);
  });

  it('is shown on the company page and the site page, with its form', async () => {
    const { db } = await browsing();
    const sightings = await watchedSightings(db, { company: 'facebook' });
    expect(sightings).toMatchObject([{ site: 'shop.example', company: 'facebook', details: ['email sha256'] }]);
    expect(await watchedSightings(db, { site: 'shop.example' })).toEqual(sightings);
    expect(await watchedSightings(db, { company: 'google' })).toEqual([]);
  });

  it('is never exported: not the value, not a form, not the label, not even the kind', async () => {
    const { db, entry } = await browsing();
    const file = await buildExport(db, (id) => id, { name: 'T', version: '1', license: 'x' });
    const text = [...exportTextParts(file), flowsCsv(file)].join('\n');
    expect(file.events).toHaveLength(1);
    expect(text).toContain('"dataKinds"');
    expect(text).not.toContain('watched');
    expect(text).not.toContain(entry.label);
    for (const form of entry.forms) expect(text.toLowerCase()).not.toContain(form.text.toLowerCase());
    expect(text).not.toContain('sha256');
  });

  it.each(LETTER_LANGUAGES.map((l) => l.code))(
    'is cited in a %s letter’s evidence, what and in which form, without value or hash',
    async (code) => {
      const { db } = await browsing();
      const gathered = await gatherEvidence(db, { id: 'facebook', name: 'Meta' });
      const evidence = evidenceFor(gathered as NonNullable<typeof gathered>, ['shop.example']);
      expect(evidence.watched).toEqual(['email sha256']);
      const lang = letterLanguage(code);
      // Each language under a law it writes (Brazilian Portuguese writes the LGPD only).
      const jurisdiction = LAWS.find((law) => writesLaw(lang, law)) as Law;
      const letter = await composeLetter(lang, evidence, [], {
        jurisdiction,
        reference: 'DSC-20261201-AAAAAA',
        date: '2026-12-01',
        extensionVersion: '0.1.0',
      });
      expect(letter.body).toContain(lang.watched.item(lang.watched.what.email, lang.watched.form.sha256));
      expect(letter.body).not.toContain(SHA256);
      expect(letter.body).not.toContain(EMAIL);
      // Not said of a site the letter leaves out.
      const without = evidenceFor(gathered as NonNullable<typeof gathered>, []);
      expect(without.watched).toBeUndefined();
    },
  );
});
