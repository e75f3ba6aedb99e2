import { describe, expect, it } from 'vitest';
import {
  type ExportContact,
  type ExportFile,
  type ExportLetter,
  validateExport,
  validateHeaderLine,
  validateRecordLine,
} from '../../../lib/export/format.ts';
import { matchesHeader, matchesRecord, matchesSchema } from '../../export-schema.ts';

// docs/export-format.schema.json and the import's hand-written validateExport must say the same: each row is a file
// with the verdict both must give. A rule added to one and not the other fails here.

const V3: ExportFile = {
  format: 'disclosed-export',
  version: 3,
  exportedAt: '2026-11-23T13:30:00.000Z',
  trackerData: { name: 'Ghostery Tracker Database', version: '1.0.945', license: 'CC BY-NC-SA 4.0' },
  flows: [
    {
      site: 'news.example',
      organization: { id: 'google', name: 'Google' },
      kind: 'tracker',
      category: 'site_analytics',
      domains: ['www.google-analytics.com'],
      requests: 2,
      failed: 1,
      firstSeen: '2026-11-20T12:00:00.000Z',
      lastSeen: '2026-11-20T12:05:00.000Z',
      dataKinds: { identifier: { first: '2026-11-20T12:00:00.000Z', last: '2026-11-20T12:00:00.000Z' } },
    },
  ],
  days: [{ day: '2026-11-20', organization: 'google', kind: 'tracker', requests: 2, sites: ['news.example'] }],
  events: [
    {
      time: '2026-11-20T12:00:00.000Z',
      site: 'news.example',
      organization: 'google',
      kind: 'tracker',
      category: 'site_analytics',
      host: 'www.google-analytics.com',
      path: '/g/collect/:id',
      type: 'image',
      method: 'GET',
      outcome: 'completed',
      dataKinds: ['full-address', 'identifier'],
      findings: [
        {
          kind: 'full-address',
          source: 'url',
          name: 'dl',
          shape: 'address',
          address: 'https://news.example/a/:id?q',
          detail: 'q',
        },
        { kind: 'identifier', source: 'url', name: 'cid', shape: 'digits' },
      ],
    },
  ],
};

/** An event's consent as the capture records it: every kind of signal present. */
const CONSENT = {
  tcf: {
    gdprApplies: true,
    cmpId: 28,
    policyVersion: 5,
    vendorId: 755,
    vendorConsent: false,
    vendorLegitimateInterest: true,
    purposesConsent: [1],
    purposesLegitimateInterest: [7, 9],
    specialFeatures: [],
    additionalConsent: [89, 2008],
  },
  gpp: { sectionIds: [7], sections: [{ id: 7, name: 'usnat', optOuts: { SaleOptOut: true, SharingOptOut: false } }] },
  usPrivacy: { notice: true, optOut: false },
  googleConsentMode: { adStorage: 'denied', analyticsStorage: 'granted', nonPersonalizedAds: true },
  gpc: true,
};
const STAMP = { state: 'not-answered', since: '2026-11-20T11:59:58.000Z', cmp: 'tcf:28' };

// biome-ignore lint/suspicious/noExplicitAny: each row reshapes a file freely.
type File = Record<string, any>;
const base = (): File => structuredClone(V3);
const withFlow = (change: File) => ({ ...base(), flows: [{ ...V3.flows[0], ...change }] });
const withEvent = (change: File) => ({ ...base(), events: [{ ...V3.events[0], ...change }] });
const withFinding = (change: File) => withEvent({ findings: [{ ...V3.events[0]!.findings[1], ...change }] });
const { version: _, ...noVersion } = V3;
/** A file with one attempt: a flow's fields without `failed`. */
const { failed: __, ...attempt } = V3.flows[0]!;
const withAttempt = (change: File) => ({ ...base(), attempts: [{ ...attempt, ...change }] });

