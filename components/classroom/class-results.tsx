import type { Translate } from '../../lib/i18n.ts';
import type { ClassCompany } from '../../lib/storage/class-store.ts';
import { formatNumber } from '../format.ts';

export interface ClassResultsModel {
  contributors: number;
  companies: ClassCompany[];
}

/**
 * The class results screen (classroom.html#class), for the projector: per company, how many of the pooled exports it reached ("Google reached 28 of
 * 30 of us"), the most widespread first, with a bar for the share (the sentence says it: the bar only shows it).
 */
export function ClassResults({
  t,
  results,
  notes,
  busy,
  addFiles,
  clear,
}: {
  t: Translate;
  results: ClassResultsModel | undefined;
  /** What became of the files added last, one sentence each. */
  notes: string[];
  busy: boolean;
  addFiles: (files: File[]) => void;
  clear: () => void;
}) {
  const rounded = (n: number) => Math.round(n * 10) / 10;
  const number = (n: number) => formatNumber(rounded(n));
  const total = results?.contributors ?? 0;
  const detail = (c: ClassCompany) => {
    // Counts, not text: each message chooses its plural form by the number (1.5 sites is a plural in every locale).
    return t('classroomPoolDetail', [
      t('classroomRequestCount', [rounded(c.requests)]),
      t('classroomPoolSites', [rounded(c.sites / c.reached)]),
    ]);
  };
  return (
    <main class="classroom class-results" data-testid="class-results">
      <header class="bar">
        <h1>{t('classroomPoolHeading')}</h1>
        <p class="contributors" data-testid="class-contributors">
          {total === 0 ? t('classroomPoolEmpty') : t('classroomPoolContributors', [total])}
        </p>
        <div class="controls">
          <label class="button">
            {t('classroomPoolChoose')}
            <input
              type="file"
              multiple
              accept=".ndjson,.json,.jsonl,application/json"
              class="visually-hidden"
              data-testid="class-input"
              disabled={busy}
              onChange={(e) => {
                const input = e.currentTarget;
                const files = [...(input.files ?? [])];
                input.value = '';
                if (files.length) addFiles(files);
              }}
            />
          </label>
          {total > 0 && (
            <button type="button" data-testid="class-clear" onClick={clear} disabled={busy}>
              {t('classroomPoolClear')}
            </button>
          )}
          <a class="button" href="#start" data-testid="class-back">
            {t('classroomPoolBack')}
          </a>
        </div>
      </header>
      <div role="status" data-testid="class-notes">
        {notes.map((note, i) => (
          <p key={i} class="note">
            {note}
          </p>
        ))}
      </div>
      {total > 0 && (
        <ol class="reached">
          {results?.companies.map((c) => (
            <li key={c.id} class="card" data-company={c.id} data-testid="class-company">
              <p class="sentence" data-testid="class-sentence">
                {t('classroomPoolReached', [c.name, number(c.reached), number(total)])}
              </p>
              <div class="share" aria-hidden="true">
                <span style={{ width: `${Math.round((100 * c.reached) / total)}%` }} />
              </div>
              <p class="detail">{detail(c)}</p>
            </li>
          ))}
        </ol>
      )}
      <p class="hint">{t('classroomPoolIntro')}</p>
    </main>
  );
}
