/**
 * `npm run bench -- --export [--events N]`: a history of N events (1,000,000 unless told) exported in lines to a file
 * and imported back into an empty database, as the dashboard and the background do it (written in parts, read in
 * pieces, checked whole, then imported part by part), on fake-indexeddb in Node. Time and peak memory of each.
 */
import 'fake-indexeddb/auto';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeExport } from '../lib/export/export.ts';
import { importExport, importFile } from '../lib/export/import.ts';
import type { DayCompanyAggregate, SiteCompanyAggregate } from '../lib/storage/aggregates.ts';
import { openDb } from '../lib/storage/db.ts';
import type { SharingEvent } from '../lib/storage/events.ts';

/** Peak resident and heap memory while `run` runs, sampled every 20 ms, in MB. */
async function measured<T>(
  run: () => Promise<T>,
): Promise<{ result: T; ms: number; peakRssMb: number; peakHeapMb: number }> {
  globalThis.gc?.();
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 20);
  const start = performance.now();
  try {
    const result = await run();
    sample();
    return { result, ms: performance.now() - start, peakRssMb: rss / 2 ** 20, peakHeapMb: heap / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

const COMPANIES = ['google', 'facebook', 'amazon', 'microsoft', 'criteo', 'hotjar', 'site:widgets.example'];

/** Fills a database with `events` events over 2,000 sites and a few companies, with their totals. */
async function filled(name: string, events: number) {
  const db = openDb(name);
  const start = Date.UTC(2026, 0, 1);
  const flows = new Map<string, SiteCompanyAggregate>();
  const days = new Map<string, DayCompanyAggregate>();
  for (let from = 0; from < events; from += 20_000) {
    const batch: SharingEvent[] = [];
    for (let i = from; i < Math.min(events, from + 20_000); i++) {
      const site = `site${i % 2000}.example`;
      const company = COMPANIES[i % COMPANIES.length] as string;
      const time = start + i * 30_000;
      batch.push({
        time,
        page: `1:${i}`,
        tabId: 1,
        site,
        company,
        kind: company.startsWith('site:') ? 'unlisted' : 'tracker',
        category: company.startsWith('site:') ? 'unlisted' : 'advertising',
        host: `t${i % 5}.${company.replace('site:', '')}.example`,
        path: `/collect/${i}`,
        type: 'image',
        method: 'GET',
        outcome: 'completed',
        delivery: 'received',
        deliveryReason: 'response',
        kinds: ['full-address', 'identifier'],
        findings: [
          { kind: 'full-address', source: 'url', name: 'dl', value: `https://${site}/a/${i}?q=x`, detail: 'q' },
          { kind: 'identifier', source: 'url', name: 'cid', value: '12345678…00' },
        ],
      });
      const flow = flows.get(`${site}\n${company}`);
      if (flow) {
        flow.requests++;
        flow.lastSeen = time;
      } else
        flows.set(`${site}\n${company}`, {
          site,
          company,
          kind: company.startsWith('site:') ? 'unlisted' : 'tracker',
          category: 'advertising',
          categories: { advertising: 1 },
          requests: 1,
          failed: 0,
          firstSeen: time,
          lastSeen: time,
          hosts: [`t0.${company}.example`],
          kinds: { identifier: { first: time, last: time } },
        });
      const day = new Date(time).toISOString().slice(0, 10);
      const d = days.get(`${day}\n${company}`);
      if (d) {
        d.requests++;
        if (d.sites.length < 1000 && !d.sites.includes(site)) d.sites.push(site);
      } else days.set(`${day}\n${company}`, { day, company, kind: 'tracker', requests: 1, sites: [site] });
    }
    await db.events.bulkAdd(batch);
  }
  for (const f of flows.values()) f.categories = { advertising: f.requests };
  await db.siteCompanies.bulkPut([...flows.values()]);
  await db.dayCompanies.bulkPut([...days.values()]);
  return db;
}

export async function exportBench(events: number) {
  const fillStart = performance.now();
  const db = await filled(`bench-export-${process.pid}`, events);
  console.log(
    `filled ${events.toLocaleString('en')} events in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'disclosed-bench-export-'));
  const path = join(dir, 'export.ndjson');
  try {
    const trackerData = { name: 'bench', version: '1', license: 'none' };
    const fd = openSync(path, 'w');
    let parts = 0;
    let largestPart = 0;
    const written = await measured(() =>
      writeExport(
        db,
        (id) => id,
        trackerData,
        (part) => {
          parts++;
          largestPart = Math.max(largestPart, part.length);
          writeSync(fd, part);
        },
      ),
    );
    closeSync(fd);
    const bytes = statSync(path).size;
    // fake-indexeddb keeps its databases in memory: the source goes, so the import's figures are its own.
    await db.delete();
    const target = openDb(`bench-import-${process.pid}`);
    let importParts = 0;
    const read = await measured(() =>
      importFile(
        () => createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }),
        (part) => {
          importParts++;
          return importExport(target, part);
        },
      ),
    );
    const stored = await target.events.count();
    const figures = {
      events,
      fileMb: bytes / 2 ** 20,
      export: {
        seconds: written.ms / 1000,
        peakRssMb: written.peakRssMb,
        peakHeapMb: written.peakHeapMb,
        parts,
        largestPart,
      },
      import: {
        seconds: read.ms / 1000,
        peakRssMb: read.peakRssMb,
        peakHeapMb: read.peakHeapMb,
        parts: importParts,
        eventsAdded: read.result.eventsAdded,
        eventsStored: stored,
      },
    };
    const f = (n: number) => n.toFixed(1);
    console.log(`file: ${f(figures.fileMb)} MB in lines`);
    console.log(
      `export: ${f(figures.export.seconds)} s, peak RSS ${f(written.peakRssMb)} MB, peak heap ${f(written.peakHeapMb)} MB, ${parts} parts (largest ${largestPart.toLocaleString('en')} characters)`,
    );
    console.log(
      `import: ${f(figures.import.seconds)} s (checked whole, then ${importParts} parts), peak RSS ${f(read.peakRssMb)} MB, peak heap ${f(read.peakHeapMb)} MB; ${stored.toLocaleString('en')} events stored`,
    );
    target.close();
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
