import { describe, expect, it } from 'vitest';
import {
  companyHref,
  letterHref,
  logHref,
  parseRoute,
  type Route,
  reportHref,
  routeHref,
  siteHref,
} from '../../../components/routes.ts';

/** Ids a tracker list, an unlisted host or a hostile page could put in a link. */
const HOSTILE = [
  'google',
  'unlisted:evil.example',
  'a/b',
  '../settings',
  '..',
  '100%',
  '%41',
  'x#/settings',
  'x?y=1&z',
  'café.example',
  'bücher.de',
  '日本.example',
  '👀',
  ' spaced ',
  '<img src=x onerror=alert(1)>',
  'it\'s "quoted"',
];

describe('routes', () => {
  it('builds every page and parses it back to itself', () => {
    const pages: Route[] = [
      { view: 'overview' },
      { view: 'companies' },
      { view: 'sites' },
      { view: 'graph' },
      { view: 'letters' },
      { view: 'settings' },
    ];
    for (const route of pages) expect(parseRoute(routeHref(route))).toEqual(route);
    expect(routeHref({ view: 'letters' })).toBe('#/letters');
  });

  it('round-trips a company, a site and a letter whatever their id holds', () => {
    for (const id of HOSTILE) {
      for (const route of [
        { view: 'company', id },
        { view: 'site', site: id },
        { view: 'letter', id },
      ] as Route[]) {
        const href = routeHref(route);
        expect(parseRoute(href), href).toEqual(route);
        // One path segment: nothing in the id can add a segment or a second fragment.
        expect(href.split('/')).toHaveLength(3);
        expect(href.lastIndexOf('#')).toBe(0);
      }
    }
  });

  it('round-trips the report and the request log of a site or a company, whatever their id holds', () => {
    for (const id of HOSTILE) {
      for (const route of [
        { view: 'report', scope: { site: id } },
        { view: 'report', scope: { company: id } },
        { view: 'log', scope: { site: id } },
        { view: 'log', scope: { company: id } },
      ] as Route[]) {
        const href = routeHref(route);
        expect(parseRoute(href), href).toEqual(route);
        expect(href.split('/')).toHaveLength(4);
        expect(href.lastIndexOf('#')).toBe(0);
      }
    }
    expect(reportHref({ company: 'a/b' })).toBe('#/report/company/a%2Fb');
    expect(logHref({ site: 'x#y' })).toBe('#/log/site/x%23y');
    // A report of nothing, or of something that is neither a site nor a company, is the overview.
    expect(parseRoute('#/report/')).toEqual({ view: 'overview' });
    expect(parseRoute('#/log/tab/3')).toEqual({ view: 'overview' });
  });

  it('builds the links the screens use', () => {
    expect(companyHref('a/b')).toBe('#/company/a%2Fb');
    expect(siteHref('bücher.de')).toBe('#/site/b%C3%BCcher.de');
    expect(letterHref('x#y')).toBe('#/letter/x%23y');
  });

  it('reads an id the browser left unencoded', () => {
    expect(parseRoute('#/site/bücher.de')).toEqual({ view: 'site', site: 'bücher.de' });
    expect(parseRoute('#/company/a/b')).toEqual({ view: 'company', id: 'a/b' });
  });

  it('falls back to the overview for an address it cannot read', () => {
    for (const hash of [
      '',
      '#',
      '#/',
      '#/nope',
      '#/Companies',
      '#companies',
      '/companies',
      '#/company',
      '#/company/',
      '#/site/',
      '#/letter/',
      '#/company/%E0%A4%A',
      '#/letter/%',
      '#/site/%zz',
    ]) {
      expect(parseRoute(hash), hash).toEqual({ view: 'overview' });
    }
  });

  it('keeps a page whose address has more after it', () => {
    expect(parseRoute('#/sites/extra')).toEqual({ view: 'sites' });
  });
});
