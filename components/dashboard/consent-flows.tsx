import type { ConsentFlow, ConsentMoment } from '../../lib/consent/flows.ts';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
import { beforeOpenBanner, type ConsentFlowList } from '../../lib/storage/consent.ts';
import { formatMoment } from '../format.ts';
import { consentGap } from '../popup/consent.tsx';
import { kindTerms } from './columns.tsx';
import type { ViewContext } from './views.tsx';

// The consent evidence of a site's or a company's page: each request that reached a company before the person
// answered the page's cookie banner or after they refused it (lib/consent/flows.ts decides which), newest first.

const WITH_GAP: Record<ConsentMoment, MessageKey> = {
  'before-answer': 'dashConsentBefore',
  'after-refusal': 'dashConsentAfterRefusal',
  'after-partial': 'dashConsentAfterPartial',
  'after-withdrawal': 'dashConsentAfterWithdrawal',
};

/** Each moment's cell when its gap is not known: before an answer, the banner was (and may still be) unanswered. */
const WITHOUT_GAP: Record<ConsentMoment, MessageKey> = {
  'before-answer': 'dashConsentUnanswered',
  'after-refusal': 'popupConsentAfterRefusal',
  'after-partial': 'popupConsentAfterPartial',
  'after-withdrawal': 'popupConsentAfterWithdrawal',
};

/** "3 sec before you answered", "after you refused, 3 sec later"; without a known gap, the moment alone. */
export function momentCell(t: Translate, flow: ConsentFlow): string {
  if (flow.seconds === undefined) return t(WITHOUT_GAP[flow.moment]);
  return t(WITH_GAP[flow.moment], [consentGap(t, flow.seconds, 'short')]);
}

/**
 * The section, by company on a site's page and by site on a company's. Nothing at all while loading or when no
 * request carried the banner's state (nothing is known either way); a sentence when some did and none is evidence.
 */
export function ConsentFlows({
  ctx,
  list,
  by,
}: {
  ctx: ViewContext;
  list: ConsentFlowList | undefined;
  by: 'company' | 'site';
}) {
  const { t } = ctx;
  if (!list || (list.rows.length === 0 && !list.stamped)) return null;
  // "Before you answered" only when every listed request's answer is known: else the banner may still be open.
  const open = list.rows.some(beforeOpenBanner);
  return (
    <section aria-labelledby="consent-flows-heading" data-testid="consent-flows">
      <h3 id="consent-flows-heading">{t(open ? 'dashConsentHeadingOpen' : 'dashConsentHeading')}</h3>
      {list.rows.length === 0 ? (
        <p data-testid="consent-flows-none">{t(by === 'company' ? 'dashConsentNoneSite' : 'dashConsentNoneCompany')}</p>
      ) : (
        <>
          <p class="hint">{t('dashConsentHint')}</p>
          <table class="data consent-flows">
            <thead>
              <tr>
                <th scope="col">{t('dashColSent')}</th>
                <th scope="col">{t(by === 'company' ? 'dashColCompany' : 'dashColSite')}</th>
                <th scope="col">{t('dashColCarried')}</th>
                <th scope="col">{t('dashColConsentMoment')}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((flow, i) => (
                <tr
                  // Two requests of one company can leave in the same millisecond: the place breaks the tie.
                  key={`${flow.sentAt}:${flow.site}:${flow.company}:${flow.host}:${i}`}
                  data-testid="consent-flow-row"
                  data-moment={flow.moment}
                >
                  <td>
                    {/* To the second: a page's requests leave within the same minute. */}
                    <time dateTime={new Date(flow.sentAt).toISOString()}>{formatMoment(flow.sentAt, t.locale)}</time>
                  </td>
                  <td>
                    {by === 'company' ? (
                      <a href={ctx.companyHref(flow.company)}>{ctx.company(flow.company).name}</a>
                    ) : (
                      <a href={ctx.siteHref(flow.site)}>{flow.site}</a>
                    )}
                  </td>
                  <td>{kindTerms(t, flow.kinds)}</td>
                  <td class="moment">{momentCell(t, flow)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.more > 0 && (
            <p class="hint" data-testid="consent-flows-more">
              {t('dashConsentMore', [list.more])}
            </p>
          )}
        </>
      )}
    </section>
  );
}
