import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers, isMessage } from '../../lib/messages.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';

const handlers: Handlers = {
  'settings/update': async (patch) => ({ ...DEFAULT_SETTINGS, ...patch }),
  'data/forget-site': async () => ({ events: 0, pages: 0, flows: 0 }),
  'data/clear': async () => ({ cleared: true }),
  'data/import': async () => ({ ok: false, error: 'not JSON' }),
  'classroom/start': async () => ({ active: true, paused: false, startedAt: 1 }),
  'classroom/pause': async ({ paused }) => ({ active: true, paused, startedAt: 1 }),
  'classroom/reset': async () => ({ active: true, paused: false, startedAt: 1 }),
  'classroom/end': async () => ({ active: false, paused: false, startedAt: 0 }),
  'background/status': async () => ({
    scriptStartMs: 1,
    mainStartMs: 2,
    listenersReadyMs: 3,
    indexReadyMs: 4,
    storageError: null,
    pendingEvents: 0,
    exposureMs: 0,
    medianExposureMs: 0,
    batchSizes: [],
    recentExposuresMs: [],
  }),
};

describe('message protocol', () => {
  it('dispatches a known message to its handler', async () => {
    expect(await dispatch(handlers, { type: 'settings/update', payload: { paused: true } })).toMatchObject({
      paused: true,
    });
  });

  it.each([
    [undefined],
    ['settings/update'],
    [{ type: 'settings/update' }],
    [{ type: 'no/such', payload: {} }],
    [{ type: 'settings/update', payload: null }],
  ])('ignores %j (no answer, as the runtime expects)', (message) => {
    expect(isMessage(message)).toBe(false);
    expect(dispatch(handlers, message)).toBeUndefined();
  });
});
