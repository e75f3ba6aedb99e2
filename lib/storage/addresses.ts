import type { Transaction } from 'dexie';
import { wasReceived } from '../classify/delivery.ts';
import type { DataKind } from '../disclose/kinds.ts';
import { upgradeFinding, upgradeKinds } from '../disclose/legacy.ts';
import { mergeSpan, pairKey, type SeenSpan, type SiteCompanyAggregate } from './aggregates.ts';
import type { SharingEvent } from './events.ts';

// Totals recorded before the page address had three levels (database version 8) hold one `page-address` kind for
// all three. The events still stored tell which levels were sent, and when; for the time before the oldest of them
// only that the site was sent is sure. So a total's old kind becomes the levels its events show, plus the site for
// whatever span no stored event covers: never a claim the history cannot back.

type Kinds = Partial<Record<DataKind, SeenSpan>>;

interface PairLevels {
  /** The oldest stored event of the pair, whatever it carried. */
  oldest: number;
  levels: Kinds;
}

/** The address levels of old events, per (site, company) and per received or attempted. */
export class AddressLevels {
  private readonly pairs = new Map<string, PairLevels>();

  /** Upgrades an old event in place (its findings and kinds), and notes the levels it shows. */
  upgradeEvent(e: SharingEvent): void {
    e.findings = (e.findings ?? []).map(upgradeFinding);
    e.kinds = upgradeKinds(e.kinds ?? [], e.findings);
    const key = `${pairKey(e.site, e.company)}\n${wasReceived(e) ? 'r' : 'a'}`;
    let pair = this.pairs.get(key);
    if (!pair) {
      pair = { oldest: e.time, levels: {} };
      this.pairs.set(key, pair);
    }
    if (e.time < pair.oldest) pair.oldest = e.time;
    for (const k of e.kinds) if (k.endsWith('-address')) mergeSpan(pair.levels, k, { first: e.time, last: e.time });
  }

  /** A total's kinds with its old `page-address` replaced as described above. `received`: a total, not an attempt. */
  upgradeKinds(total: Pick<SiteCompanyAggregate, 'site' | 'company' | 'kinds'>, received: boolean): Kinds {
    const kinds: Kinds = { ...(total.kinds ?? {}) };
    const old = kinds['page-address'];
    if (!old) return kinds;
    delete kinds['page-address'];
    const pair = this.pairs.get(`${pairKey(total.site, total.company)}\n${received ? 'r' : 'a'}`);
    for (const [k, span] of Object.entries(pair?.levels ?? {}) as [DataKind, SeenSpan][]) mergeSpan(kinds, k, span);
    const levelsSeen = pair && Object.keys(pair.levels).length > 0;
    if (!levelsSeen) mergeSpan(kinds, 'site-address', old);
    else if (pair && old.first < pair.oldest) mergeSpan(kinds, 'site-address', { first: old.first, last: pair.oldest });
    return kinds;
  }
}

/** The version 8 upgrade: every old event, then every (site, company) total and attempt. Summaries are rebuilt after. */
export async function upgradeAddressLevels(tx: Transaction): Promise<void> {
  const levels = new AddressLevels();
  await tx
    .table('events')
    .toCollection()
    .modify((e: SharingEvent) => {
      levels.upgradeEvent(e);
    });
  await tx
    .table('siteCompanies')
    .toCollection()
    .modify((f: SiteCompanyAggregate) => {
      f.kinds = levels.upgradeKinds(f, true);
    });
  await tx
    .table('attempts')
    .toCollection()
    .modify((f: SiteCompanyAggregate) => {
      f.kinds = levels.upgradeKinds(f, false);
    });
}
