import type { Translate } from '../../lib/i18n.ts';
import { textRows } from './channels.tsx';
import type { ComposerModel } from './composer-model.ts';

/** The letter's subject and body, editable; the edits stay until the person resets them to the composed text. */
export function LetterText({ t, model }: { t: Translate; model: ComposerModel }) {
  const { subject, body, dispatch } = model;
  const { edited, letter } = model.state;
  return (
    <fieldset class="preview">
      <legend>{t('letterPreview')}</legend>
      <label class="block">
        {t('letterSubject')}
        <input
          data-testid="letter-subject"
          value={subject}
          onInput={(e) => dispatch({ type: 'edit', subject: e.currentTarget.value, body })}
        />
      </label>
      <label class="block">
        {t('letterBody')}
        <textarea
          data-testid="letter-body"
          rows={textRows(body, 12)}
          value={body}
          onInput={(e) => dispatch({ type: 'edit', subject, body: e.currentTarget.value })}
        />
      </label>
      {edited && (
        <button type="button" onClick={() => dispatch({ type: 'reset-text' })}>
          {t('letterResetText')}
        </button>
      )}
      {letter?.attachment && <p class="hint">{t('letterAttachment', [letter.attachment.filename])}</p>}
    </fieldset>
  );
}
