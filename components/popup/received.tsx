import { type DataKind, shownKinds } from '../../lib/disclose/kinds.ts';
import type { MessageKey, Translate } from '../../lib/i18n.ts';
import type { PageRecipient } from '../../lib/storage/queries.ts';
import { kindHelp, kindTerm } from '../vocabulary.tsx';

const key = (prefix: 'kind', kind: DataKind) => `${prefix}_${kind.replace(/-/g, '_')}` as MessageKey;

/** One phrase per kind received: "an identifier (cid)", "device details (screen 1920×1080)"… */
export function receivedPhrase(t: Translate, kind: DataKind, details: string[] = []): string {
  // A full address names its query's parameters (their values are never kept): "…with its query (q, utm_source)".
  if (kind === 'full-address')
    return details.length ? t('kind_full_address_names', [details.join(', ')]) : t(key('kind', kind));
  if (kind === 'identifier' || kind === 'cookie' || kind === 'device' || kind === 'event') {
    return details.length ? t(key('kind', kind), [details.join(', ')]) : t(key('kind', kind), ['…']);
  }
  return t(key('kind', kind));
}

/** "Received: …" for a company, and on expansion one request decoded as parameter → value → what it is. */
export function Received({ t, recipient }: { t: Translate; recipient: PageRecipient }) {
  const { kinds, details, example } = recipient;
  // Attempts of which one may have arrived (from the cache, cut off after it was sent): not "would have" but "may have".
  const may = recipient.attemptedOnly && !recipient.stoppedOnly;
  return (
    <>
      <p class="received" data-testid="received">
        {kinds.length === 0
          ? t(
              !recipient.attemptedOnly
                ? 'popupReceivedNothing'
                : may
                  ? 'popupMayHaveReceivedNothing'
                  : 'popupWouldHaveReceivedNothing',
            )
          : t(!recipient.attemptedOnly ? 'popupReceived' : may ? 'popupMayHaveReceived' : 'popupWouldHaveReceived', [
              shownKinds(kinds)
                .map((k) => receivedPhrase(t, k, details[k]))
                .join(', '),
            ])}
      </p>

      {example && example.findings.length > 0 && (
        <details class="example">
          <summary>{t('popupExample', [example.host])}</summary>
          <table class="data" data-testid="example">
            <caption class="hint">{t('popupExampleShortened')}</caption>
            <colgroup>
              <col class="name-col" />
              <col class="value-col" />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('popupExampleParameter')}</th>
                <th scope="col">{t('popupExampleValue')}</th>
                <th scope="col">{t('popupExampleMeaning')}</th>
              </tr>
            </thead>
            <tbody>
              {example.findings.map((f) => (
                <tr key={`${f.kind}:${f.name}`}>
                  <td class="param">{f.name}</td>
                  <td class="value">{f.value}</td>
                  {/* The phrase only: the glossary under the cards explains each kind once, for the whole page. */}
                  <td>{receivedPhrase(t, f.kind, f.detail && f.kind !== 'identifier' ? [f.detail] : [f.name])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </>
  );
}

/** Each kind of data the page's sentences name, explained once, in one plain sentence. */
export function KindGlossary({ t, kinds }: { t: Translate; kinds: DataKind[] }) {
  if (!kinds.length) return null;
  return (
    <section class="glossary" aria-labelledby="glossary-heading" data-testid="glossary">
      <h2 id="glossary-heading">{t('popupKindHelpLabel')}</h2>
      <dl>
        {kinds.map((k) => (
          <div key={k}>
            <dt>{kindTerm(t, k)}</dt>
            <dd>{kindHelp(t, k)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
