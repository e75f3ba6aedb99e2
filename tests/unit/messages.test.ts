import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers, isMessage } from '../../lib/messages.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';

const session = { active: true, paused: false, startedAt: 1 };
const handlers: Handlers = {
  'settings/update': async (patch) => ({ ...DEFAULT_SETTINGS, ...patch }),
  'data/forget-site': async () => ({ events: 0, pages: 0, flows: 0 }),
  'data/clear': async () => ({ cleared: true }),
  'data/import': async () => ({ ok: false, error: 'not JSON' }),
  'classroom/start': async () => session,
  'classroom/pause': async ({ paused }) => ({ ...session, paused }),
  'classroom/reset': async () => session,
  'classroom/end': async () => ({ active: false, paused: false, startedAt: 0 }),
  'background/status': async () => ({ storageError: null, pendingEvents: 0, dropped: null }),
  'background/tab-watched': async () => ({ watched: true }),
  'background/dismiss-dropped': async () => ({ dismissed: true }),
  'letters/save-contact': async (c) => ({ ...c, updatedAt: 1 }),
  'letters/record-sent': async (l) => ({ ...l, textHash: '', status: 'sent', createdAt: 1, history: [] }),
  'letters/set-status': async () => ({ updated: true }),
  'consent/page-state': async () => ({ recorded: true }),
};

const fromPage = { fromPage: true, tabId: 3, frameId: 0, url: 'https://news.example/' };
const report = { origin: 1_700_000_000_000, signal: { time: 1_700_000_000_500, state: 'refused', cmp: 'tcf:300' } };

const sent = {
  reference: 'DSC-20261123-K7Q2M9',
  company: 'magnite',
  companyName: 'Magnite',
  jurisdiction: 'gdpr',
  language: 'en',
  right: 'erasure',
  channel: 'email',
  recipient: 'privacy@magnite.com',
  subject: 'Request for erasure',
  body: 'Dear Data Protection Officer,',
  sentOn: '2026-10-31',
  evidence: {
    domains: ['ads.magnite.example'],
    sites: ['news.example'],
    requests: 3,
    firstSeen: 1,
    lastSeen: 2,
    categories: ['advertising'],
    kinds: ['identifier'],
    identifiers: [{ source: 'request', name: 'uid', value: 'u-1' }],
  },
};

describe('message protocol', () => {
  it('dispatches a known message to its handler', async () => {
    expect(await dispatch(handlers, { type: 'settings/update', payload: { paused: true } })).toMatchObject({
      paused: true,
    });
  });

  it.each([
    [undefined],
    ['settings/update'],
    [{ type: 'settings/update' }],
    [{ type: 'no/such', payload: {} }],
    [{ type: 'toString', payload: {} }],
    [{ type: 'settings/update', payload: null }],
    [{ type: 'settings/update', payload: [] }],
  ])('ignores %j (no answer, as the runtime expects)', (message) => {
    expect(isMessage(message)).toBe(false);
    expect(dispatch(handlers, message)).toBeUndefined();
  });

  it.each([
    ['letters/record-sent', sent],
    ['letters/record-sent', { ...sent, country: 'DE-BY' }],
    ['letters/record-sent', { ...sent, jurisdiction: 'fadp', language: 'de', country: 'CH' }],
    ['letters/record-sent', { ...sent, jurisdiction: 'lgpd', right: 'withdrawal', country: 'BR' }],
    ['letters/record-sent', { ...sent, name: 'Erika Mustermann' }],
    ['letters/save-contact', { company: 'magnite', value: 'privacy@magnite.com' }],
    ['letters/save-contact', { company: 'magnite', value: 'x', representative: 'EU rep' }],
    ['letters/set-status', { reference: 'DSC-1', status: 'needs-identification' }],
    ['settings/update', { excludedSites: ['bank.example'], retentionDays: 30 }],
    ['settings/update', { historyDays: 365, maxTotals: 5000, maxIdentifiers: 500 }],
    ['classroom/pause', { paused: true }],
  ])('passes a valid %s payload to its handler', async (type, payload) => {
    await expect(dispatch(handlers, { type, payload })).resolves.toBeDefined();
  });

  it('takes a page’s consent report from a content script, and nothing else from one', async () => {
    await expect(dispatch(handlers, { type: 'consent/page-state', payload: report }, fromPage)).resolves.toEqual({
      recorded: true,
    });
    // A page's scripts can make its content script send anything: clearing the history is not among what it can do.
    expect(dispatch(handlers, { type: 'data/clear', payload: {} }, fromPage)).toBeUndefined();
    expect(dispatch(handlers, { type: 'settings/update', payload: { paused: true } }, fromPage)).toBeUndefined();
    // And the extension's own pages send no page reports.
    expect(dispatch(handlers, { type: 'consent/page-state', payload: report })).toBeUndefined();
  });

  it.each([
    [{ ...report, origin: 'now' }, 'origin must be a time'],
    [{ ...report, signal: { ...report.signal, state: 'withdrawn' } }, 'signal.state is not a state'],
    [{ ...report, signal: { ...report.signal, state: 'toString' } }, 'signal.state is not a state'],
    [{ ...report, signal: { ...report.signal, time: Number.NaN } }, 'signal.time must be a time'],
    [{ ...report, signal: { ...report.signal, cmp: 'x'.repeat(101) } }, 'signal.cmp must be a name'],
    [{ ...report, signal: { ...report.signal, stored: 'yes' } }, 'signal.stored must be true or false'],
  ])('refuses a page report %j, saying why', async (payload, reason) => {
    await expect(dispatch(handlers, { type: 'consent/page-state', payload }, fromPage)).rejects.toThrow(reason);
  });

  it.each([
    [
      'letters/record-sent',
      { ...sent, jurisdiction: 'mars' },
      'jurisdiction must be one of gdpr, uk-gdpr, fadp, lgpd, ccpa',
    ],
    ['letters/record-sent', { ...sent, sentOn: 'yesterday' }, 'sentOn must be a day'],
    ['letters/record-sent', { ...sent, name: 'E'.repeat(501) }, 'name must be a string of at most 500'],
    ['letters/record-sent', { ...sent, body: 42 }, 'body must be a string'],
    ['letters/record-sent', { ...sent, country: 'Federal Republic' }, 'country must be a string of at most 10'],
    ['letters/record-sent', { ...sent, evidence: undefined }, 'evidence must be'],
    ['letters/record-sent', { ...sent, evidence: { ...sent.evidence, sites: [42] } }, 'evidence must be'],
    ['letters/record-sent', { ...sent, reference: undefined }, 'reference must be a string'],
    ['letters/save-contact', { company: 'magnite' }, 'value must be a string'],
    ['letters/save-contact', { company: 'magnite', value: 'x', representative: 7 }, 'representative must be'],
    ['letters/set-status', { reference: 'DSC-1', status: 'lost' }, 'status must be one of draft, sent'],
    ['settings/update', { paused: 'yes' }, 'setting paused has the wrong type'],
    ['settings/update', { theme: 'dark' }, 'unknown setting theme'],
    ['data/forget-site', {}, 'site must be a string'],
    ['classroom/pause', { paused: 1 }, 'paused must be true or false'],
  ])('refuses %s with %j, saying why', async (type, payload, reason) => {
    let reached = false;
    const spy: Handlers = {
      ...handlers,
      [type]: async () => {
        reached = true;
      },
    };
    await expect(dispatch(spy, { type, payload })).rejects.toThrow(reason);
    expect(reached).toBe(false);
  });
});
