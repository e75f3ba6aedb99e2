import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n.ts';

// The search box over a list of companies or sites: what it holds is the list's own state, not the page's.

export function useSearch<T>(rows: T[], text: (row: T) => string) {
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  return { query, setQuery, matching: q ? rows.filter((r) => text(r).toLowerCase().includes(q)) : rows };
}

export function SearchBox({ t, query, onQuery }: { t: Translate; query: string; onQuery: (q: string) => void }) {
  return (
    <p>
      <label>
        {t('dashSearch')}{' '}
        <input type="search" data-testid="search" value={query} onInput={(e) => onQuery(e.currentTarget.value)} />
      </label>
    </p>
  );
}
