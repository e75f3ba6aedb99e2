import type { Translate } from '../../lib/i18n.ts';
import { formatDay } from '../format.ts';
import { Channels } from './channels.tsx';
import type { ComposerActions, ComposerInput, ComposerModel } from './composer-model.ts';

/** The ways to send the letter, the day it was sent, and "I sent it" (which records it and its deadline). */
export function SendControls({
  t,
  input,
  model,
  actions,
}: {
  t: Translate;
  input: ComposerInput;
  model: ComposerModel;
  actions: ComposerActions;
}) {
  const { recipient, subject, body, due } = model;
  const { letter, cites, sentOn } = model.state;
  const setSentOn = (value: string) => model.dispatch({ type: 'set', field: 'sentOn', value });
  return (
    <fieldset class="send">
      <legend>{t('letterSend')}</legend>
      <p class="hint">{t('letterNoAutoSend')}</p>
      <Channels
        t={t}
        recipient={recipient}
        subject={subject}
        body={body}
        reference={input.reference}
        {...(letter?.attachment ? { attachment: letter.attachment } : {})}
        actions={actions}
      />
      <div class="sent">
        <label>
          {t('letterSentOn')}{' '}
          <input
            type="date"
            data-testid="letter-sent-on"
            value={sentOn}
            max={input.today}
            onInput={(e) => setSentOn(e.currentTarget.value || input.today)}
          />
        </label>
        <button
          type="button"
          class="primary"
          data-testid="letter-sent"
          disabled={!recipient || !cites}
          onClick={model.markSent}
        >
          {t('letterISentIt')}
        </button>
        {due.kind === 'due' && <p class="hint">{t('letterDueIf', [formatDay(due.due)])}</p>}
      </div>
    </fieldset>
  );
}
