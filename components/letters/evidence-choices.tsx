import type { Translate } from '../../lib/i18n.ts';
import type { CitedIdentifier } from '../../lib/letters/compose.ts';
import { type ComposerInput, type ComposerModel, idKey } from './composer-model.ts';

/**
 * Where the browser keeps a cookie, when it is not simply the company's own cookie where the user browses: the
 * sites a partitioned copy was set under, and another container or cookie store. Empty otherwise.
 */
export function cookiePlace(t: Translate, c: CitedIdentifier, locale: string): string {
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  return [
    ...(c.partitions?.length ? [t('letterCookiePartition', [list.format(c.partitions)])] : []),
    ...(c.stores?.length ? [t('letterCookieStore', [list.format(c.stores)])] : []),
  ].join(', ');
}

/** The identifiers the letter may cite, ticked or not. */
export function IdentifierChoices({ t, input, model }: { t: Translate; input: ComposerInput; model: ComposerModel }) {
  const { candidates } = model;
  const { chosen } = model.state;
  return (
    <fieldset>
      <legend>{t('letterIdentifiers')}</legend>
      {input.cookiesUnread && (
        <p class="notice" data-testid="cookies-unread">
          {t('letterCookiesUnread')}
        </p>
      )}
      {candidates.length === 0 ? (
        <p>{t('letterNoIdentifiers')}</p>
      ) : (
        <ul class="checks" data-testid="letter-identifiers">
          {candidates.map((c) => {
            const place = c.source === 'cookie' ? cookiePlace(t, c, input.uiLanguage) : '';
            return (
              <li key={idKey(c)}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(idKey(c))}
                    onChange={() => model.dispatch({ type: 'toggle-identifier', key: idKey(c) })}
                  />{' '}
                  {c.source === 'cookie' ? t('letterCookie', [c.name, c.domain ?? '']) : t('letterParameter', [c.name])}
                  {place && <span data-testid="cookie-place">, {place}</span>}: <code>{c.value}</code>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {input.cookies.length > 0 && <p class="hint">{t('letterKeepCookies')}</p>}
    </fieldset>
  );
}

/** The person's own identifiers: an email address (cited as its hash) and an IP address. */
export function PersonalChoices({ t, model }: { t: Translate; model: ComposerModel }) {
  const { email, ip, emailHash } = model.state;
  const setEmail = (value: string) => model.dispatch({ type: 'set', field: 'email', value });
  const setIp = (value: string) => model.dispatch({ type: 'set', field: 'ip', value });
  return (
    <fieldset>
      <legend>{t('letterPersonal')}</legend>
      <p class="hint warning">{t('letterPersonalWarning')}</p>
      <label>
        {t('letterEmail')}{' '}
        <input type="email" data-testid="letter-email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </label>
      {emailHash && (
        <p class="hint" data-testid="letter-email-hash">
          {t('letterEmailHashed', [emailHash])}
        </p>
      )}
      <label>
        {t('letterIp')} <input value={ip} onInput={(e) => setIp(e.currentTarget.value)} />
      </label>
    </fieldset>
  );
}

/** The sensitive sites, named in the letter only when the person ticks them. */
export function SensitiveChoices({ t, input, model }: { t: Translate; input: ComposerInput; model: ComposerModel }) {
  const { gathered } = input;
  const { sensitive } = model.state;
  if (gathered.sensitiveSites.length === 0) return null;
  return (
    <fieldset>
      <legend>{t('letterSensitive')}</legend>
      <p class="hint">{t('letterSensitiveHint')}</p>
      <ul class="checks">
        {gathered.sensitiveSites.map((s) => (
          <li key={s}>
            <label>
              <input
                type="checkbox"
                checked={sensitive.has(s)}
                onChange={() => model.dispatch({ type: 'toggle-sensitive', site: s })}
              />{' '}
              {s}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
