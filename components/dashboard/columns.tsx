import type { DataKind } from '../../lib/disclose/kinds.ts';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
import { kindsOf } from '../../lib/storage/dashboard.ts';
import { Categories, KindTerms } from '../vocabulary.tsx';
import type { Column } from './table.tsx';
import type { ViewContext } from './views.tsx';

// The cells and columns the dashboard's tables share.

/** A total's hosts, and how many requests went to hosts beyond its capped list (`STORED.hostsPerTotal`). */
export function domainList(t: Translate, total: { hosts: string[]; hostsMore?: number }): string {
  const hosts = [...total.hosts].sort().join(', ');
  const more = total.hostsMore ?? 0;
  if (!more) return hosts;
  return `${hosts} ${t('dashDomainsMore', [more])}`;
}

/** The kinds a row received, or that it carried nothing recognised (an empty cell would read as "not known"). */
export const kindTerms = (t: Translate, kinds: DataKind[]) =>
  kinds.length ? <KindTerms t={t} kinds={kinds} /> : <span class="none">{t('dashKindsNone')}</span>;

/** A company's name, linked to its page: the first column of every list of companies. */
export function companyColumn<T extends { company: string }>(ctx: ViewContext, key: string): Column<T> {
  return {
    key,
    label: ctx.t('dashColCompany'),
    sort: (r) => ctx.company(r.company).name.toLowerCase(),
    render: (r) => <a href={ctx.companyHref(r.company)}>{ctx.company(r.company).name}</a>,
  };
}

/** A company's categories, main first, named as on every screen. */
export function categoriesColumn<T>(t: Translate, categories: (row: T) => readonly string[]): Column<T> {
  return {
    key: 'category',
    label: t('dashColCategory'),
    render: (r) => <Categories t={t} categories={categories(r)} />,
  };
}

/** A moment as the page writes it, with its ISO form for machines. */
export function DateTime({ ctx, ms }: { ctx: ViewContext; ms: number }) {
  return <time dateTime={Number.isFinite(ms) ? new Date(ms).toISOString() : undefined}>{ctx.date(ms)}</time>;
}

/** A column of counts (sites, companies, requests): right-aligned, sorted by the count, shown as it is. */
export function countColumn<T>(t: Translate, key: string, label: MessageKey, count: (row: T) => number): Column<T> {
  return { key, label: t(label), numeric: true, sort: count, render: count };
}

export function lastSeenColumn<T extends { lastSeen: number }>(ctx: ViewContext): Column<T> {
  return {
    key: 'last',
    label: ctx.t('dashColLastSeen'),
    sort: (r) => r.lastSeen,
    render: (r) => <DateTime ctx={ctx} ms={r.lastSeen} />,
  };
}

export const flowKinds = kindsOf;