describe('the JSON Schema and validateExport agree', () => {
  it.each<[string, unknown, 'valid' | 'refused']>([
    ['a whole file', base(), 'valid'],
    ['nothing recorded', { ...base(), flows: [], days: [], events: [] }, 'valid'],
    [
      'the browser as site, a time with an offset',
      withFlow({ site: 'browser', firstSeen: '2026-11-20T13:00:00+01:00' }),
      'valid',
    ],
    ['a failed event with its error', withEvent({ outcome: 'error', error: 'net::ERR_BLOCKED_BY_CLIENT' }), 'valid'],
    ['an event answered from the cache', withEvent({ delivery: 'uncertain', deliveryReason: 'cache' }), 'valid'],
    ['an unknown delivery', withEvent({ delivery: 'maybe' }), 'refused'],
    ['an unknown reason', withEvent({ delivery: 'not-received', deliveryReason: 'gremlins' }), 'refused'],
    ['no data kinds', withFlow({ dataKinds: {} }), 'valid'],
    ['an attempt', withAttempt({}), 'valid'],
    ['no attempts', { ...base(), attempts: [] }, 'valid'],
    ['an attempt with a failed count', withAttempt({ failed: 1 }), 'refused'],
    ['an attempt without its data kinds', withAttempt({ dataKinds: undefined }), 'refused'],
    ['an attempt with markup in its site', withAttempt({ site: '<b>x</b>' }), 'refused'],
    ['attempts that are not a list', { ...base(), attempts: attempt }, 'refused'],
    [
      'a finding with a detail',
      withFinding({ kind: 'cookie', source: 'cookie', shape: 'text', detail: '_ga, :id' }),
      'valid',
    ],
    ['text of exactly 2048 characters', withFlow({ category: 'a'.repeat(2048) }), 'valid'],
    ['2048 characters, one outside the BMP', withEvent({ path: `/${'a'.repeat(2046)}😀` }), 'valid'],
    ['2049 characters, one outside the BMP', withEvent({ path: `/${'a'.repeat(2047)}😀` }), 'refused'],
    ['not an object', [], 'refused'],
    ['no version', noVersion, 'refused'],
    ['version 4', { ...base(), version: 4 }, 'valid'],
    ['version 5', { ...base(), version: 5 }, 'refused'],
    ['an event with consent (version 4)', withEvent({ consent: CONSENT, consentAt: STAMP }), 'valid'],
    ['consent with nothing decoded but GPC', withEvent({ consent: { gpc: true } }), 'valid'],
    ['a stamp with only its state', withEvent({ consentAt: { state: 'no-banner' } }), 'valid'],
    [
      'a send time, and a not-answered stamp with its answer’s time',
      withEvent({
        sentAt: '2026-11-20T11:59:59.000Z',
        consentAt: { ...STAMP, answeredAt: '2026-11-20T12:00:01.000Z' },
      }),
      'valid',
    ],
    ['a send time that is no time', withEvent({ sentAt: 'soon' }), 'refused'],
    [
      'an answer time on a refusal',
      withEvent({ consentAt: { state: 'refused', answeredAt: '2026-11-20T12:00:01.000Z' } }),
      'refused',
    ],
    ['a raw TC string kept', withEvent({ consent: { ...CONSENT, tcString: 'CQabc' } }), 'refused'],
    ['a TCF field the format has not', withEvent({ consent: { tcf: { ...CONSENT.tcf, raw: 'CQ' } } }), 'refused'],
    ['a TCF without its purposes', withEvent({ consent: { tcf: { cmpId: 1, policyVersion: 5 } } }), 'refused'],
    ['purpose 25', withEvent({ consent: { tcf: { ...CONSENT.tcf, purposesConsent: [25] } } }), 'refused'],
    ['purpose 0', withEvent({ consent: { tcf: { ...CONSENT.tcf, purposesConsent: [0] } } }), 'refused'],
    ['a fractional CMP id', withEvent({ consent: { tcf: { ...CONSENT.tcf, cmpId: 2.5 } } }), 'refused'],
    ['a vendor id over 16 bits', withEvent({ consent: { tcf: { ...CONSENT.tcf, vendorId: 70000 } } }), 'refused'],
    [
      '101 Additional Consent ids',
      withEvent({
        consent: { tcf: { ...CONSENT.tcf, additionalConsent: Array.from({ length: 101 }, (_, i) => i + 1) } },
      }),
      'refused',
    ],
    ['vendor consent as text', withEvent({ consent: { tcf: { ...CONSENT.tcf, vendorConsent: 'yes' } } }), 'refused'],
    [
      'a GPP opt-out that is not true or false',
      withEvent({
        consent: { gpp: { sectionIds: [7], sections: [{ id: 7, name: 'usnat', optOuts: { SaleOptOut: 1 } }] } },
      }),
      'refused',
    ],
    [
      'a GPP opt-out named like an object’s prototype',
      withEvent({
        consent: {
          gpp: { sectionIds: [], sections: [{ id: 7, name: 'usnat', optOuts: JSON.parse('{"__proto__":true}') }] },
        },
      }),
      'refused',
    ],
    [
      'a GPP section name with markup',
      withEvent({ consent: { gpp: { sectionIds: [], sections: [{ id: 7, name: '<b>', optOuts: {} }] } } }),
      'refused',
    ],
    ['an unknown storage answer', withEvent({ consent: { googleConsentMode: { adStorage: 'maybe' } } }), 'refused'],
    ['GPC as 1', withEvent({ consent: { gpc: 1 } }), 'refused'],
    ['an unknown consent state', withEvent({ consentAt: { state: 'later' } }), 'refused'],
    ['a stamp time as a number', withEvent({ consentAt: { state: 'refused', since: 1 } }), 'refused'],
    ['a CMP name with markup', withEvent({ consentAt: { state: 'refused', cmp: '<img>' } }), 'refused'],
    ['a US Privacy field the format has not', withEvent({ consent: { usPrivacy: { raw: '1YNN' } } }), 'refused'],
    ['version 1 holding version 2 findings', { ...base(), version: 1 }, 'refused'],
    ['another format', { ...base(), format: 'lightbeam' }, 'refused'],
    ['an unknown field', { ...base(), extra: true }, 'refused'],
    ['no events', { ...base(), events: undefined }, 'refused'],
    ['tracker data without a license', { ...base(), trackerData: { name: 'x', version: '1' } }, 'refused'],
    ['a negative count', withFlow({ requests: -1 }), 'refused'],
    ['a fractional count', withFlow({ requests: 1.5 }), 'refused'],
    ['a count as text', withFlow({ failed: '1' }), 'refused'],
    ['markup in a site', withFlow({ site: '<img src=x onerror=alert(1)>' }), 'refused'],
    ['a host with a space', withFlow({ domains: ['evil host'] }), 'refused'],
    ['domains that are not a list', withFlow({ domains: 'a.example' }), 'refused'],
    ['a name that is not text', withFlow({ organization: { id: 'google', name: 7 } }), 'refused'],
    ['a tab in an organization id', withEvent({ organization: 'google\tmeta' }), 'refused'],
    ['an unknown flow kind', withFlow({ kind: 'friend' }), 'refused'],
    ['an unknown data kind in a flow', withFlow({ dataKinds: { soul: V3.flows[0]!.dataKinds.identifier } }), 'refused'],
    ['data kinds as a list', withFlow({ dataKinds: [] }), 'refused'],
    [
      'a span without its end',
      withFlow({ dataKinds: { identifier: { first: '2026-11-20T12:00:00.000Z' } } }),
      'refused',
    ],
    ['a date, not a time', withFlow({ lastSeen: '2026-11-20' }), 'refused'],
    ['month 13', withEvent({ time: '2026-13-20T12:00:00.000Z' }), 'refused'],
    ['an offset of 25 hours', withEvent({ time: '2026-11-20T12:00:00.000+25:00' }), 'refused'],
    ['a day that is not a date', { ...base(), days: [{ ...V3.days[0], day: 'Friday' }] }, 'refused'],
    ['a lower-case method', withEvent({ method: 'get' }), 'refused'],
    ['an unknown outcome', withEvent({ outcome: 'blocked' }), 'refused'],
    ['an unknown data kind in an event', withEvent({ dataKinds: ['soul'] }), 'refused'],
    ['text over 2048 characters', withEvent({ path: `/${'a'.repeat(2048)}` }), 'refused'],
    ['51 findings', withEvent({ findings: Array(51).fill(V3.events[0]!.findings[1]) }), 'refused'],
    ['a finding with its value', withFinding({ value: '1234567890' }), 'refused'],
    ['a finding without its shape', withFinding({ shape: undefined }), 'refused'],
    ['an unknown shape', withFinding({ shape: 'uuid' }), 'refused'],
    ['an unknown source', withFinding({ source: 'header' }), 'refused'],
    ['a script address', withFinding({ address: 'javascript:alert(1)' }), 'refused'],
    ['a finding that is not an object', withEvent({ findings: [null] }), 'refused'],
  ])('%s', (_, file, verdict) => {
    const json = JSON.parse(JSON.stringify(file)) as unknown;
    let accepted = true;
    try {
      validateExport(json);
    } catch {
      accepted = false;
    }
    expect({ schema: matchesSchema(json), validateExport: accepted }).toEqual({
      schema: verdict === 'valid',
      validateExport: verdict === 'valid',
    });
  });
});

