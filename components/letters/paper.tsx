import type { Translate } from '../../lib/i18n.ts';
import { signaturePlace } from '../../lib/letters/send.ts';

/**
 * A letter as it goes on paper: sender, recipient, subject and the whole body, and a line to sign on when asked for.
 * Hidden on screen; the page's print stylesheet shows it alone, so printing gives the letter and none of the form
 * (a text box prints only its visible height, and its labels with it). Text only: nothing here is read as HTML.
 * Marked with the letter's language, which need not be the UI's (a German UI can print an English letter).
 */
export function Paper({
  from,
  to,
  subject,
  body,
  closing,
  signatureLine,
  lang,
}: {
  /** The sender's name and contact lines, when the user gave them. */
  from?: string;
  /** The recipient's name and address, one per line. */
  to: string;
  subject: string;
  body: string;
  /** The letter language's closing, after which the signature goes. */
  closing: string;
  signatureLine: boolean;
  /** The letter language's code, as the page's `lang`. */
  lang: string;
}) {
  const place = signatureLine ? signaturePlace(body, closing) : undefined;
  return (
    <article class="paper" data-testid="paper" lang={lang}>
      {from?.trim() && <p class="paper-from">{from.trim()}</p>}
      {to.trim() && <p class="paper-to">{to.trim()}</p>}
      <p class="paper-subject">{subject}</p>
      {place ? (
        <>
          <div class="paper-body">{place.before}</div>
          <div class="paper-signature" data-testid="paper-signature" />
          {place.after && <div class="paper-body">{place.after}</div>}
        </>
      ) : (
        <div class="paper-body">{body}</div>
      )}
    </article>
  );
}

/** The name a letter is signed with and whether its paper gets a line to sign on: the same for requests and follow-ups. */
export function SignerFields({
  t,
  name,
  onName,
  signatureLine,
  onSignatureLine,
}: {
  t: Translate;
  name: string;
  onName: (name: string) => void;
  signatureLine: boolean;
  onSignatureLine: (on: boolean) => void;
}) {
  return (
    <fieldset>
      <legend>{t('letterSigner')}</legend>
      <label>
        {t('letterName')}{' '}
        <input
          data-testid="letter-name"
          autocomplete="name"
          value={name}
          onInput={(e) => onName(e.currentTarget.value)}
        />
      </label>
      <label>
        <input
          type="checkbox"
          data-testid="letter-signature-line"
          checked={signatureLine}
          onChange={(e) => onSignatureLine(e.currentTarget.checked)}
        />{' '}
        {t('letterSignatureLine')}
      </label>
      <p class="hint">{t('letterNameHint')}</p>
    </fieldset>
  );
}
