import type { ConsentStamp } from '../consent/types.ts';
import type { StoredFinding } from '../disclose/decode.ts';
import { type DataKind, isAddressKind } from '../disclose/kinds.ts';
import { maskAddress, maskPath, maskSegment } from '../disclose/mask.ts';
import {
  type AttemptAggregate,
  categoriesOf,
  type DayCompanyAggregate,
  type SiteCompanyAggregate,
} from '../storage/aggregates.ts';
import type { DisclosedDb } from '../storage/db.ts';
import type { SharingEvent } from '../storage/events.ts';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportAttempt,
  type ExportConsentStamp,
  type ExportContact,
  type ExportDay,
  type ExportFile,
  type ExportFinding,
  type ExportFlow,
  type ExportLetter,
  type ExportSettings,
} from './format.ts';
import { maskWords, valueShape } from './mask.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The user's letters, contacts and letter settings, which an export carries only when they ask: a letter holds the
 * identifier values it cites, the recipient and the sender's name, which nothing else in an export does.
 */
export interface PersonalOption {
  /** The letter settings to write in the header (`residence` when set). */
  residence: string;
}

/** The stored rows, named through the database (the letters' types are theirs: see the architecture test). */
type LetterRow = Parameters<DisclosedDb['letters']['put']>[0];
type ContactRow = Parameters<DisclosedDb['contacts']['put']>[0];

/**
 * Everything recorded, in the export format, in memory: for small histories and the CSV and GEXF exports (which
 * leave the events out: `events: false`). A JSON export is written in parts by `writeExport`. `nameOf` gives a
 * company's display name from its id.
 */
export async function buildExport(
  db: DisclosedDb,
  nameOf: (companyId: string) => string,
  trackerData: ExportFile['trackerData'],
  now = Date.now(),
  { events: withEvents = true, personal }: { events?: boolean; personal?: PersonalOption } = {},
): Promise<ExportFile> {
  const [flows, attempts, days, events, letters, contacts] = await Promise.all([
    db.siteCompanies.toArray(),
    db.attempts.toArray(),
    db.dayCompanies.toArray(),
    withEvents ? db.events.orderBy('time').toArray() : [],
    personal ? db.letters.toArray() : [],
    personal ? db.contacts.toArray() : [],
  ]);
  const file = exportFileOf({ flows, attempts, days, events }, nameOf, trackerData, now);
  if (!personal) return file;
  return {
    ...file,
    settings: settingsOf(personal),
    letters: letters.map(exportLetter),
    contacts: contacts.map(exportContact),
  };
}

function settingsOf(personal: PersonalOption): ExportSettings {
  return personal.residence ? { residence: personal.residence } : {};
}

/** A stored letter as the export writes it: every field, its times as ISO strings. */
export function exportLetter(letter: LetterRow): ExportLetter {
  const { createdAt, history, evidence, ...fields } = letter;
  return {
    ...fields,
    createdAt: iso(createdAt),
    history: history.map((h) => ({ ...h, at: iso(h.at) })),
    ...(evidence
      ? { evidence: { ...evidence, firstSeen: iso(evidence.firstSeen), lastSeen: iso(evidence.lastSeen) } }
      : {}),
  };
}

export function exportContact(contact: ContactRow): ExportContact {
  return { ...contact, updatedAt: iso(contact.updatedAt) };
}

/** About how many characters `writeExport` puts in one part. */
export const WRITE_PART_CHARS = 1024 * 1024;

/**
 * Writes everything recorded as the version 4 file in lines (docs/export-format.md), in parts of about `partChars`
 * characters handed to `write` as they are made: no string of the whole file, no array of every row (the events
 * are read one by one, in time order, in one read transaction). `write` must not wait: the transaction would end.
 */
export async function writeExport(
  db: DisclosedDb,
  nameOf: (companyId: string) => string,
  trackerData: ExportFile['trackerData'],
  write: (part: string) => void,
  {
    now = Date.now(),
    partChars = WRITE_PART_CHARS,
    personal,
  }: { now?: number; partChars?: number; personal?: PersonalOption } = {},
): Promise<void> {
  const parts = new PartWriter(write, partChars);
  parts.line(headerLine(trackerData, iso(now), personal && settingsOf(personal)));
  const tables = [db.siteCompanies, db.attempts, db.dayCompanies, db.events, db.letters, db.contacts];
  await db.transaction('r', tables, async () => {
    await db.siteCompanies.each((f) => parts.line(JSON.stringify({ flow: exportFlow(f, nameOf) })));
    await db.attempts.each((a) => parts.line(JSON.stringify({ attempt: exportAttempt(a, nameOf) })));
    await db.dayCompanies.each((d) => parts.line(JSON.stringify({ day: exportDay(d) })));
    await db.events.orderBy('time').each((e) => parts.line(JSON.stringify({ event: exportEvent(e) })));
    if (!personal) return;
    await db.letters.each((l) => parts.line(JSON.stringify({ letter: exportLetter(l) })));
    await db.contacts.each((c) => parts.line(JSON.stringify({ contact: exportContact(c) })));
  });
  parts.end();
}

