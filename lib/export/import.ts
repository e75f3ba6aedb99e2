import type { ConsentStamp } from '../consent/types.ts';
import { localDay } from '../day.ts';
import { keptAddress, type StoredFinding } from '../disclose/decode.ts';
import { type DataKind, isAddressKind } from '../disclose/kinds.ts';
import { maskPath } from '../disclose/mask.ts';
import { secretName } from '../disclose/rules.ts';
import { AddressLevels } from '../storage/addresses.ts';
import {
  type AttemptAggregate,
  type DayCompanyAggregate,
  mergeAttempt,
  mergeDayFlow,
  mergeFlow,
  rankCategories,
  type SiteCompanyAggregate,
} from '../storage/aggregates.ts';
import type { DisclosedDb } from '../storage/db.ts';
import type { SharingEvent } from '../storage/events.ts';
import { rebuildSummaries } from '../storage/summaries.ts';
import type { ExportAttempt, ExportConsentStamp, ExportFlow, ExportLetter, ReadableExport } from './format.ts';
import { shapeMarker } from './mask.ts';

type LetterRecord = Parameters<DisclosedDb['letters']['put']>[0];
type ContactCorrection = Parameters<DisclosedDb['contacts']['put']>[0];

import { exportParts, type PartLimits, readExport, readWholeExport, type TextPieces } from './stream.ts';

export interface ImportReport {
  flowsAdded: number;
  flowsUpdated: number;
  /** Attempt totals (requests not known to have reached the company) new to this history. */
  attemptsAdded: number;
  daysAdded: number;
  eventsAdded: number;
  eventsAlreadyThere: number;
  /** Letters new to this browser, and letters whose copy in the file had changed status later than the one here. */
  lettersAdded: number;
  lettersUpdated: number;
  /** Contacts new here, or newer in the file than here. */
  contactsSaved: number;
}

/** What an import may change besides the database: the user's letter settings. */
export interface ImportSettings {
  /** The residence set here ('' when none), once the settings are read. */
  residence: () => Promise<string>;
  /** Sets the residence (only called when none was set here). */
  setResidence: (residence: string) => Promise<unknown>;
}

/**
 * Reads an export file's text (a small file, or one part of a large one: see `importFile`): parses, validates every
 * field (see format.ts), then merges it in one transaction. Anything wrong — not JSON, another format, a bad field —
 * throws before a single row is written.
 *
 * Merging is idempotent: importing the same file twice adds nothing the second time. Events are matched on what
 * they are (time, site, company, host, path, type, method); totals take the larger count and the wider time span,
 * which is exact for a file exported from this same history (export, clear, import) and never double-counts.
 *
 * The recorder caches totals: call this through the background, which flushes and invalidates it.
 */
export async function importExport(
  db: DisclosedDb,
  fileText: string,
  settings?: ImportSettings,
): Promise<ImportReport> {
  const file = await readWholeExport(fileText);
  const report = await merge(db, file);
  // A file's residence fills in one never set here; it never replaces the user's own choice.
  const residence = file.version >= 3 ? file.settings?.residence : undefined;
  if (settings && residence && !(await settings.residence())) await settings.setResidence(residence);
  return report;
}

/**
 * Imports a file of any size, read in pieces and never held whole: first every line is checked (nothing is written
 * if one is wrong), then the file is read again and imported part by part, each part (a file of its own: the header
 * and some lines) by `importPart`, in one transaction. A part that fails (a full disk) stops the import with what was
 * imported so far kept; merging is idempotent, so importing the same file again completes it.
 *
 * `open` gives the file's text from its start, each time it is called (`file.stream()` through a TextDecoderStream).
 */
export async function importFile(
  open: () => TextPieces,
  importPart: (partText: string) => Promise<ImportReport>,
  limits?: PartLimits,
): Promise<ImportReport> {
  let header = false;
  for await (const item of readExport(open())) header ||= 'header' in item || 'whole' in item;
  if (!header) throw new Error('The file is empty: it is not a Disclosed export.');
  const total = emptyReport();
  let parts = 0;
  for await (const part of exportParts(open(), limits)) {
    let report: ImportReport;
    try {
      report = await importPart(part);
    } catch (error) {
      if (!parts) throw error;
      throw new ImportStopped(error instanceof Error ? error.message : String(error), total);
    }
    parts++;
    for (const key of Object.keys(total) as (keyof ImportReport)[]) total[key] += report[key];
  }
  return total;
}

