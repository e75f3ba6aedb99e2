import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../lib/settings.ts';

describe('parseSettings', () => {
  it('defaults to recording, private windows off, 90 days', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({ paused: false, recordPrivate: false, retentionDays: 90 });
  });

  it.each([
    [{ paused: true }, { paused: true }],
    [
      { recordPrivate: true, retentionDays: 30 },
      { recordPrivate: true, retentionDays: 30 },
    ],
    [{ paused: 'yes', retentionDays: -1, maxEvents: 1.5 }, {}],
    [{ retentionDays: 99999, maxEvents: 'all' }, {}],
    [
      { excludedSites: ['bank.example', 'bank.example', 42, '<script>', 'Upper.Example'] },
      { excludedSites: ['bank.example'] },
    ],
    [{ residence: 'DE' }, { residence: 'DE' }],
    [{ residence: 'US-CA' }, { residence: 'US-CA' }],
    [{ residence: 'US' }, {}],
    [{ residence: 7 }, {}],
    ['garbage', {}],
    [null, {}],
  ])('%j → defaults overridden by %j only', (stored, expected) => {
    expect(parseSettings(stored)).toEqual({ ...DEFAULT_SETTINGS, ...expected });
  });
});
