import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import { consentFlow } from '../consent/flows.ts';
import { localDay } from '../day.ts';
import { secretName } from '../disclose/rules.ts';
import type { ContactCorrection, LetterRecord } from '../letters/types.ts';
import { upgradeAddressLevels } from './addresses.ts';
import type {
  AttemptAggregate,
  CompanySummary,
  DayCompanyAggregate,
  DayPart,
  DaySummary,
  SiteCompanyAggregate,
  SiteDay,
  SiteSummary,
} from './aggregates.ts';
import type { ObservedIdentifier, PageLoad, SharingEvent } from './events.ts';
import { repairTotals } from './repair.ts';
import { rebuildSummaries } from './summaries.ts';

export type DisclosedDb = Dexie & {
  events: EntityTable<SharingEvent, 'id'>;
  pages: EntityTable<PageLoad, 'key'>;
  /** Keyed by [site, company]. */
  siteCompanies: Table<SiteCompanyAggregate, [string, string]>;
  /** Keyed by [day, company]. */
  dayCompanies: Table<DayCompanyAggregate, [string, string]>;
  /** Keyed by [company, name, value]. */
  identifiers: Table<ObservedIdentifier, [string, string, string]>;
  companies: Table<CompanySummary, string>;
  sites: Table<SiteSummary, string>;
  days: Table<DaySummary, string>;
  /** Keyed by [site, company]: requests not known to have reached the company. Since version 7. */
  attempts: Table<AttemptAggregate, [string, string]>;
  /** Keyed by [day, part]: each day's pairs and requests per company, in parts. Since version 12. */
  dayParts: Table<DayPart, [string, number]>;
  /** Keyed by [site, day]: the unlisted parties a site added that day, and those beyond the bound. Since 12. */
  siteDays: Table<SiteDay, [string, string]>;
  letters: Table<LetterRecord, string>;
  contacts: Table<ContactCorrection, string>;
};

export const DB_NAME = 'disclosed';

/**
 * The tables that hold what was recorded (not the user's letters and contacts): what the recorder writes in one
 * transaction, and what forgetting a site or deleting everything goes through.
 */
export function recordTables(db: DisclosedDb) {
  return [
    db.events,
    db.pages,
    db.siteCompanies,
    db.dayCompanies,
    db.identifiers,
    db.companies,
    db.sites,
    db.days,
    db.attempts,
    db.dayParts,
    db.siteDays,
  ];
}

/**
 * Opens the database. The version history below is the schema's history: every change is a new version (with an
 * `upgrade()` when stored data must be reshaped), never an edit of an old one.
 */
