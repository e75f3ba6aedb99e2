import { Fragment } from 'preact';
import type { Delivery, DeliveryReason } from '../../lib/classify/delivery.ts';
import type { DataKind } from '../../lib/disclose/kinds.ts';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
import type { CarriedBy } from '../../lib/storage/log.ts';
import type { Company } from '../../lib/trackers/company.ts';
import { formatDay, formatMoment, formatNumber } from '../format.ts';
import { kindHelp, kindTerm } from '../vocabulary.tsx';

// What the report and the request log share: the page's means of naming and formatting, the words for how a request
// ended, and a kind of data with the parameters that carried it.

/** What the evidence screens need from the page: translations, names, dates and numbers, links. */
export interface EvidenceContext {
  t: Translate;
  company: (id: string) => Company;
  /** A moment, date and time. */
  date: (ms: number) => string;
  companyHref: (id: string) => string;
  siteHref: (site: string) => string;
}

/** Formats in the page's language, through the one place that formats for display (components/format.ts). */
export const numberFormat = (n: number, lang?: string) => formatNumber(n, lang);
export const momentFormat = (ms: number, lang?: string) => formatMoment(ms, lang);
export const dayFormat = (day: string, lang?: string) => formatDay(day, lang);

export const DELIVERY_WORDS: Record<Delivery, MessageKey> = {
  received: 'evidenceReceived',
  'not-received': 'evidenceNotReceived',
  uncertain: 'evidenceUncertain',
};

/** Why a request is thought to have arrived or not, in a sentence. */
export const REASON_WORDS: Record<DeliveryReason, MessageKey> = {
  response: 'evidenceReasonResponse',
  'error-after-response': 'evidenceReasonErrorAfterResponse',
  'blocked-by-extension': 'evidenceReasonBlocked',
  'tracking-protection': 'evidenceReasonTrackingProtection',
  'no-connection': 'evidenceReasonNoConnection',
  'redirected-away': 'evidenceReasonRedirectedAway',
  cache: 'evidenceReasonCache',
  'no-response': 'evidenceReasonNoResponse',
  aborted: 'evidenceReasonAborted',
  'unknown-error': 'evidenceReasonUnknownError',
};

const SOURCE_WORDS: Record<CarriedBy['source'], MessageKey> = {
  url: 'evidenceInAddress',
  referer: 'evidenceInReferer',
  body: 'evidenceInBody',
  cookie: 'evidenceInCookie',
};

/** The parameters that carried a kind, grouped by where they were: "in the address: cid, dl; in a cookie: _ga". */
export function CarriedNames({ t, names }: { t: Translate; names: readonly CarriedBy[] }) {
  const bySource = new Map<CarriedBy['source'], string[]>();
  for (const n of names) bySource.set(n.source, [...(bySource.get(n.source) ?? []), n.name]);
  return (
    <>
      {[...bySource].map(([source, list], i) => (
        <Fragment key={source}>
          {i > 0 && '; '}
          {t(SOURCE_WORDS[source])}
          {/* The Referer header is its own name: nothing to add. */}
          {source !== 'referer' && ' '}
          {(source === 'referer' ? [] : list).map((name, j) => (
            <Fragment key={name}>
              {j > 0 && ', '}
              <code>{name}</code>
            </Fragment>
          ))}
        </Fragment>
      ))}
    </>
  );
}

/** Kinds of data, each with the parameters that carried it (when the stored requests tell). */
export function CarriedKinds({
  t,
  kinds,
  names,
}: {
  t: Translate;
  kinds: readonly DataKind[];
  names: (kind: DataKind) => readonly CarriedBy[];
}) {
  if (!kinds.length) return <span class="none">{t('dashKindsNone')}</span>;
  return (
    <ul class="carried">
      {kinds.map((kind) => {
        const list = names(kind);
        return (
          <li key={kind} data-kind={kind}>
            <span class="term" title={kindHelp(t, kind)}>
              {kindTerm(t, kind)}
            </span>
            {list.length > 0 && (
              <>
                {' — '}
                <CarriedNames t={t} names={list} />
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
