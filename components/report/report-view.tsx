import type { DataKind } from '../../lib/disclose/kinds.ts';
import type { AttemptAggregate, SiteCompanyAggregate } from '../../lib/storage/aggregates.ts';
import { kindsOf } from '../../lib/storage/dashboard.ts';
import { type Evidence, type EvidenceScope, kindSpans, namesOf, type PairEvidence } from '../../lib/storage/log.ts';
import { Categories, kindHelp, kindTerm } from '../vocabulary.tsx';
import { CarriedKinds, CarriedNames, dayFormat, type EvidenceContext, numberFormat } from './evidence.tsx';
import './report.css';

/** Where the company and tracker data came from: the method statement names it with its licence. */
export interface DataSource {
  name: string;
  version: string;
  license: string;
  attribution: string;
  licenseUrl: string;
}

/** Days listed one by one when the stored requests span at most this many. */
const SHORT_SPAN_DAYS = 31;

/**
 * A printable report of what one site sent, or one company received: to whom, when, what (decoded to kinds and the
 * parameters that carried them, never their values), received and attempted apart, and how it was observed.
 */
export function ReportView({
  ctx,
  scope,
  evidence,
  source,
  preparedAt,
  lang,
  logHref,
  onPrint,
}: {
  ctx: EvidenceContext;
  scope: EvidenceScope;
  evidence: Evidence | undefined;
  source: DataSource | undefined;
  /** When the report was read from the database. */
  preparedAt: number;
  lang?: string;
  logHref: string;
  onPrint: () => void;
}) {
  const { t } = ctx;
  const bySite = 'company' in scope;
  const subject = bySite ? ctx.company(scope.company).name : scope.site;
  const backHref = bySite ? ctx.companyHref(scope.company) : ctx.siteHref(scope.site);
  const n = (x: number) => numberFormat(x, lang);
  return (
    <article class="report" aria-labelledby="report-heading" data-testid="report">
      <header class="report-head">
        <p class="report-kicker">{t('reportKicker')}</p>
        <h2 id="report-heading" data-testid="report-subject">
          {subject}
        </h2>
        {bySite && <p class="report-id">{t('reportCompanyId', [scope.company])}</p>}
        <p class="hint" data-testid="report-prepared">
          {t('reportPrepared', [ctx.date(preparedAt)])}
        </p>
        <p class="report-actions">
          <button type="button" class="primary" onClick={onPrint} data-testid="report-print">
            {t('reportPrint')}
          </button>
          <a class="button" href={logHref} data-testid="report-log-link">
            {t('reportOpenLog')}
          </a>
          <a href={backHref}>{bySite ? t('reportBackCompany') : t('reportBackSite')}</a>
        </p>
      </header>
      {!evidence ? (
        <p class="hint">{t('reportLoading')}</p>
      ) : (
        <ReportBody ctx={ctx} scope={scope} evidence={evidence} subject={subject} n={n} lang={lang} />
      )}
      <MethodStatement t={t} source={source} preparedAt={ctx.date(preparedAt)} evidence={evidence} n={n} />
    </article>
  );
}

