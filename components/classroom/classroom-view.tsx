import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { SessionState } from '../../lib/classroom/session.ts';
import type { SessionSummary } from '../../lib/classroom/summary.ts';
import type { Translate } from '../../lib/i18n.ts';
import { ClassroomFeed } from './feed.tsx';
import { SessionGraph } from './session-graph.tsx';

export interface ClassroomActions {
  start: () => void;
  end: () => void;
  reset: () => void;
  pause: () => void;
  fullScreen: () => void;
  anonymise: () => void;
}

/** Keys that drive the page from the back of a room: P pause, R reset, F full screen, A anonymise. */
const SHORTCUTS = new Map<string, keyof ClassroomActions>([
  ['p', 'pause'],
  ['r', 'reset'],
  ['f', 'fullScreen'],
  ['a', 'anonymise'],
]);

/**
 * The live classroom view: counters, the feed of who got what from which site (one card per company and site, the
 * latest change on top, each data kind explained once), and the session's sites ↔ companies graph. Big type, high
 * contrast. Between sessions: the start button and the class results.
 */
export function ClassroomView({
  t,
  state,
  summary,
  anonymous,
  nameOf,
  act,
  classResults,
}: {
  t: Translate;
  state: SessionState;
  summary: SessionSummary | undefined;
  anonymous: boolean;
  nameOf: (id: string) => string;
  act: ClassroomActions;
  /** The class results (pooled exports), shown between sessions. */
  classResults?: ComponentChildren;
}) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || !state.active) return;
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      const action = SHORTCUTS.get(e.key.toLowerCase());
      if (action) {
        e.preventDefault();
        act[action]();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [state.active, act]);

  if (!state.active) {
    return (
      <main class="classroom idle">
        <h1>{t('classroomTitle')}</h1>
        <p>{t('classroomIntro')}</p>
        <button type="button" class="big" data-testid="classroom-start" onClick={act.start}>
          {t('classroomStart')}
        </button>
        {classResults}
      </main>
    );
  }
  return (
    <main class="classroom" data-anonymous={anonymous}>
      <header class="bar">
        <h1>{t('classroomTitle')}</h1>
        <dl class="counters">
          <div>
            <dt>{t('classroomCompanies')}</dt>
            <dd data-testid="count-companies">{summary?.companies ?? 0}</dd>
          </div>
          <div>
            <dt>{t('classroomSites')}</dt>
            <dd data-testid="count-sites">{summary?.sites ?? 0}</dd>
          </div>
          <div>
            <dt>{t('classroomRequests')}</dt>
            <dd data-testid="count-requests">{summary?.requests ?? 0}</dd>
          </div>
        </dl>
        <div class="controls">
          <button type="button" aria-pressed={state.paused} data-testid="classroom-pause" onClick={act.pause}>
            {state.paused ? t('classroomResume') : t('classroomPause')} <kbd>P</kbd>
          </button>
          <button type="button" data-testid="classroom-reset" onClick={act.reset}>
            {t('classroomReset')} <kbd>R</kbd>
          </button>
          <button type="button" onClick={act.fullScreen}>
            {t('classroomFullScreen')} <kbd>F</kbd>
          </button>
          <button type="button" aria-pressed={anonymous} data-testid="classroom-anonymise" onClick={act.anonymise}>
            {t('classroomAnonymise')} <kbd>A</kbd>
          </button>
          <button type="button" data-testid="classroom-end" onClick={act.end}>
            {t('classroomEnd')}
          </button>
        </div>
      </header>
      {state.paused && (
        <p class="paused" role="status">
          {t('classroomPaused')}
        </p>
      )}
      <div class="stage">
        <section aria-labelledby="feed-heading" class="feed">
          <h2 id="feed-heading">{t('classroomFeed')}</h2>
          <ClassroomFeed t={t} summary={summary} anonymous={anonymous} nameOf={nameOf} />
        </section>
        <section aria-labelledby="graph-heading" class="session-graph">
          <h2 id="graph-heading">{t('classroomGraph')}</h2>
          <SessionGraph
            t={t}
            pairs={summary?.pairs ?? []}
            categories={summary?.categories}
            label={(kind, key) => (kind === 'company' ? nameOf(key) : anonymous ? '' : key)}
            description={t('classroomGraphLabel', [String(summary?.sites ?? 0), String(summary?.companies ?? 0)])}
          />
        </section>
      </div>
    </main>
  );
}
