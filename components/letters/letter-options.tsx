import type { MessageKey, Translate } from '../../lib/i18n.ts';
import type { LetterRight } from '../../lib/letters/compose.ts';
import { LAWS, type Law, lawGrants } from '../../lib/letters/laws.ts';
import type { ComposerModel } from './composer-model.ts';

/** Which law, which right, which language, and (for erasure under a European law) the person's reason. */
export function LetterOptions({ t, model }: { t: Translate; model: ComposerModel }) {
  const { jurisdiction, reason } = model.state;
  const { right, language, languages, dispatch } = model;
  const setJurisdiction = (value: Law) => dispatch({ type: 'set', field: 'jurisdiction', value });
  const setRight = (value: LetterRight) => dispatch({ type: 'set', field: 'requested', value });
  const setLanguage = (value: string) => dispatch({ type: 'set', field: 'chosenLanguage', value });
  const setReason = (value: string) => dispatch({ type: 'set', field: 'reason', value });
  return (
    <fieldset class="letter-options">
      <legend>{t('letterOptions')}</legend>
      <label>
        {t('letterJurisdiction')}{' '}
        <select
          data-testid="letter-jurisdiction"
          value={jurisdiction}
          onChange={(e) => setJurisdiction(e.currentTarget.value as Law)}
        >
          {LAWS.map((law) => (
            <option key={law} value={law}>
              {t(LAW_NAMES[law])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('letterRight')}{' '}
        <select
          data-testid="letter-right"
          value={right}
          onChange={(e) => setRight(e.currentTarget.value as LetterRight)}
        >
          <option value="erasure">{t('letterRightErasure')}</option>
          <option value="access">{t('letterRightAccess')}</option>
          <option value="objection">{t('letterRightObjection')}</option>
          <option value="withdrawal" disabled={!lawGrants(jurisdiction, 'withdrawal')}>
            {t('letterRightWithdrawal')}
          </option>
        </select>
      </label>
      <label>
        {t('letterLanguage')}{' '}
        <select data-testid="letter-language" value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
          {languages.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      {jurisdiction !== 'ccpa' && right === 'erasure' && (
        <label class="block">
          {t('letterReason')}
          <textarea rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
      )}
    </fieldset>
  );
}

const LAW_NAMES: Record<Law, MessageKey> = {
  gdpr: 'letterJurisdictionGdpr',
  'uk-gdpr': 'letterJurisdictionUk',
  fadp: 'letterJurisdictionFadp',
  lgpd: 'letterJurisdictionLgpd',
  ccpa: 'letterJurisdictionCcpa',
};
