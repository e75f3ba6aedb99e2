import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  normalizeRequest,
  type ObservedRequest,
  type RawRequestDetails,
} from '../../../lib/classify/request-details.ts';

interface Fixture {
  name: string;
  outcome: 'completed' | 'error';
  details: RawRequestDetails;
  expected: Partial<ObservedRequest>;
}

const fixtures = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'request-details.json'), 'utf8'),
) as Fixture[];

describe('request-details fixtures', () => {
  it('are well-formed details as the browsers send them', () => {
    expect(fixtures.length).toBeGreaterThan(5);
    for (const f of fixtures) {
      expect(typeof f.details.requestId, f.name).toBe('string');
      expect(() => new URL(f.details.url), f.name).not.toThrow();
      expect(Number.isInteger(f.details.tabId), f.name).toBe(true);
      expect(['completed', 'error'], f.name).toContain(f.outcome);
    }
  });
});

describe('normalizeRequest', () => {
  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_, f) => {
    const normalized = normalizeRequest(f.details, f.outcome);
    expect(normalized).toMatchObject(f.expected);
    expect(normalized.url).toBe(f.details.url);
  });

  it("does not take the tab's top level from an iframe's origin (Chrome)", () => {
    const f = fixtures.find((x) => x.name.startsWith('Chrome: pixel inside'))!;
    expect(normalizeRequest(f.details, 'completed').topLevelUrl).toBeUndefined();
  });

  it('says when the top level is only an origin: Chrome names the initiator so, Firefox its document', () => {
    const base = { requestId: '1', url: 'https://t.example/p', type: 'ping', tabId: 1, frameId: 0 };
    const chrome = normalizeRequest({ ...base, initiator: 'https://news.example' }, 'completed');
    expect(chrome).toMatchObject({ topLevelUrl: 'https://news.example', topLevelIsOrigin: true });
    const firefox = normalizeRequest({ ...base, documentUrl: 'https://news.example/world/a' }, 'completed');
    expect(firefox.topLevelUrl).toBe('https://news.example/world/a');
    expect(firefox.topLevelIsOrigin).toBeUndefined();
  });

  it('treats a navigation as its own top level', () => {
    const r = normalizeRequest(
      { requestId: '1', url: 'https://a.example/', type: 'main_frame', tabId: 1, frameId: 0 },
      'completed',
    );
    expect(r.topLevelUrl).toBe('https://a.example/');
  });

  it('fills defaults for missing fields instead of failing', () => {
    const r = normalizeRequest({ requestId: '9', url: 'https://a.example/x' }, 'completed', 42);
    expect(r).toMatchObject({ method: 'GET', type: 'other', tabId: -1, frameId: 0, time: 42 });
  });
});