function ReportBody({
  ctx,
  scope,
  evidence,
  subject,
  n,
  lang,
}: {
  ctx: EvidenceContext;
  scope: EvidenceScope;
  evidence: Evidence;
  subject: string;
  n: (x: number) => string;
  lang: string | undefined;
}) {
  const { t } = ctx;
  const bySite = 'company' in scope;
  const { received, attempted } = evidence;
  const requests = received.reduce((sum, f) => sum + f.requests, 0);
  const tried = attempted.reduce((sum, f) => sum + f.requests, 0);
  const first = Math.min(...received.map((f) => f.firstSeen));
  const last = Math.max(...received.map((f) => f.lastSeen));
  const pairOf = (f: { site: string; company: string }) =>
    evidence.pairs.find((p) => p.site === f.site && p.company === f.company);
  const days = evidence.days ?? [];
  return (
    <>
      <section class="report-summary" aria-label={t('reportSummaryLabel')}>
        <p data-testid="report-summary">
          {bySite ? t('reportSummaryCompany', [subject]) : t('reportSummarySite', [subject])}
        </p>
        {!received.length && (
          <p data-testid="report-nothing-received">
            {bySite ? t('dashNothingReachedCompany') : t('dashNothingReachedSite')}
          </p>
        )}
        <dl class="report-facts" data-testid="report-facts">
          <div>
            <dt>{t('reportFactReceived')}</dt>
            <dd data-testid="report-received-requests">{n(requests)}</dd>
          </div>
          <div>
            <dt>{bySite ? t('dashColSites') : t('dashColCompaniesCount')}</dt>
            <dd>{n(received.length)}</dd>
          </div>
          {received.length > 0 && (
            <>
              <div>
                <dt>{t('dashColFirstSeen')}</dt>
                <dd>{ctx.date(first)}</dd>
              </div>
              <div>
                <dt>{t('dashColLastSeen')}</dt>
                <dd>{ctx.date(last)}</dd>
              </div>
            </>
          )}
          <div>
            <dt>{t('reportFactAttempted')}</dt>
            <dd data-testid="report-attempted-requests">{n(tried)}</dd>
          </div>
        </dl>
      </section>
      {received.length > 0 && (
        <section aria-labelledby="report-received-heading">
          <h3 id="report-received-heading">
            {bySite ? t('reportReceivedByCompany', [subject]) : t('reportReceivedFromSite', [subject])}
          </h3>
          <FlowTable
            ctx={ctx}
            rows={received}
            bySite={bySite}
            side="received"
            pairOf={pairOf}
            n={n}
            testId="report-received"
          />
          <h3 id="report-kinds-heading">{t('reportKindsHeading')}</h3>
          <KindTable ctx={ctx} totals={received} pairs={evidence.pairs} bySite={bySite} n={n} />
        </section>
      )}
      {days.length > 0 && days.length <= SHORT_SPAN_DAYS && (
        <section aria-labelledby="report-days-heading">
          <h3 id="report-days-heading">{t('reportDaysHeading')}</h3>
          <table class="data report-days" data-testid="report-days">
            <thead>
              <tr>
                <th scope="col">{t('dashColDay')}</th>
                <th scope="col" class="num">
                  {t('reportColReceived')}
                </th>
                <th scope="col" class="num">
                  {t('reportColAttempted')}
                </th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day}>
                  <td>{dayFormat(d.day, lang)}</td>
                  <td class="num">{n(d.received)}</td>
                  <td class="num">{n(d.attempted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {attempted.length > 0 && (
        <section aria-labelledby="report-attempts-heading" data-testid="report-attempts">
          <h3 id="report-attempts-heading">{t('reportAttemptsHeading')}</h3>
          <p class="hint">{t('reportAttemptsHint')}</p>
          <FlowTable
            ctx={ctx}
            rows={attempted}
            bySite={bySite}
            side="attempted"
            pairOf={pairOf}
            n={n}
            testId="report-attempted"
          />
        </section>
      )}
    </>
  );
}

/** One row per site (a company's report) or per company (a site's), with what it carried, decoded. */
function FlowTable({
  ctx,
  rows,
  bySite,
  side,
  pairOf,
  n,
  testId,
}: {
  ctx: EvidenceContext;
  rows: (SiteCompanyAggregate | AttemptAggregate)[];
  bySite: boolean;
  side: 'received' | 'attempted';
  pairOf: (f: { site: string; company: string }) => PairEvidence | undefined;
  n: (x: number) => string;
  testId: string;
}) {
  const { t } = ctx;
  return (
    <table class="data report-flows" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{bySite ? t('dashColSite') : t('dashColCompany')}</th>
          {!bySite && <th scope="col">{t('dashColCategory')}</th>}
          <th scope="col">{t('dashColFirstSeen')}</th>
          <th scope="col">{t('dashColLastSeen')}</th>
          <th scope="col" class="num">
            {t('dashColRequests')}
          </th>
          <th scope="col">{side === 'received' ? t('reportColCarried') : t('reportColWouldHaveCarried')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((f) => {
          const pair = pairOf(f);
          return (
            <tr key={`${f.site}\n${f.company}`} data-company={f.company} data-site={f.site}>
              <th scope="row">
                {bySite ? (
                  <a href={ctx.siteHref(f.site)}>{f.site}</a>
                ) : (
                  <a href={ctx.companyHref(f.company)}>{ctx.company(f.company).name}</a>
                )}
              </th>
              {!bySite && (
                <td>
                  <Categories t={t} categories={[f.category]} />
                </td>
              )}
              <td>{ctx.date(f.firstSeen)}</td>
              <td>{ctx.date(f.lastSeen)}</td>
              <td class="num">{n(f.requests)}</td>
              <td>
                <CarriedKinds t={t} kinds={kindsOf(f)} names={(kind) => pair?.[side][kind] ?? []} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Each kind received over every row: first and last seen, on how many sites (or companies), and its parameters. */
function KindTable({
  ctx,
  totals,
  pairs,
  bySite,
  n,
}: {
  ctx: EvidenceContext;
  totals: SiteCompanyAggregate[];
  pairs: PairEvidence[];
  bySite: boolean;
  n: (x: number) => string;
}) {
  const { t } = ctx;
  const spans = kindSpans(totals);
  if (!spans.length) return <p>{t('dashKindsNone')}</p>;
  return (
    <table class="data report-kinds" data-testid="report-kinds">
      <thead>
        <tr>
          <th scope="col">{t('reportColKind')}</th>
          <th scope="col">{t('dashColFirstSeen')}</th>
          <th scope="col">{t('dashColLastSeen')}</th>
          <th scope="col" class="num">
            {bySite ? t('dashColSites') : t('dashColCompaniesCount')}
          </th>
          <th scope="col">{t('reportColParameters')}</th>
        </tr>
      </thead>
      <tbody>
        {spans.map((s) => (
          <tr key={s.kind} data-kind={s.kind}>
            <th scope="row">
              <span class="term">{kindTerm(t, s.kind)}</span>
              <span class="report-help">{kindHelp(t, s.kind)}</span>
            </th>
            <td>{ctx.date(s.first)}</td>
            <td>{ctx.date(s.last)}</td>
            <td class="num">{n(s.count)}</td>
            <td>
              <Parameters t={t} names={namesOf(pairs, 'received', s.kind as DataKind)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Parameters({ t, names }: { t: EvidenceContext['t']; names: ReturnType<typeof namesOf> }) {
  return names.length ? <CarriedNames t={t} names={names} /> : <span class="none">{t('reportNoParameters')}</span>;
}

/** How Disclosed observed what the report says, what "received" means, where the names come from, and when. */
function MethodStatement({
  t,
  source,
  preparedAt,
  evidence,
  n,
}: {
  t: EvidenceContext['t'];
  source: DataSource | undefined;
  preparedAt: string;
  evidence: Evidence | undefined;
  n: (x: number) => string;
}) {
  return (
    <section class="report-method" aria-labelledby="report-method-heading" data-testid="report-method">
      <h3 id="report-method-heading">{t('reportMethodHeading')}</h3>
      <p>{t('reportMethodObserved')}</p>
      <p>{t('reportMethodReceived')}</p>
      <p>{t('reportMethodDecoded')}</p>
      {evidence && evidence.storedRequests < evidence.totalRequests && (
        <p data-testid="report-stored">
          {t('reportMethodRetention', [n(evidence.totalRequests), n(evidence.storedRequests)])}
        </p>
      )}
      {evidence &&
        evidence.storedRequests >= evidence.totalRequests &&
        evidence.readRequests >= evidence.storedRequests && (
          <p data-testid="report-stored">{t('reportMethodStored', [evidence.readRequests])}</p>
        )}
      {evidence && evidence.readRequests < evidence.storedRequests && (
        // The read limits left requests unread: say how many were read of how many, and what that may miss.
        <p data-testid="report-read-partly" data-cut-short={evidence.cutShort ? 'budget' : 'per-pair'}>
          {t('reportMethodPartly', [
            n(evidence.readRequests),
            n(evidence.storedRequests),
            n(evidence.limits.perPair),
            n(evidence.limits.budget),
          ])}
        </p>
      )}
      {source && (
        <p data-testid="report-source">
          {t('reportMethodSource', [source.name, source.version, source.license, source.attribution])}{' '}
          <a href={source.licenseUrl} target="_blank" rel="noreferrer">
            {source.licenseUrl}
          </a>
        </p>
      )}
      <p>{t('reportMethodLocal', [preparedAt])}</p>
    </section>
  );
}
