import { useEffect, useMemo, useState } from 'preact/hooks';
import { ClassResults } from '../../components/classroom/class-results.tsx';
import { ClassroomView } from '../../components/classroom/classroom-view.tsx';
import type { Translate } from '../../lib/i18n.ts';
import { bundledCatalog } from '../../lib/trackers/names.ts';
import { useClassResultsModel } from './use-class-results-model.ts';
import { useClassroomModel } from './use-classroom-model.ts';

/** The classroom page: the live session, or between sessions at `#class`, the class results. */
export function ClassroomApp({ t }: { t: Translate }) {
  const names = useMemo(() => bundledCatalog(), []);
  const { state, summary, anonymous, act } = useClassroomModel();
  // Between sessions, `#class` shows the class results instead of the start screen.
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onHash = () => setHash(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // Nothing is drawn until the session's state is read: a start screen shown meanwhile could be clicked.
  if (!state) return <main class="classroom idle" aria-busy="true" />;
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

/** The class results screen, fed by its model. */
function PooledResults({ t }: { t: Translate }) {
  const model = useClassResultsModel(t);
  return <ClassResults t={t} {...model} />;
}
