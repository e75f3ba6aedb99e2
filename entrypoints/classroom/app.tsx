import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ClassResults, type ClassResultsModel } from '../../components/classroom/class-results.tsx';
import { ClassroomView } from '../../components/classroom/classroom-view.tsx';
import { formatDateTime, formatNumber } from '../../components/format.ts';
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
import { poolExport } from '../../lib/export/pool.ts';
import { piecesOf } from '../../lib/export/stream.ts';
import type { Translate } from '../../lib/i18n.ts';
import { request } from '../../lib/messages.ts';
import { type ClassDb, classResults, clearClassResults, openClassDb } from '../../lib/storage/class-store.ts';
import { bundledCatalog } from '../../lib/trackers/names.ts';

const send = (message: unknown) => browser.runtime.sendMessage(message);

/** The classroom page: the session's state from storage.session, its events live from the session's own store. */
export function ClassroomApp({ t }: { t: Translate }) {
  const names = useMemo(() => bundledCatalog(), []);
  const [state, setState] = useState<SessionState>(NO_SESSION);
  const [summary, setSummary] = useState<SessionSummary | undefined>(undefined);
  const [anonymous, setAnonymous] = useState(false);
  // Between sessions, `#class` shows the class results instead of the start screen.
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onHash = () => setHash(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

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
    if (!state.active) {
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
  }, [state.active, state.startedAt]);

  const act = {
    start: () => request(send, 'classroom/start', {}).then(setState),
    // Close this page's connection first (by leaving the session view), so the store can be deleted at once.
    end: () => {
      setState(NO_SESSION);
      return request(send, 'classroom/end', {}).then(setState);
    },
    reset: () => request(send, 'classroom/reset', {}).then(setState),
    pause: () => request(send, 'classroom/pause', { paused: !state.paused }).then(setState),
    fullScreen: () =>
      document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen(),
    anonymise: () => setAnonymous((a) => !a),
  };
  if (!state.active && hash === '#class') return <PooledResults t={t} />;
  return (
    <ClassroomView
      t={t}
      state={state}
      summary={summary}
      anonymous={anonymous}
      nameOf={(id) => names.company(id).name}
      act={act}
      classResults={
        <p class="to-class">
          <a class="button" href="#class" data-testid="class-link">
            {t('classroomPoolOpen')}
          </a>
        </p>
      }
    />
  );
}

/** The class results: the pooled exports' store, read live; files added one after another, each said what became of. */
function PooledResults({ t }: { t: Translate }) {
  const db = useMemo<ClassDb>(() => openClassDb(), []);
  const [results, setResults] = useState<ClassResultsModel | undefined>(undefined);
  const [notes, setNotes] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const subscription = liveQuery(() => classResults(db)).subscribe({ next: setResults });
    return () => {
      subscription.unsubscribe();
      db.close();
    };
  }, [db]);

  const addFiles = async (files: File[]) => {
    setBusy(true);
    const said: string[] = [];
    for (const file of files) {
      try {
        // Read in parts: an export can be hundreds of megabytes.
        const outcome = await poolExport(db, piecesOf(file.stream().pipeThrough(new TextDecoderStream())));
        said.push(
          outcome.status === 'pooled'
            ? t('classroomPoolAdded', [file.name, formatNumber(outcome.companies)])
            : t('classroomPoolDuplicate', [file.name, formatDateTime(outcome.pooledAt)]),
        );
      } catch (error) {
        said.push(t('classroomPoolRejected', [file.name, error instanceof Error ? error.message : String(error)]));
      }
      setNotes([...said]);
    }
    setBusy(false);
  };
  const clear = async () => {
    if (!window.confirm(t('classroomPoolClearConfirm'))) return;
    await clearClassResults(db);
    setNotes([t('classroomPoolCleared')]);
  };
  return <ClassResults t={t} results={results} notes={notes} busy={busy} addFiles={addFiles} clear={clear} />;
}

/** What the page shows: the session's events in order, summarised (lib/classroom/summary.ts). */
async function summarize(db: SessionDb): Promise<SessionSummary> {
  return summarizeSession(await db.events.orderBy('time').toArray());
}
