import type { StoredFinding } from '../disclose/decode.ts';
import type { DataKind } from '../disclose/kinds.ts';
import {
  type DayCompanyAggregate,
  mergeDayFlow,
  mergeFlow,
  rankCategories,
  type SiteCompanyAggregate,
} from '../storage/aggregates.ts';
import type { DisclosedDb } from '../storage/db.ts';
import type { SharingEvent } from '../storage/events.ts';
import { rebuildSummaries } from '../storage/summaries.ts';
import { type ReadableExport, validateExport } from './format.ts';
import { maskPath, shapeMarker } from './mask.ts';

export interface ImportReport {
  flowsAdded: number;
  flowsUpdated: number;
  daysAdded: number;
  eventsAdded: number;
  eventsAlreadyThere: number;
}

/**
 * Reads an export file's text: parses, validates every field (see format.ts), then merges it in one transaction.
 * Anything wrong — not JSON, another format, a bad field — throws before a single row is written.
 *
 * Merging is idempotent: importing the same file twice adds nothing the second time. Events are matched on what
 * they are (time, site, company, host, path, type, method); totals take the larger count and the wider time span,
 * which is exact for a file exported from this same history (export, clear, import) and never double-counts.
 *
 * The recorder caches totals: call this through the background, which flushes and invalidates it.
 */
export async function importExport(db: DisclosedDb, fileText: string): Promise<ImportReport> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fileText);
  } catch {
    throw new Error('The file is not JSON: it is not a Disclosed export.');
  }
  const file = validateExport(parsed);
  return merge(db, file);
}

const ms = (iso: string) => Date.parse(iso);
/** Paths compare masked: a version 2 file holds them so, the browser it came from holds them whole. */
const eventKey = (e: Pick<SharingEvent, 'time' | 'site' | 'company' | 'host' | 'path' | 'type' | 'method'>) =>
  [e.time, e.site, e.company, e.host, maskPath(e.path), e.type, e.method].join('\n');

/**
 * An imported finding as stored. A version 2 file has no value to give back: a page finding keeps its masked address,
 * any other the mark of its shape (`‹digits›`), which is what the history then shows and exports again.
 */
function storedFinding(f: ReadableExport['events'][number]['findings'][number]): StoredFinding {
  if ('value' in f) return f;
  return {
    kind: f.kind,
    source: f.source,
    name: f.name,
    value: f.address ?? shapeMarker(f.shape),
    ...(f.detail ? { detail: f.detail } : {}),
  };
}

async function merge(db: DisclosedDb, file: ReadableExport): Promise<ImportReport> {
  const report: ImportReport = { flowsAdded: 0, flowsUpdated: 0, daysAdded: 0, eventsAdded: 0, eventsAlreadyThere: 0 };
  const tables = [db.events, db.siteCompanies, db.dayCompanies, db.companies, db.sites, db.days];
  await db.transaction('rw', tables, async () => {
    const existingFlows = await db.siteCompanies.bulkGet(file.flows.map((f) => [f.site, f.organization.id]));
    const flows: SiteCompanyAggregate[] = file.flows.map((f, i) => {
      const kinds: SiteCompanyAggregate['kinds'] = {};
      for (const [k, span] of Object.entries(f.dataKinds)) {
        if (span) kinds[k as DataKind] = { first: ms(span.first), last: ms(span.last) };
      }
      const incoming: SiteCompanyAggregate = {
        site: f.site,
        company: f.organization.id,
        kind: f.kind,
        // An older export names one category: every request counts under it.
        category: (f.categories && rankCategories(f.categories)[0]?.category) || f.category,
        categories: f.categories ? { ...f.categories } : { [f.category]: f.requests },
        requests: f.requests,
        failed: f.failed,
        firstSeen: ms(f.firstSeen),
        lastSeen: ms(f.lastSeen),
        hosts: f.domains,
        kinds,
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

    const existingDays = await db.dayCompanies.bulkGet(file.days.map((d) => [d.day, d.organization]));
    const days: DayCompanyAggregate[] = file.days.map((d, i) => {
      const incoming: DayCompanyAggregate = {
        day: d.day,
        company: d.organization,
        kind: d.kind,
        requests: d.requests,
        sites: [...new Set(d.sites)],
      };
      const local = existingDays[i];
      if (!local) {
        report.daysAdded++;
        return incoming;
      }
      mergeDayFlow(local, incoming, 'max');
      return local;
    });

    const known = new Set<string>();
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
        .each((e) => known.add(eventKey(e)));
    }
    const events: SharingEvent[] = [];
    for (const e of file.events) {
      const event: SharingEvent = {
        time: ms(e.time),
        page: 'import',
        tabId: -1,
        site: e.site,
        company: e.organization,
        kind: e.kind,
        category: e.category,
        host: e.host,
        path: e.path,
        type: e.type,
        method: e.method,
        outcome: e.outcome,
        ...(e.error ? { error: e.error } : {}),
        kinds: e.dataKinds,
        findings: e.findings.map(storedFinding),
      };
      const key = eventKey(event);
      if (known.has(key)) {
        report.eventsAlreadyThere++;
        continue;
      }
      known.add(key);
      events.push(event);
    }
    report.eventsAdded = events.length;
    await Promise.all([db.siteCompanies.bulkPut(flows), db.dayCompanies.bulkPut(days), db.events.bulkAdd(events)]);
    await rebuildSummaries(db, {
      companies: flows.map((f) => f.company),
      sites: flows.map((f) => f.site),
      days: days.map((d) => d.day),
    });
  });
  return report;
}
