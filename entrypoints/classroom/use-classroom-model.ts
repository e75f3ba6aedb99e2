import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import {
  NO_SESSION,
  openSessionDb,
  parseSessionState,
  SESSION_DB,
  SESSION_KEY,
  type SessionDb,
  type SessionState,
} from '../../lib/classroom/session.ts';
import { type SessionSummary, summarizeSession } from '../../lib/classroom/summary.ts';
import { request } from '../../lib/messages.ts';

const send = (message: unknown) => browser.runtime.sendMessage(message);

/**
 * The classroom session's model: its state from storage.session, its events live from the session's own store, and
 * what the controls do. The one place the classroom screen reads storage or sends messages.
 */
export function useClassroomModel() {
  // Undefined until read from storage: a session under way must not show its start screen meanwhile.
  const [state, setState] = useState<SessionState | undefined>(undefined);
  const [summary, setSummary] = useState<SessionSummary | undefined>(undefined);
  const [anonymous, setAnonymous] = useState(false);
  useEffect(() => {
    browser.storage.session.get(SESSION_KEY).then((s) => setState(parseSessionState(s[SESSION_KEY])));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && changes[SESSION_KEY]) setState(parseSessionState(changes[SESSION_KEY].newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  // One store per session: opened when it starts, closed when it ends (so the background can delete it).
  useEffect(() => {
    if (!state?.active) {
      setSummary(undefined);
      return;
    }
    const db: SessionDb = openSessionDb(SESSION_DB, { autoOpen: false });
    let subscription: { unsubscribe(): void } | undefined;
    let closed = false;
    db.open().then(() => {
      if (closed) return;
      subscription = liveQuery(() => summarize(db)).subscribe({
        next: setSummary,
        // The store went away (the session ended in another tab): the state change follows.
        error: () => setSummary(undefined),
      });
    });
    return () => {
      closed = true;
      subscription?.unsubscribe();
      db.close();
    };
  }, [state?.active, state?.startedAt]);

  const act = {
    start: () => request(send, 'classroom/start', {}).then(setState),
    // Close this page's connection first (by leaving the session view), so the store can be deleted at once.
    end: () => {
      setState(NO_SESSION);
      return request(send, 'classroom/end', {}).then(setState);
    },
    reset: () => request(send, 'classroom/reset', {}).then(setState),
    pause: () => request(send, 'classroom/pause', { paused: !state?.paused }).then(setState),
    fullScreen: () =>
      document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen(),
    anonymise: () => setAnonymous((a) => !a),
  };
  return { state, summary, anonymous, act };
}

/** What the page shows: the session's events in order, summarised (lib/classroom/summary.ts). */
async function summarize(db: SessionDb): Promise<SessionSummary> {
  return summarizeSession(await db.events.orderBy('time').toArray());
}
