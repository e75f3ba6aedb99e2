import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n.ts';
import { formatNumber } from '../format.ts';

export interface Column<T> {
  key: string;
  label: string;
  /** The value sorted on; undefined for a column that does not sort. */
  sort?: (row: T) => string | number;
  render: (row: T) => ComponentChildren;
  numeric?: boolean;
}

/** A table whose sortable columns are buttons in their headers (aria-sort says the order). */
export function SortableTable<T>({
  t,
  rows,
  columns,
  rowKey,
  initialSort,
  testId,
}: {
  t: Translate;
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  initialSort?: { key: string; descending: boolean };
  testId?: string;
}) {
  const [sort, setSort] = useState(initialSort);
  const [shown, setShown] = useState(PAGE);
  const column = columns.find((c) => c.key === sort?.key);
  const sorted = column?.sort
    ? [...rows].sort((a, b) => {
        const x = column.sort?.(a) ?? '';
        const y = column.sort?.(b) ?? '';
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return sort?.descending ? -order : order;
      })
    : rows;
  const left = sorted.length - shown;
  return (
    <>
      <table class="data" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                class={c.numeric ? 'num' : undefined}
                aria-sort={sort?.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined}
              >
                {c.sort ? (
                  <button
                    type="button"
                    class="sort"
                    aria-label={t('dashSortBy', [c.label])}
                    onClick={() =>
                      setSort({ key: c.key, descending: sort?.key === c.key ? !sort.descending : c.numeric === true })
                    }
                  >
                    {c.label}
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.slice(0, shown).map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} class={c.numeric ? 'num' : undefined}>
                  {cell(c, row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {left > 0 && (
        <p>
          <button
            type="button"
            class="more"
            data-testid={testId ? `${testId}-more` : undefined}
            onClick={() => setShown(shown + PAGE)}
          >
            {t('dashShowMore', [Math.min(PAGE, left), left])}
          </button>
        </p>
      )}
    </>
  );
}

/** A cell's contents; a count in a numeric column grouped as the UI language writes it ("12,345"). */
function cell<T>(column: Column<T>, row: T): ComponentChildren {
  const value = column.render(row);
  return column.numeric && typeof value === 'number' ? formatNumber(value) : value;
}

/**
 * Rows drawn at first, and added by each "show more": a history of thousands of companies stays quick to open
 * (sorting and searching still cover every row).
 */
export const PAGE = 100;