/** A letter as an export that includes the letters writes it: every optional field given. */
const LETTER: ExportLetter = {
  reference: 'DSC-20261102-ABCDEF',
  company: 'google',
  companyName: 'Google',
  jurisdiction: 'gdpr',
  language: 'en',
  right: 'erasure',
  channel: 'email',
  recipient: 'privacy@google.example',
  subject: 'Erasure request',
  body: 'Please erase.\n\nJane Doe',
  textHash: 'a'.repeat(64),
  status: 'extended',
  createdAt: '2026-11-02T10:00:00.000Z',
  sentOn: '2026-11-02',
  country: 'DE-BY',
  extensionAnnouncedOn: '2026-11-20',
  identification: [{ requestedOn: '2026-11-05', providedOn: '2026-11-06' }],
  name: 'Jane Doe',
  history: [
    { at: '2026-11-02T10:00:00.000Z', status: 'sent', note: '2026-11-02' },
    { at: '2026-11-20T10:00:00.000Z', status: 'extended' },
  ],
  evidence: {
    domains: ['www.google-analytics.com'],
    sites: ['news.example'],
    requests: 3,
    firstSeen: '2026-10-30T00:00:00.000Z',
    lastSeen: '2026-11-01T00:00:00.000Z',
    categories: ['site_analytics'],
    kinds: ['identifier'],
    identifiers: [{ source: 'cookie', name: '_ga', value: 'GA1.1.1234567890.1700000000', domain: 'google.com' }],
  },
};
const CONTACT: ExportContact = {
  company: 'google',
  value: 'dpo@google.example',
  representative: 'EU Rep Ltd',
  updatedAt: '2026-11-01T00:00:00.000Z',
};
const HEADER = { format: 'disclosed-export', version: 3, exportedAt: V3.exportedAt, trackerData: V3.trackerData };
const withLetter = (change: File) => ({ letter: { ...LETTER, ...change } });
const withEvidence = (change: File) => withLetter({ evidence: { ...LETTER.evidence, ...change } });
const { evidence: ___, ...letterWithoutEvidence } = LETTER;