/** An import that failed after some of its parts were written: what they added is kept, and said. */
export class ImportStopped extends Error {
  constructor(
    reason: string,
    readonly imported: ImportReport,
  ) {
    super(reason);
    this.name = 'ImportStopped';
  }
}

export const emptyReport = (): ImportReport => ({
  flowsAdded: 0,
  flowsUpdated: 0,
  attemptsAdded: 0,
  daysAdded: 0,
  eventsAdded: 0,
  eventsAlreadyThere: 0,
  lettersAdded: 0,
  lettersUpdated: 0,
  contactsSaved: 0,
});

const ms = (iso: string) => Date.parse(iso);
/** Paths compare masked: a version 2 file holds them so, the browser it came from holds them whole. */
const eventKey = (e: Pick<SharingEvent, 'time' | 'site' | 'company' | 'host' | 'path' | 'type' | 'method'>) =>
  [e.time, e.site, e.company, e.host, maskPath(e.path), e.type, e.method].join('\n');

/**
 * An imported finding as stored. A version 2 file has no value to give back: a page finding keeps its masked address,
 * any other the mark of its shape (`‹digits›`), which is what the history then shows and exports again.
 */
function storedFinding(f: ReadableExport['events'][number]['findings'][number]): StoredFinding {
  // A version 1 value under a credential's name is not brought back (schema 11 forgot such values); an address is
  // kept as addresses are (masked, the query's names only), whatever the file holds.
  if ('value' in f) {
    if (f.kind === 'secret' || secretName(f.name)) return { ...f, value: '' };
    return isAddressKind(f.kind) ? { ...f, value: keptAddress(f.value) } : f;
  }
  return {
    kind: f.kind,
    source: f.source,
    name: f.name,
    value: f.address !== undefined ? keptAddress(f.address) : shapeMarker(f.shape),
    ...(f.detail ? { detail: f.detail } : {}),
  };
}

/** A flow's or an attempt's fields as stored (a flow adds its `failed`). */
function storedAttempt(a: ExportAttempt): AttemptAggregate {
  const kinds: AttemptAggregate['kinds'] = {};
  for (const [k, span] of Object.entries(a.dataKinds)) {
    if (span) kinds[k as DataKind] = { first: ms(span.first), last: ms(span.last) };
  }
  return {
    site: a.site,
    company: a.organization.id,
    kind: a.kind,
    // An older export names one category: every request counts under it.
    category: (a.categories && rankCategories(a.categories)[0]?.category) || a.category,
    categories: a.categories ? { ...a.categories } : { [a.category]: a.requests },
    requests: a.requests,
    firstSeen: ms(a.firstSeen),
    lastSeen: ms(a.lastSeen),
    hosts: a.domains,
    kinds,
    ...(a.domainsMore ? { hostsMore: a.domainsMore } : {}),
  };
}

function storedLetter(l: ExportLetter): LetterRecord {
  const { createdAt, history, evidence, ...fields } = l;
  return {
    ...fields,
    createdAt: ms(createdAt),
    history: history.map((h) => ({ ...h, at: ms(h.at) })),
    ...(evidence
      ? { evidence: { ...evidence, firstSeen: ms(evidence.firstSeen), lastSeen: ms(evidence.lastSeen) } }
      : {}),
  };
}

/** When a letter's status last changed: its last history entry (its creation when it has none). */
const statusChangedAt = (l: Pick<LetterRecord, 'createdAt' | 'history'>) =>
  l.history.reduce((latest, h) => Math.max(latest, h.at), l.createdAt);

