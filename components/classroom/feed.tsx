import { Fragment } from 'preact';
import { type FeedCard, feedOrder, type SessionSummary } from '../../lib/classroom/summary.ts';
import { shownKinds } from '../../lib/disclose/kinds.ts';
import type { SensitiveCategory } from '../../lib/disclose/sensitive.ts';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
import { Categories, kindHelp, kindTerm } from '../vocabulary.tsx';

const SENSITIVE_LABEL: Record<SensitiveCategory, MessageKey> = {
  health: 'classroomSensitiveHealth',
  religion: 'classroomSensitiveReligion',
  politics: 'classroomSensitivePolitics',
  union: 'classroomSensitiveUnion',
  sexuality: 'classroomSensitiveSexuality',
};

const SENSITIVE_PAGE_LABEL: Record<SensitiveCategory, MessageKey> = {
  health: 'classroomSensitivePageHealth',
  religion: 'classroomSensitivePageReligion',
  politics: 'classroomSensitivePagePolitics',
  union: 'classroomSensitivePageUnion',
  sexuality: 'classroomSensitivePageSexuality',
};

/**
 * The feed of who got what from which site: one card per company and site, updated in place with its count and the
 * kinds it got so far. Each kind is explained once, on the first card that showed it; later cards only name it. The
 * card that changed last is on top, marked "just now" and briefly lit; a sensitive site or page carries its label.
 * Anonymised, nothing says which site: no name, no value, no sensitive label, and no card lifted for being sensitive.
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
  if (!summary?.cards.length)
    return (
      <p data-testid="classroom-empty" class="empty">
        {t('classroomEmpty')}
      </p>
    );
  const newest = summary.cards.find((c) => c.key === summary.newest);
  const cards = anonymous ? feedOrder(summary.cards, false) : summary.cards;
  return (
    <>
      {/* The cards move as they change: what changed last is said once, not the whole list again. */}
      <p class="visually-hidden" role="status" data-testid="feed-announce">
        {newest && `${nameOf(newest.company)} ${t('classroomFrom', [anonymous ? t('classroomASite') : newest.site])}`}
      </p>
      <ol data-testid="classroom-feed">
        {cards.map((card) => (
          <Card
            key={card.key}
            t={t}
            card={card}
            newest={card.key === summary.newest}
            categories={summary.categories.get(card.company)}
            anonymous={anonymous}
            name={nameOf(card.company)}
          />
        ))}
      </ol>
    </>
  );
}

function Card({
  t,
  card,
  newest,
  categories,
  anonymous,
  name,
}: {
  t: Translate;
  card: FeedCard;
  newest: boolean;
  categories: string[] | undefined;
  anonymous: boolean;
  name: string;
}) {
  const kinds = shownKinds(card.kinds);
  const explained = kinds.filter((k) => card.explains.includes(k));
  const named = kinds.filter((k) => !card.explains.includes(k));
  const sensitive = anonymous ? undefined : card.sensitive;
  return (
    <li
      class={`card${newest ? ' newest' : ''}${sensitive ? ' sensitive' : ''}`}
      data-company={card.company}
      data-site={anonymous ? undefined : card.site}
      data-testid="feed-card"
    >
      {/* Keyed by the change: a card that changes again is lit again. */}
      {newest && <span class="flash" key={card.changed} aria-hidden="true" />}
      <p class="who">
        <strong data-testid="feed-company">{name}</strong>{' '}
        <span>{t('classroomFrom', [anonymous ? t('classroomASite') : card.site])}</span>
      </p>
      <p class="labels">
        <span class="count" data-testid="feed-requests" data-requests={card.requests}>
          {t('classroomRequestCount', [card.requests])}
        </span>
        {sensitive && (
          <span class="label sensitive-label" data-testid="feed-sensitive" data-by={card.sensitiveBy}>
            {t((card.sensitiveBy === 'page' ? SENSITIVE_PAGE_LABEL : SENSITIVE_LABEL)[sensitive])}
          </span>
        )}
        {newest && (
          <span class="label newest-label" data-testid="feed-newest">
            {t('classroomJustNow')}
          </span>
        )}
        {card.kind === 'tracker' && categories && <Categories t={t} categories={categories} class="category" />}
      </p>
      {!kinds.length && <p class="what">{t('classroomOnlyVisit')}</p>}
      {explained.length > 0 && (
        <ul class="what">
          {explained.map((k) => (
            <li key={k} data-testid="feed-explained" data-kind={k}>
              <span class="term">{kindTerm(t, k)}</span> — {kindHelp(t, k)}
              {!anonymous && card.values[k] && <code class="value">{card.values[k]}</code>}
            </li>
          ))}
        </ul>
      )}
      {named.length > 0 && (
        <p class="also" data-testid="feed-named">
          {t(explained.length ? 'classroomAlso' : 'classroomGot')}{' '}
          {named.map((k, i) => (
            <Fragment key={k}>
              {i > 0 && ', '}
              <span class="term" data-kind={k}>
                {kindTerm(t, k)}
              </span>
            </Fragment>
          ))}
        </p>
      )}
    </li>
  );
}
