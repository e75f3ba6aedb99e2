import { type DisclosedDb, openDb } from '../../../lib/storage/db.ts';
import type { SharingEvent } from '../../../lib/storage/events.ts';

let counter = 0;
/** A fresh database per test, on fake-indexeddb (loaded by the unit project's setup). */
export function freshDb(): DisclosedDb {
  counter++;
  return openDb(`disclosed-test-${process.pid}-${counter}`);
}

export function event(extra: Partial<SharingEvent> = {}): SharingEvent {
  return {
    time: Date.UTC(2026, 10, 20, 12, 0, 0),
    page: '1:1000',
    tabId: 1,
    site: 'news.example',
    company: 'google',
    kind: 'tracker',
    category: 'site_analytics',
    host: 'www.google-analytics.com',
    path: '/collect',
    type: 'image',
    method: 'GET',
    outcome: 'completed',
    kinds: [],
    findings: [],
    ...extra,
  };
}
