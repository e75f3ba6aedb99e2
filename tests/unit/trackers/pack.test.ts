import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompiledTrackerList } from '../../../lib/trackers/format.ts';
import { entryProblem, loadMatcher, parseTrackerIndex } from '../../../lib/trackers/load.ts';
import { createTrackerMatcher, type MatchInput } from '../../../lib/trackers/matcher.ts';
import { packTrackerIndex } from '../../../lib/trackers/pack.ts';
import { generateCorpus } from '../../../scripts/synthetic.ts';
import { compiledMiniList, realTrackerList, matchInput as request } from '../fixture-lists.ts';

const shippedIndex = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'lib', 'generated', 'tracker-index.json'),
  'utf8',
);

describe('packTrackerIndex and the packed index', () => {
  it('is deterministic: the same lists pack to byte-identical text', () => {
    expect(JSON.stringify(packTrackerIndex([compiledMiniList()]))).toBe(
      JSON.stringify(packTrackerIndex([compiledMiniList()])),
    );
  });

  it('answers every request of a generated corpus exactly as the list it was packed from', () => {
    const full = realTrackerList();
    const fromText = loadMatcher(shippedIndex);
    const fromList = createTrackerMatcher([full]);
    const who = (m: typeof fromText, r: MatchInput) => {
      const hit = m.match(r);
      return hit ? `${hit.company.id} ${hit.company.name} ${hit.patternId} ${hit.category.id}` : null;
    };
    let matched = 0;
    for (const r of generateCorpus(full, 5000, 7)) {
      const url = new URL(r.url);
      const input = request(r.url, { type: r.type, pageHostname: new URL(r.pageUrl).hostname });
      input.hostname = url.hostname;
      const answer = who(fromText, input);
      if (answer) matched++;
      expect(answer, r.url).toBe(who(fromList, input));
    }
    expect(matched).toBeGreaterThan(2000);
    expect(fromText.companies().length).toBe(fromList.companies().length);
  });

  it('keeps what the matcher needs and no company details', () => {
    const index = parseTrackerIndex(shippedIndex);
    expect(index.sources[0]?.id).toBe('trackerdb');
    expect(shippedIndex).not.toContain('privacy_policy');
    expect(shippedIndex).not.toContain('"contact"');
    expect(index.organizationIds.split('\n')).toContain('google');
  });

  it('merges several lists: the earlier list wins a shared domain, the filters of all apply', () => {
    const first = compiledMiniList();
    const second: CompiledTrackerList = {
      ...compiledMiniList(),
      source: { ...first.source, id: 'mine', name: 'My list' },
      organizations: [{ id: 'my_org', name: 'My Org' }],
      patterns: [{ id: 'my_pattern', name: 'My Pattern', category: 0, organization: 0 }],
      domains: [
        ['acme-ads.example', 0],
        ['mine.example', 0],
      ],
      filters: [{ pattern: 0, re: '\\/my-beacon\\.gif' }],
    };
    const matcher = createTrackerMatcher([first, second]);
    expect(matcher.match(request('https://acme-ads.example/p.gif'))?.company.id).toBe('acme_ads');
    expect(matcher.match(request('https://cdn.mine.example/x.js'))?.company).toMatchObject({
      id: 'my_org',
      source: 'mine',
    });
    expect(matcher.match(request('https://elsewhere.example/my-beacon.gif'))?.patternId).toBe('my_pattern');
    expect(matcher.sources.map((s) => s.id)).toEqual(['trackerdb', 'mine']);
    const sources = new Map(matcher.companies().map((c) => [c.id, c.source]));
    expect(sources.get('acme_ads')).toBe('trackerdb');
    expect(sources.get('my_org')).toBe('mine');
  });

  it('finds every listed host through the prebuilt table', () => {
    const index = parseTrackerIndex(shippedIndex);
    const matcher = loadMatcher(shippedIndex);
    const hosts = index.hosts.split('\n');
    const patternIds = index.patternIds.split('\n');
    expect(hosts.length).toBe(index.hostDomain.length);
    let found = 0;
    for (const [row, host] of hosts.entries()) {
      if ((index.hostDomain[row] as number) < 0) continue;
      // A listed host is its own longest listed suffix: found in the table, it names its own pattern.
      expect(matcher.matchHostname(host)?.patternId, host).toBe(patternIds[index.hostDomain[row] as number]);
      found++;
    }
    expect(found).toBeGreaterThan(5000);
  });

  it('refuses to pack a value that would break its one-line-per-value columns', () => {
    const list = compiledMiniList();
    list.organizations[0] = { id: 'acme_ads', name: 'Acme\nAds' };
    expect(() => packTrackerIndex([list])).toThrow(/organization name contains a line break/);
  });
});

describe('loading the packed index refuses an old or damaged file, saying to rebuild it', () => {
  const good = packTrackerIndex([compiledMiniList()]);
  const damaged = (change: (index: Record<string, unknown>) => void) => {
    const copy = JSON.parse(JSON.stringify(good)) as Record<string, unknown>;
    change(copy);
    return JSON.stringify(copy);
  };

  it.each([
    ['text that is not JSON', '{"format":2,"hosts":', /not valid JSON/],
    ['an empty file', '', /not valid JSON/],
    ['JSON null', 'null', /format undefined, this build reads format 2/],
    ['the old full-list format', JSON.stringify(compiledMiniList()), /in format 1, this build reads format 2/],
    ['a column missing', damaged((i) => delete i.hosts), /damaged \(hosts is not text\)/],
    ['a number column missing', damaged((i) => delete i.filterFlags), /damaged \(filterFlags is not a list\)/],
    [
      'filter columns of different lengths',
      damaged((i) => (i.filterFlags as number[]).pop()),
      /damaged \(the filter columns differ/,
    ],
    [
      'one host line too many',
      damaged((i) => (i.hosts = `${i.hosts}\nextra.example`)),
      /hosts has more lines than hostOffsets/,
    ],
  ])('%s', (_, text, message) => {
    expect(() => loadMatcher(text)).toThrow(message);
    expect(() => loadMatcher(text)).toThrow(/rebuild it with `npm run trackers`/);
  });

  it.each([
    [
      'a filter naming no pattern',
      damaged((i) => ((i.filterPattern as number[])[0] = 99)),
      /filter 0 names no pattern/,
    ],
    [
      'a host with a filter range past the host filters',
      damaged((i) => ((i.hostFiltersEnd as number[])[0] = 999)),
      /host 0 is out of range/,
    ],
    ['a host slot naming no host', damaged((i) => ((i.hostSlots as number[])[0] = 9999)), /hostSlots 0 names no host/],
    [
      'a host offset off its line',
      damaged((i) => ((i.hostOffsets as number[])[1] = 3)),
      /host 1 is not where hostOffsets says/,
    ],
  ])('%s: found by the check every entry passes before the build writes the index', (_, text, message) => {
    expect(entryProblem(JSON.parse(text))).toMatch(message);
  });

  it('passes the entry check with the file the build wrote, and with a freshly packed list', () => {
    expect(entryProblem(parseTrackerIndex(shippedIndex))).toBeUndefined();
    expect(entryProblem(good)).toBeUndefined();
  });

  it('loads the file the build wrote', () => {
    expect(() => loadMatcher(shippedIndex)).not.toThrow();
    expect(loadMatcher(JSON.stringify(good)).match(request('https://acme-ads.example/p.gif'))?.company.id).toBe(
      'acme_ads',
    );
  });
});
