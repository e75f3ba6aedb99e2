import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CompanyCatalog,
  createCompanyCatalog,
  parseCompanyDetails,
  parseCompanyNames,
} from '../../../lib/trackers/catalog.ts';
import { createTrackerMatcher } from '../../../lib/trackers/matcher.ts';
import { companyCatalog, compileTrackerDb } from '../../../tracker-lists/compile.ts';
import { TRACKERDB_SOURCE } from '../../../tracker-lists/sources.ts';
import { miniTrackerDb, realTrackerList } from '../fixture-lists.ts';

const generated = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'lib', 'generated', name), 'utf8');

/** The catalog as the pages build it, from the files the build wrote. */
const names = parseCompanyNames(generated('company-names.json'));
const real = createCompanyCatalog(names);
const realDetailed = createCompanyCatalog(names, parseCompanyDetails(generated('company-details.json')));

function miniCatalog(withDetails: boolean): CompanyCatalog {
  const { list, details } = compileTrackerDb(miniTrackerDb(), { ...TRACKERDB_SOURCE, version: 'fixture' });
  const files = companyCatalog(list, details);
  return createCompanyCatalog(
    parseCompanyNames(JSON.stringify(files.names)),
    withDetails ? parseCompanyDetails(JSON.stringify(files.details)) : undefined,
  );
}

describe('the company catalog', () => {
  it('names every company and gives it the category most of its patterns carry', () => {
    expect(real.company('magnite').name).toBe('Magnite');
    expect(real.categoryOf('magnite')).toBe('advertising');
    expect(real.categoryOf('hotjar')).toBe('site_analytics');
  });

  it('names unlisted third parties by their domain, and calls them unlisted', () => {
    expect(real.company('site:cdn.example')).toMatchObject({ id: 'site:cdn.example', name: 'cdn.example' });
    expect(real.categoryOf('site:cdn.example')).toBe('unlisted');
    expect(real.categoryOf('no-such-company')).toBe('misc');
  });

  it('names every company exactly as the matcher does, and lists no company the matcher lacks', () => {
    const matcher = createTrackerMatcher([realTrackerList()]);
    const companies = matcher.companies();
    for (const c of companies) expect(real.company(c.id).name, c.id).toBe(c.name);
    expect(names.byId.size).toBe(companies.length);
  });

  it('gives names and countries until the details are loaded, then links, contact and description', () => {
    const namesOnly = miniCatalog(false);
    expect(namesOnly.hasDetails).toBe(false);
    // The popup draws from the names alone and says each company's country: it must not read "unknown" there.
    expect(namesOnly.company('acme_ads')).toMatchObject({ name: 'Acme Ads', country: 'DE', website: '' });
    expect(real.company('google').country).toBe('US');
    expect(namesOnly.description('acme_ads')).toBe('');

    const detailed = miniCatalog(true);
    expect(detailed.hasDetails).toBe(true);
    expect(detailed.company('acme_ads')).toEqual({
      id: 'acme_ads',
      name: 'Acme Ads',
      country: 'DE',
      website: 'https://acme-ads.example/',
      privacyPolicy: 'https://acme-ads.example/privacy',
      contact: { kind: 'email', value: 'privacy@acme-ads.example', raw: 'privacy＠acme-ads.example' },
      source: 'trackerdb',
    });
    expect(detailed.description('acme_ads')).toBe('Sells ads.');
    // A name is text, kept as the source wrote it: the UI renders it as text, never as HTML.
    expect(detailed.company('social_co').name).toBe('<b>Social</b> Co');
    expect(detailed.company('pattern:orphan_cdn').name).toBe('Orphan CDN');
  });

  it('has the real details of a well-known company once loaded', () => {
    expect(realDetailed.company('google').country).toBe('US');
    expect(realDetailed.company('google').contact.kind).not.toBe('none');
    expect(realDetailed.description('google')).not.toBe('');
  });

  it('carries the sources it was compiled from, for the About section', () => {
    expect(real.sources[0]).toMatchObject({ id: 'trackerdb', license: 'CC BY-NC-SA 4.0' });
  });

  describe.each([
    ['names only', () => real],
    ['with details', () => realDetailed],
    ['fixture, with details', () => miniCatalog(true)],
  ])('any string is a safe id (%s)', (_, catalog) => {
    it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', ''])(
      '%j gets the unknown answer, not a prototype member',
      (id) => {
        const c = catalog().company(id);
        expect(c).toEqual({
          id,
          name: id,
          country: '',
          website: '',
          privacyPolicy: '',
          contact: { kind: 'none', value: '' },
          source: 'observed',
        });
        expect(catalog().categoryOf(id)).toBe('misc');
        expect(catalog().description(id)).toBe('');
      },
    );

    it.each(['site:__proto__', 'site:constructor'])('%j is an unlisted site named by its domain', (id) => {
      expect(catalog().company(id)).toMatchObject({ id, name: id.slice(5), source: 'observed' });
      expect(catalog().categoryOf(id)).toBe('unlisted');
    });
  });

  it.each([
    ['text that is not JSON', '{"format":1,', /not valid JSON.*npm run trackers/],
    ['an older format', '{"magnite":["Magnite","advertising"]}', /not in format 2.*npm run trackers/],
    ['the format before countries', '{"format":1,"ids":"a","names":"A","categories":"misc"}', /not in format 2/],
    [
      'a file without its columns',
      '{"format":2,"ids":"a"}',
      /lacks its ids, names, categories or countries.*npm run trackers/,
    ],
    [
      'columns of different lengths',
      '{"format":2,"ids":"a\\nb","names":"A","categories":"misc\\nmisc","countries":"\\n"}',
      /columns differ in length.*npm run trackers/,
    ],
  ])('refuses a names file that is %s, saying to rebuild', (_, text, message) => {
    expect(() => parseCompanyNames(text)).toThrow(message);
  });

  it.each([
    ['text that is not JSON', 'nope'],
    ['the old descriptions file', '{"format":1,"descriptions":{}}'],
    ['a file with an entry that is no [id, details] pair', '{"format":2,"companies":[["google",{}],"google"]}'],
  ])('refuses a details file that is %s, saying to rebuild', (_, text) => {
    expect(() => parseCompanyDetails(text)).toThrow(/npm run trackers/);
  });
});
