import { Fragment } from 'preact';
import { type DataKind, shownKinds } from '../lib/disclose/kinds.ts';
import type { MessageKey, Translate } from '../lib/i18n.ts';

// The words every screen names things with — the popup, the dashboard, the graph, the classroom — so a company's
// categories and a kind of data read the same wherever they appear. Which categories, in which order, is decided
// once, by `rankCategories` (lib/storage/aggregates.ts); this only names them.

/** A category id's name (`site_analytics` → "Site analytics"); the id itself for one the messages do not name. */
export function categoryName(t: Translate, category: string): string {
  return t(`category_${category}` as MessageKey) || category;
}

/** A company's category ids, in the order given (main first), named: "Site analytics, Advertising". */
export function categoryNames(t: Translate, categories: readonly string[]): string {
  return categories.map((c) => categoryName(t, c)).join(', ');
}

/** The same as an element, for a list or a card: `data-main` is the main category's id. */
export function Categories({
  t,
  categories,
  class: cls,
}: {
  t: Translate;
  categories: readonly string[];
  class?: string;
}) {
  return (
    <span class={cls ?? 'categories'} data-testid="categories" data-main={categories[0]}>
      {categoryNames(t, categories)}
    </span>
  );
}

const kindKey = (prefix: 'term' | 'help', kind: DataKind) => `${prefix}_${kind.replace(/-/g, '_')}` as MessageKey;

/** A data kind's name, as a term: "Identifier", "Device details". */
export function kindTerm(t: Translate, kind: DataKind): string {
  return t(kindKey('term', kind));
}

/** A data kind's one-sentence explanation. */
export function kindHelp(t: Translate, kind: DataKind): string {
  return t(kindKey('help', kind));
}

/**
 * Kinds named by their terms, comma-separated, each with its explanation as its title (shown on hover). A lower
 * address level that a higher one in the list contains is not named again (`shownKinds`).
 */
export function KindTerms({ t, kinds }: { t: Translate; kinds: readonly DataKind[] }) {
  return (
    <>
      {shownKinds(kinds).map((k, i) => (
        <Fragment key={k}>
          {i > 0 && ', '}
          <span class="term" title={kindHelp(t, k)}>
            {kindTerm(t, k)}
          </span>
        </Fragment>
      ))}
    </>
  );
}