describe('the JSON Schema and the line validators agree on letters, contacts and settings', () => {
  it.each<[string, 'header' | 'record', unknown, 'valid' | 'refused']>([
    ['a header without settings', 'header', HEADER, 'valid'],
    ['a header with a residence', 'header', { ...HEADER, settings: { residence: 'US-CA' } }, 'valid'],
    ['a header with empty settings', 'header', { ...HEADER, settings: {} }, 'valid'],
    ['an unknown residence', 'header', { ...HEADER, settings: { residence: 'Atlantis' } }, 'refused'],
    ['an unknown setting', 'header', { ...HEADER, settings: { paused: true } }, 'refused'],
    ['a letter', 'record', { letter: LETTER }, 'valid'],
    ['a letter without evidence', 'record', { letter: letterWithoutEvidence }, 'valid'],
    ['a contact', 'record', { contact: CONTACT }, 'valid'],
    ['a contact without a representative', 'record', { contact: { ...CONTACT, representative: undefined } }, 'valid'],
    ['a contact without its time', 'record', { contact: { ...CONTACT, updatedAt: undefined } }, 'refused'],
    ['a contact with an unknown field', 'record', { contact: { ...CONTACT, note: 'x' } }, 'refused'],
    ['a letter and a contact on one line', 'record', { letter: LETTER, contact: CONTACT }, 'refused'],
    ['an unknown status', 'record', withLetter({ status: 'lost' }), 'refused'],
    ['an unknown law', 'record', withLetter({ jurisdiction: 'mars' }), 'refused'],
    ['an unknown right', 'record', withLetter({ right: 'revenge' }), 'refused'],
    ['an unknown channel', 'record', withLetter({ channel: 'pigeon' }), 'refused'],
    ['an unknown field', 'record', withLetter({ html: '<b>x</b>' }), 'refused'],
    ['no body', 'record', withLetter({ body: undefined }), 'refused'],
    ['no history', 'record', withLetter({ history: undefined }), 'refused'],
    ['a body of a million characters', 'record', withLetter({ body: 'a'.repeat(1_000_000) }), 'valid'],
    ['a body over a million characters', 'record', withLetter({ body: 'a'.repeat(1_000_001) }), 'refused'],
    ['a reference over 100 characters', 'record', withLetter({ reference: 'D'.repeat(101) }), 'refused'],
    ['a company with a tab', 'record', withLetter({ company: 'google\tmeta' }), 'refused'],
    ['a text hash in capitals', 'record', withLetter({ textHash: 'A'.repeat(64) }), 'refused'],
    ['a created time as a number', 'record', withLetter({ createdAt: 1_762_077_600_000 }), 'refused'],
    ['a sent day that is a time', 'record', withLetter({ sentOn: LETTER.createdAt }), 'refused'],
    ['a history entry without status', 'record', withLetter({ history: [{ at: LETTER.createdAt }] }), 'refused'],
    [
      'a history note that is not text',
      'record',
      withLetter({ history: [{ ...LETTER.history[0], note: 1 }] }),
      'refused',
    ],
    [
      'identification without its request',
      'record',
      withLetter({ identification: [{ providedOn: '2026-11-06' }] }),
      'refused',
    ],
    ['evidence without its identifiers', 'record', withEvidence({ identifiers: undefined }), 'refused'],
    ['evidence with a negative count', 'record', withEvidence({ requests: -1 }), 'refused'],
    ['evidence times as numbers', 'record', withEvidence({ firstSeen: 0 }), 'refused'],
    [
      'a cited identifier without a value',
      'record',
      withEvidence({ identifiers: [{ source: 'url', name: 'x' }] }),
      'refused',
    ],
    ['101 categories', 'record', withEvidence({ categories: Array(101).fill('ads') }), 'refused'],
  ])('%s', (_, kind, line, verdict) => {
    const json = JSON.parse(JSON.stringify(line)) as unknown;
    let accepted = true;
    try {
      if (kind === 'header') validateHeaderLine(json);
      else validateRecordLine(json, 2);
    } catch {
      accepted = false;
    }
    const schema = kind === 'header' ? matchesHeader(json) : matchesRecord(json);
    expect({ schema, validator: accepted }).toEqual({ schema: verdict === 'valid', validator: verdict === 'valid' });
  });
});
