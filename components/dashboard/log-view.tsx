import { DELIVERIES, type Delivery } from '../../lib/classify/delivery.ts';
import { isOnSite } from '../../lib/classify/domain.ts';
import { DATA_KINDS, type DataKind, isDataKind } from '../../lib/disclose/kinds.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import type { SharingEvent } from '../../lib/storage/events.ts';
import { deliveryOfEvent, type EvidenceScope, type LogFilter } from '../../lib/storage/log.ts';
import { viaText } from '../cname.ts';
import {
  CarriedKinds,
  DELIVERY_WORDS,
  type EvidenceContext,
  momentFormat,
  numberFormat,
  REASON_WORDS,
} from '../report/evidence.tsx';
import { kindTerm } from '../vocabulary.tsx';
import '../report/report.css';

/** What the request log shows: the requests read so far, and the counts that say how much there is. */
export interface LogModel {
  filter: LogFilter;
  onFilter: (filter: LogFilter) => void;
  /** Undefined until the first page is read. */
  events: SharingEvent[] | undefined;
  /** Stored requests read so far to find `events`. */
  read: number;
  /** Whether older stored requests remain. */
  more: boolean;
  onMore: () => void;
  loading: boolean;
  /** Requests stored one by one, and those the totals count (retention removes the former, not the latter). */
  stored: number | undefined;
  total: number | undefined;
}

/** Words for a request's type (webRequest's `type`); any other is shown as the browser named it. */
const TYPE_WORDS: Partial<Record<string, MessageKey>> = {
  image: 'logTypeImage',
  imageset: 'logTypeImage',
  script: 'logTypeScript',
  stylesheet: 'logTypeStylesheet',
  font: 'logTypeFont',
  xmlhttprequest: 'logTypeFetch',
  ping: 'logTypeBeacon',
  beacon: 'logTypeBeacon',
  sub_frame: 'logTypeFrame',
  main_frame: 'logTypePage',
  media: 'logTypeMedia',
  websocket: 'logTypeWebsocket',
};

/**
 * Every stored request of a site or a company, newest first, a page at a time: when, where (host and path as
 * stored), how, how it ended and why that is thought, and what it carried. Filters narrow it by outcome, kind and
 * host or path.
 */
export function LogView({
  ctx,
  scope,
  model,
  reportHref,
  lang,
}: {
  ctx: EvidenceContext;
  scope: EvidenceScope;
  model: LogModel;
  reportHref: string;
  lang?: string;
}) {
  const { t } = ctx;
  const bySite = 'company' in scope;
  const subject = bySite ? ctx.company(scope.company).name : scope.site;
  const n = (x: number) => numberFormat(x, lang);
  const { filter, events, stored, total } = model;
  const filtered = !!(filter.delivery || filter.kind || filter.text?.trim());
  const set = (change: Partial<LogFilter>) => {
    const next: LogFilter = { ...filter, ...change };
    for (const k of Object.keys(next) as (keyof LogFilter)[]) if (!next[k]) delete next[k];
    model.onFilter(next);
  };
  return (
    <section class="log" aria-labelledby="log-heading">
      <h2 id="log-heading">{t('logHeading', [subject])}</h2>
      <p class="hint">{t('logHint')}</p>
      <p class="report-actions">
        <a class="button" href={reportHref} data-testid="log-report-link">
          {t('logOpenReport')}
        </a>
        <a href={bySite ? ctx.companyHref(scope.company) : ctx.siteHref(scope.site)}>
          {bySite ? t('reportBackCompany') : t('reportBackSite')}
        </a>
      </p>
      <fieldset class="log-filters">
        <legend>{t('logFilters')}</legend>
        <label>
          {t('logFilterOutcome')}{' '}
          <select
            data-testid="log-filter-outcome"
            value={filter.delivery ?? ''}
            onChange={(e) => set({ delivery: (e.currentTarget.value || undefined) as Delivery | undefined })}
          >
            <option value="">{t('logFilterAny')}</option>
            {DELIVERIES.map((d) => (
              <option key={d} value={d}>
                {t(DELIVERY_WORDS[d])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('logFilterKind')}{' '}
          <select
            data-testid="log-filter-kind"
            value={filter.kind ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value;
              set({ kind: isDataKind(v) ? (v as DataKind) : undefined });
            }}
          >
            <option value="">{t('logFilterAnyKind')}</option>
            {DATA_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindTerm(t, k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('logFilterText')}{' '}
          <input
            type="search"
            data-testid="log-filter-text"
            value={filter.text ?? ''}
            onInput={(e) => set({ text: e.currentTarget.value })}
          />
        </label>
      </fieldset>
      <p data-testid="log-counts" aria-live="polite">
        {stored !== undefined && events
          ? filtered
            ? t('logCountsFiltered', [n(stored), n(events.length), n(model.read)])
            : t('logCounts', [n(stored), n(events.length)])
          : t('reportLoading')}
      </p>
      {stored !== undefined && total !== undefined && stored < total && (
        <p class="notice" data-testid="log-retention">
          {t('logRetention', [n(total), n(stored)])}
        </p>
      )}
      {events && events.length === 0 && !model.loading ? (
        <p data-testid="log-empty">{filtered ? t('logNoMatch', [model.read]) : t('logEmpty')}</p>
      ) : events ? (
        <table class="data log-table" data-testid="log-table">
          <thead>
            <tr>
              <th scope="col">{t('logColTime')}</th>
              <th scope="col">{bySite ? t('dashColSite') : t('dashColCompany')}</th>
              <th scope="col">{t('logColRequest')}</th>
              <th scope="col">{t('logColOutcome')}</th>
              <th scope="col">{t('logColCarried')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => {
              const { delivery, reason } = deliveryOfEvent(e);
              return (
                <tr key={e.id} data-delivery={delivery} data-testid="log-row">
                  <td class="log-time">{momentFormat(e.time, lang)}</td>
                  <td>
                    {bySite ? (
                      <a href={ctx.siteHref(e.site)}>{e.site}</a>
                    ) : (
                      <a href={ctx.companyHref(e.company)}>{ctx.company(e.company).name}</a>
                    )}
                  </td>
                  <td>
                    <code class="log-address" data-testid="log-address">
                      {e.host}
                      {e.path}
                    </code>
                    {e.cname && (
                      <span class="hint log-via" data-testid="log-via">
                        {viaText(t, e.site, { host: e.host, cname: e.cname, onSite: isOnSite(e.host, e.site) })}
                      </span>
                    )}
                    <span class="hint log-how">
                      {e.method} · {TYPE_WORDS[e.type] ? t(TYPE_WORDS[e.type] as MessageKey) : e.type}
                    </span>
                  </td>
                  <td>
                    <strong class={`delivery delivery-${delivery}`} data-testid="log-outcome">
                      {t(DELIVERY_WORDS[delivery])}
                    </strong>
                    <span class="hint log-reason">
                      {t(REASON_WORDS[reason])}
                      {e.error ? (
                        <>
                          {' '}
                          <code>{e.error}</code>
                        </>
                      ) : null}
                    </span>
                  </td>
                  <td>
                    <CarriedKinds
                      t={t}
                      kinds={e.kinds ?? []}
                      names={(kind) => (e.findings ?? []).filter((f) => f.kind === kind)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {model.more && (
        <p class="log-more">
          <button type="button" onClick={model.onMore} disabled={model.loading} data-testid="log-more">
            {t('logShowMore')}
          </button>
        </p>
      )}
    </section>
  );
}
