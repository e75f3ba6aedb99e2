import type { StoredFinding } from './decode.ts';
import { keptAddress } from './decode.ts';
import { DATA_KINDS, type DataKind } from './kinds.ts';
import { levelOf } from './rules.ts';

// What was stored before the page address had three levels (database version 8, export format version 3): one
// `page-address` kind, with a detail `site-only` when only the site was sent and `full` otherwise.

/**
 * An old page-address finding at the level it shows: `site-only` is the site; `full` is the full address when the
 * kept value still shows a query, the page otherwise (a value shortened before its query cannot show one: the page
 * is what it is sure to have carried). Its value is kept as addresses now are: masked, the query's names only.
 */
export function upgradeFinding(f: StoredFinding): StoredFinding {
  if (f.kind !== 'page-address' || (f.detail !== 'full' && f.detail !== 'site-only')) return f;
  const kept = keptAddress(f.value) || f.value;
  const level: DataKind =
    f.detail === 'site-only'
      ? 'site-address'
      : levelOf(absolute(kept)) === 'full-address'
        ? 'full-address'
        : 'page-address';
  const out: StoredFinding = { kind: level, source: f.source, name: f.name, value: kept };
  const names = level === 'full-address' ? kept.split('?')[1]?.split('&').join(', ') : undefined;
  if (names) out.detail = names.slice(0, 120);
  return out;
}

const absolute = (address: string) => (address.startsWith('/') ? `https://x.invalid${address}` : address);

/**
 * An old event's kinds from its upgraded findings: `page-address` becomes the levels its findings show, or the site
 * when none is left to show it (at most 12 findings were kept): every page address named the site at least.
 */
export function upgradeKinds(kinds: readonly DataKind[], findings: readonly StoredFinding[]): DataKind[] {
  if (!kinds.includes('page-address')) return [...kinds];
  const levels = new Set<DataKind>(findings.map((f) => f.kind).filter((k) => k.endsWith('-address')));
  if (!levels.size) levels.add('site-address');
  const present = new Set<DataKind>([...kinds.filter((k) => k !== 'page-address'), ...levels]);
  return DATA_KINDS.filter((k) => present.has(k));
}