export function openDb(name = DB_NAME): DisclosedDb {
  // No query cache: Dexie's deep-clones every live query's result (14 ms for the companies list at a million events)
  // to serve repeats and optimistic writes, and the views here neither repeat their queries nor write much.
  const db = new Dexie(name, { cache: 'disabled' }) as DisclosedDb;
  db.version(1).stores({
    events: '++id, time, [page+company], [site+company], company',
    pages: 'key, [tabId+startedAt], startedAt',
    siteCompanies: '[site+company], site, company, lastSeen',
    dayCompanies: '[day+company], day, company',
  });
  // 2: what each request carried (data kinds and the parameters that carried them), and identifiers per company.
  db.version(2)
    .stores({ identifiers: '[company+name+value], company, lastSeen' })
    .upgrade(async (tx) => {
      await tx
        .table('events')
        .toCollection()
        .modify((e: Partial<SharingEvent>) => {
          e.kinds ??= [];
          e.findings ??= [];
        });
      await tx
        .table('siteCompanies')
        .toCollection()
        .modify((a: Partial<SiteCompanyAggregate>) => {
          a.kinds ??= {};
        });
    });
  // Every summary rebuilt from the totals, inside an upgrade's transaction. The totals are repaired first: a malformed
  // row an older version left must not stop the upgrade (the database would stay closed). Before version 12 the
  // days' summaries had another shape, with no parts to write them to: the upgrades before it leave the days to
  // version 12's, which every database opened now goes through.
  const rebuildAll = (tx: Transaction, days = false) =>
    repairTotals(tx).then(() =>
      rebuildSummaries({
        siteCompanies: tx.table('siteCompanies'),
        dayCompanies: tx.table('dayCompanies'),
        companies: tx.table('companies'),
        sites: tx.table('sites'),
        days: tx.table('days'),
        ...(days ? { dayParts: tx.table('dayParts') } : {}),
      }),
    );
  // 3: summaries per company, site and day, so the dashboard reads a few thousand rows at any history size.
  db.version(3).stores({ companies: 'company, sites', sites: 'site', days: 'day' });
  // 4: deletion requests and the privacy contacts the user corrected.
  db.version(4).stores({ letters: 'reference, company, status, createdAt', contacts: 'company' });
  // 5: each day's (site, company) pairs in its summary; 6: its requests per company, and both as lines of text.
  // Version 6 builds every summary from the totals, so an older database (from version 2 on) is rebuilt once.
  db.version(5).stores({});
  db.version(6).stores({}).upgrade(rebuildAll);
  // 7: the totals count only what reached the company; attempts (blocked, failed, from the cache) are kept apart.
  db.version(7)
    .stores({ attempts: '[site+company], company, site' })
    .upgrade((tx) =>
      repairTotals(tx)
        .then(() => separateAttempts(tx))
        .then(() => rebuildAll(tx)),
    );
  // 8: the page address at three levels (the site, the page, the full address) where one kind stood for all three.
  db.version(8)
    .stores({})
    .upgrade((tx) =>
      repairTotals(tx)
        .then(() => upgradeAddressLevels(tx))
        .then(() => rebuildAll(tx)),
    );
  // 9: requests per category in the (site, company) totals and attempts, and in each company's summary, main
  // category first: a total's one category (the first it saw) becomes all its requests'.
  db.version(9)
    .stores({})
    .upgrade(async (tx) => {
      const perCategory = (f: SiteCompanyAggregate | AttemptAggregate) => {
        f.categories ??= { [f.category]: f.requests };
      };
      await tx.table('siteCompanies').toCollection().modify(perCategory);
      await tx.table('attempts').toCollection().modify(perCategory);
      await rebuildAll(tx);
    });
  // 11: values under a credential's name (a login form's password, an access token) were kept as identifiers; they
  // are forgotten. (10 was left to another change: versions need not follow one another.)
  db.version(11).stores({}).upgrade(forgetSecrets);
  // 12: the days' pairs and requests per company in parts (the recorder rewrites only the last), the unlisted parties
  // each site added per day, and the attempts by last seen (retention). Every summary is rebuilt from the totals:
  // the days' two texts become parts.
  db.version(12)
    .stores({
      dayParts: '[day+part]',
      siteDays: '[site+day], day',
      attempts: '[site+company], company, site, lastSeen',
    })
    .upgrade((tx) => rebuildAll(tx, true));
  // 13: the consent evidence by company and by site, newest first, so a site's or a company's page reads its latest
  // flows and counts the rest without going through its events (see `evidenceAt` in events.ts). Only events that
  // carry a consent stamp can be evidence: the rest are not touched.
  db.version(13)
    .stores({ events: '++id, time, [page+company], [site+company], company, [company+evidenceAt], [site+evidenceAt]' })
    .upgrade((tx) =>
      tx
        .table('events')
        .filter((e: SharingEvent) => e.consentAt !== undefined)
        .modify((e: SharingEvent) => {
          const at = evidenceAt(e);
          if (at === undefined) delete e.evidenceAt;
          else e.evidenceAt = at;
        }),
    );
  // 14: a page load's events by finishing time, so a re-stamp of its consent states reads only the events sent from
  // the earliest state that changed (an event finishes after it is sent) rather than every event of the load.
  db.version(14).stores({
    events: '++id, time, [page+company], [site+company], company, [company+evidenceAt], [site+evidenceAt], [page+time]',
  });
  keepEvidenceAt(db);
  return db;
}

/**
 * An event's `evidenceAt`, derived from the rest of it: the flow's send time when `consentFlow` counts it as consent
 * evidence, `STAMPED_ONLY` when it carries a consent stamp and is none (so a page can tell "no evidence" from "nothing
 * known"), absent when it carries no stamp.
 */
export function evidenceAt(e: SharingEvent): number | undefined {
  if (!e.consentAt) return undefined;
  return consentFlow(e)?.sentAt ?? STAMPED_ONLY;
}

