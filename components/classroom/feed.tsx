import type { SessionSummary } from '../../lib/classroom/summary.ts';
import { shownKinds } from '../../lib/disclose/kinds.ts';
import type { Translate } from '../../lib/i18n.ts';
import { Categories, kindHelp, kindTerm } from '../vocabulary.tsx';

/**
 * The feed of who got what from which site, newest first: each company with its categories (main first, as on
 * every screen), each data kind named and explained in one sentence.
 */
export function ClassroomFeed({
  t,
  summary,
  anonymous,
  nameOf,
}: {
  t: Translate;
  summary: SessionSummary | undefined;
  anonymous: boolean;
  nameOf: (id: string) => string;
}) {
  return !summary?.recent.length ? (
    <p data-testid="classroom-empty" class="empty">
      {t('classroomEmpty')}
    </p>
  ) : (
    <ol data-testid="classroom-feed" aria-live="polite">
      {summary.recent.map((e) => (
        <li key={e.id} data-company={e.company}>
          <p class="who">
            <strong data-testid="feed-company">{nameOf(e.company)}</strong>{' '}
            {t('classroomFrom', [anonymous ? t('classroomASite') : e.site])}
          </p>
          {e.kind === 'tracker' && (
            <p class="category">
              <Categories t={t} categories={summary.categories.get(e.company) ?? [e.category]} />
            </p>
          )}
          {e.kinds.length ? (
            <ul class="what">
              {shownKinds(e.kinds).map((k) => (
                <li key={k}>
                  <span class="term">{kindTerm(t, k)}</span> — {kindHelp(t, k)}
                  {!anonymous && e.findings.find((f) => f.kind === k) && (
                    <code class="value">{e.findings.find((f) => f.kind === k)?.value}</code>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p class="what">{t('classroomOnlyVisit')}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
