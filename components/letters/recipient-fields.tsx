import type { Translate } from '../../lib/i18n.ts';
import type { ComposerInput, ComposerModel } from './composer-model.ts';

/** To whom the letter goes: the privacy contact (the person's correction first), a representative, saving them. */
export function RecipientFields({ t, input, model }: { t: Translate; input: ComposerInput; model: ComposerModel }) {
  const { company } = input;
  const { contact, representative, contactKept } = model.state;
  const setContact = (value: string) => model.dispatch({ type: 'set', field: 'contact', value });
  const setRepresentative = (value: string) => model.dispatch({ type: 'set', field: 'representative', value });
  return (
    <fieldset>
      <legend>{t('letterRecipient')}</legend>
      {!contact && !input.correction && (
        <p data-testid="needs-contact" class="warning">
          {t('letterNeedsContact')}{' '}
          {company.privacyPolicy && (
            <a href={company.privacyPolicy} target="_blank" rel="noreferrer">
              {t('letterPrivacyPolicy')}
            </a>
          )}
        </p>
      )}
      <label>
        {t('letterContact')}{' '}
        <input data-testid="letter-contact" value={contact} onInput={(e) => setContact(e.currentTarget.value)} />
      </label>
      {input.correction && <p class="hint">{t('letterContactYours')}</p>}
      <p role="status" data-testid="contact-status">
        {contactKept ? t('letterContactKept') : ''}
      </p>
      <label>
        {t('letterRepresentative')}{' '}
        <input value={representative} onInput={(e) => setRepresentative(e.currentTarget.value)} />
      </label>
      <button type="button" onClick={model.saveContact}>
        {t('letterSaveContact')}
      </button>
    </fieldset>
  );
}