/** An export already in memory (a salvaged one, a test's), as the lines `writeExport` writes, in parts. */
export function exportTextParts(file: ExportFile, partChars = WRITE_PART_CHARS): string[] {
  const out: string[] = [];
  const parts = new PartWriter((part) => out.push(part), partChars);
  parts.line(headerLine(file.trackerData, file.exportedAt, file.settings));
  for (const flow of file.flows) parts.line(JSON.stringify({ flow }));
  for (const attempt of file.attempts ?? []) parts.line(JSON.stringify({ attempt }));
  for (const day of file.days) parts.line(JSON.stringify({ day }));
  for (const event of file.events) parts.line(JSON.stringify({ event }));
  for (const letter of file.letters ?? []) parts.line(JSON.stringify({ letter }));
  for (const contact of file.contacts ?? []) parts.line(JSON.stringify({ contact }));
  parts.end();
  return out;
}

function headerLine(trackerData: ExportFile['trackerData'], exportedAt: string, settings?: ExportSettings): string {
  return JSON.stringify({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt,
    trackerData,
    ...(settings ? { settings } : {}),
  });
}

/** Lines gathered into parts of about a given size. */
class PartWriter {
  private lines: string[] = [];
  private chars = 0;
  constructor(
    private readonly write: (part: string) => void,
    private readonly partChars: number,
  ) {}
  line(text: string): void {
    this.lines.push(text, '\n');
    this.chars += text.length + 1;
    if (this.chars >= this.partChars) this.flush();
  }
  end(): void {
    if (this.lines.length) this.flush();
  }
  private flush(): void {
    this.write(this.lines.join(''));
    this.lines = [];
    this.chars = 0;
  }
}

/** The rows an export is made of: the (site, company) totals and attempts, (day, company) totals, events by time. */
export interface ExportRows {
  flows: SiteCompanyAggregate[];
  attempts: AttemptAggregate[];
  days: DayCompanyAggregate[];
  events: SharingEvent[];
}

/** An export of rows already read (from the database, or from what could be read of a damaged one). */
export function exportFileOf(
  { flows, attempts, days, events }: ExportRows,
  nameOf: (companyId: string) => string,
  trackerData: ExportFile['trackerData'],
  now = Date.now(),
): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(now),
    trackerData,
    flows: flows.map((f) => exportFlow(f, nameOf)),
    attempts: attempts.map((a) => exportAttempt(a, nameOf)),
    days: days.map(exportDay),
    events: events.map(exportEvent),
  };
}

function exportDay(d: DayCompanyAggregate): ExportDay {
  return {
    day: d.day,
    organization: d.company,
    kind: d.kind,
    requests: d.requests,
    sites: d.sites,
    ...(d.sitesMore ? { sitesMore: d.sitesMore } : {}),
  };
}

function exportFlow(f: SiteCompanyAggregate, nameOf: (id: string) => string): ExportFlow {
  const { failed: _, ...attempt } = f;
  const { dataKinds, ...fields } = exportAttempt(attempt, nameOf);
  return { ...fields, failed: f.failed, dataKinds };
}

/** An attempt total: a flow's fields without `failed`. */
function exportAttempt(a: AttemptAggregate, nameOf: (id: string) => string): ExportAttempt {
  const dataKinds: ExportFlow['dataKinds'] = {};
  for (const [kind, span] of Object.entries(a.kinds ?? {})) {
    if (span) dataKinds[kind as DataKind] = { first: iso(span.first), last: iso(span.last) };
  }
  return {
    site: a.site,
    organization: { id: a.company, name: nameOf(a.company) },
    kind: a.kind,
    category: a.category,
    categories: { ...categoriesOf(a) },
    // In the order first seen, as stored: an import must give back exactly what was exported.
    domains: [...a.hosts],
    ...(a.hostsMore ? { domainsMore: a.hostsMore } : {}),
    requests: a.requests,
    firstSeen: iso(a.firstSeen),
    lastSeen: iso(a.lastSeen),
    dataKinds,
  };
}

function exportEvent(e: SharingEvent): ExportFile['events'][number] {
  return {
    time: iso(e.time),
    ...(e.sentAt !== undefined ? { sentAt: iso(e.sentAt) } : {}),
    site: e.site,
    organization: e.company,
    kind: e.kind,
    category: e.category,
    host: e.host,
    ...(e.cname ? { cname: e.cname } : {}),
    path: maskPath(e.path),
    type: e.type,
    method: e.method,
    outcome: e.outcome,
    ...(e.error ? { error: e.error } : {}),
    ...(e.delivery ? { delivery: e.delivery } : {}),
    ...(e.deliveryReason ? { deliveryReason: e.deliveryReason } : {}),
    dataKinds: e.kinds ?? [],
    findings: (e.findings ?? []).map(exportFinding),
    // What the consent signals said, decoded (the recorder never kept the strings), and the page's state then.
    ...(e.consent ? { consent: e.consent } : {}),
    ...(e.consentAt ? { consentAt: exportStamp(e.consentAt) } : {}),
  };
}