function storedEvent(e: ReadableExport['events'][number]): SharingEvent {
  return {
    time: ms(e.time),
    ...('sentAt' in e && e.sentAt ? { sentAt: ms(e.sentAt) } : {}),
    page: 'import',
    tabId: -1,
    site: e.site,
    company: e.organization,
    kind: e.kind,
    category: e.category,
    host: e.host,
    ...(e.cname ? { cname: e.cname } : {}),
    path: e.path,
    type: e.type,
    method: e.method,
    outcome: e.outcome,
    ...(e.error ? { error: e.error } : {}),
    ...(e.delivery ? { delivery: e.delivery } : {}),
    ...(e.deliveryReason ? { deliveryReason: e.deliveryReason } : {}),
    kinds: e.dataKinds,
    findings: e.findings.map(storedFinding),
    ...('consent' in e && e.consent ? { consent: e.consent } : {}),
    ...('consentAt' in e && e.consentAt ? { consentAt: storedStamp(e.consentAt) } : {}),
  };
}

/** A consent stamp as stored: its time in ms again. */
function storedStamp(stamp: ExportConsentStamp): ConsentStamp {
  const { since, answeredAt, ...rest } = stamp;
  return {
    ...rest,
    ...(since !== undefined ? { since: ms(since) } : {}),
    ...(answeredAt !== undefined ? { answeredAt: ms(answeredAt) } : {}),
  };
}

/**
 * A file from before Disclosed kept attempts apart (its database's schema 7) counts blocked and failed requests in
 * its flows' `requests` (with `failed` saying how many) and its days. Read as the schema 7 upgrade reads such a
 * history: a flow's failed requests become an attempt (with the flow's kinds only when every request failed: which
 * kinds the failures carried is not known otherwise), the failed events of the file are taken off their days, and a
 * site whose every request to a company failed leaves that company's days. Nothing stopped is imported as received.
 */
export function separateFailed(file: ReadableExport): ReadableExport {
  if (file.version >= 3 || file.attempts?.length || !file.flows.some((f) => f.failed > 0)) return file;
  const failedPerDay = new Map<string, number>();
  for (const e of file.events) {
    if (e.outcome !== 'error') continue;
    const key = `${localDay(ms(e.time))}\n${e.organization}`;
    failedPerDay.set(key, (failedPerDay.get(key) ?? 0) + 1);
  }
  const flows: ExportFlow[] = [];
  const attempts: ExportAttempt[] = [];
  const gone = new Set<string>();
  for (const f of file.flows) {
    if (!f.failed) {
      flows.push(f);
      continue;
    }
    const whole = f.failed >= f.requests;
    const { failed: _, ...fields } = f;
    attempts.push({ ...fields, requests: Math.min(f.failed, f.requests), dataKinds: whole ? f.dataKinds : {} });
    if (whole) gone.add(`${f.site}\n${f.organization.id}`);
    else flows.push({ ...f, requests: f.requests - f.failed, failed: 0 });
  }
  const days = file.days
    .map((d) => ({
      ...d,
      requests: Math.max(0, d.requests - (failedPerDay.get(`${d.day}\n${d.organization}`) ?? 0)),
      sites: d.sites.filter((site) => !gone.has(`${site}\n${d.organization}`)),
    }))
    .filter((d) => d.sites.length > 0 && d.requests > 0);
  return { ...file, flows, attempts, days } as ReadableExport;
}

