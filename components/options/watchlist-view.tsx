import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n.ts';
import { WATCHED_KINDS, type WatchedKind } from '../../lib/watchlist/entries.ts';
import { WATCHED_WHAT } from '../watched.tsx';

/** What the settings page shows of one watched value: never the value, only its masked label. */
export interface WatchedItem {
  id: string;
  kind: WatchedKind;
  label: string;
}

interface Props {
  t: Translate;
  items: WatchedItem[];
  /** Resolves to false when the value cannot be watched (too short, not an email address). */
  onAdd: (kind: WatchedKind, value: string) => Promise<boolean>;
  onRemove: (id: string) => Promise<unknown>;
}

/**
 * The user's own data Disclosed looks for in requests (issue 18). A value is typed once: the field is emptied as soon
 * as it is added, and from then on only its masked label is shown.
 */
export function WatchlistView({ t, items, onAdd, onRemove }: Props) {
  const [kind, setKind] = useState<WatchedKind>('email');
  const [value, setValue] = useState('');
  const [message, setMessage] = useState('');
  const add = async (event: Event) => {
    event.preventDefault();
    const typed = value;
    // The typed value leaves the page's state at once, whatever happens next.
    setValue('');
    const added = await onAdd(kind, typed);
    setMessage(added ? '' : t('optionsWatchedInvalid'));
  };
  return (
    <fieldset data-testid="watchlist">
      <legend>{t('optionsWatched')}</legend>
      <p class="hint">{t('optionsWatchedIntro')}</p>
      <form class="watch-add" onSubmit={add}>
        <label>
          {t('optionsWatchedWhat')}{' '}
          <select data-testid="watch-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as WatchedKind)}>
            {WATCHED_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(WATCHED_WHAT[k])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('optionsWatchedValue')}{' '}
          <input
            type="text"
            inputMode={kind === 'email' ? 'email' : kind === 'phone' ? 'tel' : 'text'}
            autocomplete="off"
            spellcheck={false}
            data-testid="watch-value"
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="primary" data-testid="watch-add" disabled={!value.trim()}>
          {t('optionsWatchedAdd')}
        </button>
      </form>
      <p role="status" class="status" data-testid="watch-message">
        {message}
      </p>
      <p data-testid="watch-count">{t('optionsWatchedCount', [items.length])}</p>
      {items.length > 0 && (
        <ul class="watch-list" data-testid="watch-list">
          {items.map((item) => (
            <li key={item.id}>
              <span>{t(WATCHED_WHAT[item.kind])}</span> <code data-testid="watch-label">{item.label}</code>{' '}
              <button type="button" class="link" onClick={() => onRemove(item.id)}>
                {t('optionsWatchedRemove', [item.label])}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="hint">{t('optionsWatchedKept')}</p>
    </fieldset>
  );
}