function exportStamp(stamp: ConsentStamp): ExportConsentStamp {
  const { since, answeredAt, ...rest } = stamp;
  return {
    ...rest,
    ...(since !== undefined ? { since: iso(since) } : {}),
    ...(answeredAt !== undefined ? { answeredAt: iso(answeredAt) } : {}),
  };
}

/**
 * Kinds whose detail is Disclosed's own description (`screen 1920×1080`, `purchase`), a full address's parameter
 * names or, for cookies, the cookie names: kept, masked. Any other detail is left out: a location's is the
 * coordinates, an identifier's repeats the parameter name.
 */
const DETAIL_KEPT = new Set<string>(['full-address', 'device', 'event', 'session-recording', 'cookie']);

/** A finding without a character of its value: what carried what, and the value's shape. */
export function exportFinding(f: StoredFinding): ExportFinding {
  const address = isAddressKind(f.kind) ? maskAddress(f.value) : undefined;
  return {
    kind: f.kind,
    source: f.source,
    name: f.name.split('.').map(maskSegment).join('.'),
    shape: valueShape(f.value),
    ...(address ? { address } : {}),
    ...(f.detail && DETAIL_KEPT.has(f.kind) ? { detail: maskWords(f.detail) } : {}),
  };
}

export type ExportFormat = 'json' | 'csv' | 'gexf';

/** The name and media type of an export file (`disclosed-2026-11-23.ndjson`: the JSON export is in lines). */
export function exportFileName(format: ExportFormat, now: number): { type: string; filename: string } {
  const day = iso(now).slice(0, 10);
  if (format === 'json') return { type: 'application/x-ndjson', filename: `disclosed-${day}.ndjson` };
  return { type: format === 'csv' ? 'text/csv' : 'application/gexf+xml', filename: `disclosed-${day}.${format}` };
}

/** An export in memory as a file to save: its text in parts, media type and name. */
export function renderExport(
  file: ExportFile,
  format: ExportFormat,
): { parts: string[]; type: string; filename: string } {
  const name = exportFileName(format, Date.parse(file.exportedAt));
  if (format === 'csv') return { parts: [flowsCsv(file)], ...name };
  if (format === 'gexf') return { parts: [flowsGexf(file)], ...name };
  return { parts: exportTextParts(file), ...name };
}

/** The flows as CSV (RFC 4180), one row per (site, organization). */
export function flowsCsv(file: ExportFile): string {
  const header = [
    'site',
    'organization_id',
    'organization',
    'kind',
    'category',
    'domains',
    'requests',
    'failed',
    'first_seen',
    'last_seen',
    'data_kinds',
  ];
  const rows = file.flows.map((f) => [
    f.site,
    f.organization.id,
    f.organization.name,
    f.kind,
    f.category,
    f.domains.join(' '),
    String(f.requests),
    String(f.failed),
    f.firstSeen,
    f.lastSeen,
    Object.keys(f.dataKinds).join(' '),
  ]);
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet (names come from the web). */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The sites ↔ organizations graph as GEXF 1.3, for Gephi: edge weight is the number of requests. */
export function flowsGexf(file: ExportFile): string {
  const nodes = new Map<string, { label: string; type: string }>();
  for (const f of file.flows) {
    nodes.set(`site:${f.site}`, { label: f.site, type: 'site' });
    nodes.set(`org:${f.organization.id}`, {
      label: f.organization.name,
      type: f.kind === 'tracker' ? 'organization' : 'unlisted',
    });
  }
  const ids = new Map([...nodes.keys()].map((k, i) => [k, `n${i}`]));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `  <meta lastmodifieddate="${xml(file.exportedAt.slice(0, 10))}"><creator>Disclosed</creator></meta>`,
    '  <graph defaultedgetype="undirected">',
    '    <attributes class="node"><attribute id="type" title="type" type="string"/></attributes>',
    '    <nodes>',
    ...[...nodes].map(
      ([key, n]) =>
        `      <node id="${ids.get(key)}" label="${xml(n.label)}"><attvalues><attvalue for="type" value="${n.type}"/></attvalues></node>`,
    ),
    '    </nodes>',
    '    <edges>',
    ...file.flows.map(
      (f, i) =>
        `      <edge id="e${i}" source="${ids.get(`site:${f.site}`)}" target="${ids.get(`org:${f.organization.id}`)}" weight="${f.requests}"/>`,
    ),
    '    </edges>',
    '  </graph>',
    '</gexf>',
  ];
  return `${lines.join('\n')}\n`;
}

function xml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