/** `evidenceAt` of an event that carried a consent stamp and is no evidence: below every send time. */
export const STAMPED_ONLY = 0;

/**
 * Keeps `evidenceAt` true on every write, whoever writes: the recorder's bulkAdd, the import, the classroom, and a
 * later `update(id, { consentAt })` re-stamping a request once the banner's answer is known. Worked out again from the
 * event as it will be stored (the stored one with the changes applied), so no writer needs to know of the field.
 */
function keepEvidenceAt(db: DisclosedDb): void {
  db.events.hook('creating', (_key, e) => {
    const at = evidenceAt(e);
    if (at === undefined) delete e.evidenceAt;
    else e.evidenceAt = at;
  });
  db.events.hook('updating', (changes, _key, stored) => {
    const paths = Object.keys(changes);
    if (paths.length === 1 && paths[0] === 'evidenceAt') return undefined;
    // A change by key path (`consentAt.answeredAt`) is applied to a copy deep enough not to touch the stored object.
    const next: SharingEvent = paths.some((p) => p.includes('.')) ? structuredClone(stored) : { ...stored };
    for (const [path, value] of Object.entries(changes)) Dexie.setByKeyPath(next, path, value);
    const at = evidenceAt(next);
    return at === stored.evidenceAt ? undefined : { evidenceAt: at };
  });
}

/**
 * The version 11 upgrade: identifier rows under a credential's name are deleted, and a stored finding under such a
 * name keeps its kind and name but not its shortened value. (Which other fields of an old login form came with a
 * password cannot be told from what was stored: only the credential names themselves are found.)
 */
async function forgetSecrets(tx: Transaction): Promise<void> {
  await tx
    .table('identifiers')
    .filter((i: ObservedIdentifier) => !!secretName(i.name))
    .delete();
  await tx
    .table('events')
    .filter((e: SharingEvent) => !!e.findings?.some((f) => f.value && secretName(f.name)))
    .modify((e: SharingEvent) => {
      for (const f of e.findings ?? []) if (secretName(f.name)) f.value = '';
    });
}

/**
 * The version 7 upgrade, as far as what was stored allows: each (site, company) total's failed requests become an
 * attempt total (with its kinds only when every request failed: otherwise which kinds the failures carried is not
 * known, and the received total keeps them all); the failed events still stored are taken off their day's totals,
 * and a site whose every request to a company failed leaves that company's days. Older records had no cache flag:
 * a completed request stays received.
 */
async function separateAttempts(tx: Transaction): Promise<void> {
  const failedPerDay = new Map<string, number>();
  await tx
    .table('events')
    .filter((e: SharingEvent) => e.outcome === 'error')
    .each((e: SharingEvent) => {
      const key = `${localDay(e.time)}\n${e.company}`;
      failedPerDay.set(key, (failedPerDay.get(key) ?? 0) + 1);
    });
  const attempts: AttemptAggregate[] = [];
  const gone = new Set<string>();
  await tx
    .table('siteCompanies')
    .toCollection()
    .modify((f: SiteCompanyAggregate, ref: { value?: unknown }) => {
      if (!f.failed) return;
      const whole = f.failed >= f.requests;
      attempts.push({
        site: f.site,
        company: f.company,
        kind: f.kind,
        category: f.category,
        categories: { [f.category]: f.failed },
        requests: f.failed,
        firstSeen: f.firstSeen,
        lastSeen: f.lastSeen,
        hosts: [...f.hosts],
        kinds: whole ? (f.kinds ?? {}) : {},
      });
      if (whole) {
        gone.add(`${f.site}\n${f.company}`);
        delete ref.value;
      } else {
        f.requests -= f.failed;
        f.failed = 0;
      }
    });
  await tx.table('attempts').bulkPut(attempts);
  await tx
    .table('dayCompanies')
    .toCollection()
    .modify((d: DayCompanyAggregate, ref: { value?: unknown }) => {
      d.requests = Math.max(0, d.requests - (failedPerDay.get(`${d.day}\n${d.company}`) ?? 0));
      d.sites = d.sites.filter((site) => !gone.has(`${site}\n${d.company}`));
      if (!d.sites.length || d.requests === 0) delete ref.value;
    });
}