async function merge(db: DisclosedDb, given: ReadableExport): Promise<ImportReport> {
  const file = separateFailed(given);
  const report = emptyReport();
  const tables = [
    db.events,
    db.siteCompanies,
    db.attempts,
    db.dayCompanies,
    db.companies,
    db.sites,
    db.days,
    db.dayParts,
    db.letters,
    db.contacts,
  ];
  const incomingEvents = file.events.map(storedEvent);
  // Before version 3 one `page-address` stood for the three levels: split as the version 8 upgrade splits them.
  const levels = file.version < 3 ? new AddressLevels() : undefined;
  if (levels) for (const e of incomingEvents) levels.upgradeEvent(e);
  const stored = (a: ExportAttempt, received: boolean) => {
    const row = storedAttempt(a);
    if (levels) row.kinds = levels.upgradeKinds(row, received);
    return row;
  };
  await db.transaction('rw', tables, async () => {
    const existingFlows = await db.siteCompanies.bulkGet(file.flows.map((f) => [f.site, f.organization.id]));
    const flows: SiteCompanyAggregate[] = file.flows.map((f, i) => {
      // In the recorder's key order (`flowOf`): a row imported back reads exactly as the one exported.
      const { site, company, kind, category, categories, requests, ...rest } = stored(f, true);
      const incoming: SiteCompanyAggregate = {
        site,
        company,
        kind,
        category,
        categories,
        requests,
        failed: f.failed,
        ...rest,
      };
      const local = existingFlows[i];
      if (!local) {
        report.flowsAdded++;
        return incoming;
      }
      report.flowsUpdated++;
      mergeFlow(local, incoming, 'max');
      return local;
    });

    // Attempts merge as flows do (an older file has none): the larger count, the wider span.
    const fileAttempts = file.attempts ?? [];
    const existingAttempts = await db.attempts.bulkGet(fileAttempts.map((a) => [a.site, a.organization.id]));
    const attempts: AttemptAggregate[] = fileAttempts.map((a, i) => {
      const incoming = stored(a, false);
      const local = existingAttempts[i];
      if (!local) {
        report.attemptsAdded++;
        return incoming;
      }
      mergeAttempt(local, incoming, 'max');
      return local;
    });

    const existingDays = await db.dayCompanies.bulkGet(file.days.map((d) => [d.day, d.organization]));
    const days: DayCompanyAggregate[] = file.days.map((d, i) => {
      const incoming: DayCompanyAggregate = {
        day: d.day,
        company: d.organization,
        kind: d.kind,
        requests: d.requests,
        sites: [...new Set(d.sites)],
        ...(d.sitesMore ? { sitesMore: d.sitesMore } : {}),
      };
      const local = existingDays[i];
      if (!local) {
        report.daysAdded++;
        return incoming;
      }
      mergeDayFlow(local, incoming, 'max');
      return local;
    });

    // How many of each event the history holds: a file's events are matched one to one, so two identical requests
    // (a page firing the same beacon twice in one millisecond) both come back, and a second import adds none.
    const known = new Map<string, number>();
    if (file.events.length) {
      // A loop, not Math.min(...times): a million arguments would overflow the stack.
      let from = Infinity;
      let to = -Infinity;
      for (const e of file.events) {
        const t = ms(e.time);
        if (t < from) from = t;
        if (t > to) to = t;
      }
      await db.events
        .where('time')
        .between(from, to, true, true)
        .each((e) => {
          const key = eventKey(e);
          known.set(key, (known.get(key) ?? 0) + 1);
        });
    }
    const events: SharingEvent[] = [];
    for (const event of incomingEvents) {
      const key = eventKey(event);
      const held = known.get(key) ?? 0;
      if (held > 0) {
        known.set(key, held - 1);
        report.eventsAlreadyThere++;
        continue;
      }
      events.push(event);
    }
    report.eventsAdded = events.length;

    // Letters by reference: of two copies of one letter the one whose status changed last is kept (the one here
    // when both changed at the same time), so importing an older backup never undoes what the user recorded since.
    const fileLetters = (file.version >= 3 ? (file.letters ?? []) : []).map(storedLetter);
    const existingLetters = await db.letters.bulkGet(fileLetters.map((l) => l.reference));
    const letters = fileLetters.filter((l, i) => {
      const local = existingLetters[i];
      if (!local) report.lettersAdded++;
      else if (statusChangedAt(l) > statusChangedAt(local)) report.lettersUpdated++;
      else return false;
      return true;
    });
    // Contacts by company: the one corrected last.
    const fileContacts = (file.version >= 3 ? (file.contacts ?? []) : []).map(
      (c): ContactCorrection => ({ ...c, updatedAt: ms(c.updatedAt) }),
    );
    const existingContacts = await db.contacts.bulkGet(fileContacts.map((c) => c.company));
    const contacts = fileContacts.filter((c, i) => {
      const local = existingContacts[i];
      return !local || c.updatedAt > local.updatedAt;
    });
    report.contactsSaved = contacts.length;

    await Promise.all([
      db.siteCompanies.bulkPut(flows),
      db.attempts.bulkPut(attempts),
      db.dayCompanies.bulkPut(days),
      db.events.bulkAdd(events),
      db.letters.bulkPut(letters),
      db.contacts.bulkPut(contacts),
    ]);
    await rebuildSummaries(db, {
      companies: flows.map((f) => f.company),
      sites: flows.map((f) => f.site),
      days: days.map((d) => d.day),
    });
  });
  return report;
}
