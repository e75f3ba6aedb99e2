import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExport, renderExport } from '../../lib/export/export.ts';
import { importExport } from '../../lib/export/import.ts';
import { connectionRows, type GraphNode, searchGraph } from '../../lib/graph/graph-data.ts';
import { loadGraph } from '../../lib/graph/load-graph.ts';
import { translatorFromMessages } from '../../lib/i18n.ts';
import { composeLetter } from '../../lib/letters/compose.ts';
import { evidenceFor, gatherEvidence } from '../../lib/letters/evidence.ts';
import { letterLanguage } from '../../lib/letters/languages.ts';
import { loadCompanies, loadCompanySites, loadOverview, loadSites } from '../../lib/storage/dashboard.ts';
import { Recorder } from '../../lib/storage/recorder.ts';
import { createCompanyCatalog, parseCompanyDetails, parseCompanyNames } from '../../lib/trackers/catalog.ts';
import { event, freshDb } from './storage/helpers.ts';

// Company ids come from tracker lists and from imported files, sites from pages: each must be looked up as data,
// never as a member every plain object has.
const HOSTILE = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__'];

const generated = (file: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'lib', 'generated', file), 'utf8');
const catalog = createCompanyCatalog(
  parseCompanyNames(generated('company-names.json')),
  parseCompanyDetails(generated('company-details.json')),
);

/** A history with the hostile ids, exported, and imported into a fresh database: as a user's backup would bring them. */
async function imported() {
  const source = freshDb();
  const recorder = new Recorder(source);
  for (const [i, id] of HOSTILE.entries()) {
    for (let n = 0; n <= i; n++) {
      recorder.add(
        event({
          company: id,
          site: `site${n}.example`,
          kinds: ['identifier'],
          identifiers: [{ name: 'uid', value: `v-${id}` }],
        }),
      );
    }
  }
  recorder.add(event({ company: 'google', site: 'news.example' }));
  await recorder.flush();
  const file = await buildExport(source, (id) => catalog.company(id).name, { name: 'l', version: '1', license: 'x' });
  const db = freshDb();
  await importExport(db, renderExport(file, 'json').parts.join(''));
  return db;
}

describe('ids that are names of Object.prototype members', () => {
  it('are listed, counted and sorted like any other company after an import', async () => {
    const db = await imported();
    const companies = await loadCompanies(db);
    expect(companies.map((c) => [c.company, c.sites])).toEqual([
      ['__defineGetter__', 7],
      ['prototype', 6],
      ['valueOf', 5],
      ['hasOwnProperty', 4],
      ['toString', 3],
      ['__proto__', 2],
      ['constructor', 1],
      ['google', 1],
    ]);
    expect(companies.filter((c) => HOSTILE.includes(c.company)).every((c) => c.kinds.includes('identifier'))).toBe(
      true,
    );
    const overview = await loadOverview(db, 'all');
    expect(overview.companies).toBe(HOSTILE.length + 1);
    expect((await loadSites(db)).map((s) => s.site)).toContain('site6.example');
    for (const [i, id] of HOSTILE.entries()) {
      expect((await loadCompanySites(db, id)).length).toBe(i + 1);
      // The catalog names an unknown id by itself, with no details borrowed from a prototype.
      expect(catalog.company(id)).toMatchObject({ id, name: id, website: '', contact: { kind: 'none', value: '' } });
      expect(catalog.categoryOf(id)).toBe('misc');
      expect(catalog.description(id)).toBe('');
    }
  });

  it('are found by the graph search and listed in its connections table', async () => {
    const db = await imported();
    const data = await loadGraph(db, 'all');
    const labelOf = (n: GraphNode) => (n.type === 'company' ? catalog.company(n.key).name : n.key);
    for (const id of HOSTILE) {
      const found = searchGraph(data, id, labelOf);
      expect(found.map((n) => n.key)).toContain(id);
      // Coloured by the category its requests were observed under, as every screen names it.
      expect(found.find((n) => n.key === id)?.category).toBe('site_analytics');
    }
    expect(searchGraph(data, '__pro', labelOf).map((n) => n.key)).toEqual(['__proto__']);
    const rows = connectionRows(data, labelOf);
    expect(rows.map((r) => [r.node.key, r.sites.length])).toEqual([
      ['__defineGetter__', 7],
      ['prototype', 6],
      ['valueOf', 5],
      ['hasOwnProperty', 4],
      ['toString', 3],
      ['__proto__', 2],
      ['constructor', 1],
      ['google', 1],
    ]);
  });

  it('get a letter with their own evidence', async () => {
    const db = await imported();
    for (const id of ['constructor', '__proto__']) {
      const gathered = await gatherEvidence(db, { id, name: id });
      expect(gathered?.evidence.sites.length).toBe(HOSTILE.indexOf(id) + 1);
      const evidence = evidenceFor(gathered as NonNullable<typeof gathered>, gathered?.evidence.sites ?? []);
      const letter = await composeLetter(letterLanguage('en'), evidence, [], {
        jurisdiction: 'gdpr',
        reference: 'DSC-20261123-K7Q2M9',
        date: '2026-11-23',
        extensionVersion: '0.1.0',
      });
      expect(letter.body).toContain('site0.example');
      expect(letter.body).not.toContain('[object');
      expect(letter.body).not.toContain('function');
    }
  });

  it('give no translation a prototype member could answer', () => {
    const t = translatorFromMessages(
      JSON.parse(
        readFileSync(join(import.meta.dirname, '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
      ),
    );
    for (const id of HOSTILE) expect(t(id as never)).toBe('');
  });
});
