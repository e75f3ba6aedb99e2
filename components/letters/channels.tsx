import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n.ts';
import type { Attachment } from '../../lib/letters/compose.ts';
import { emlFile, mailtoLink } from '../../lib/letters/send.ts';

export interface ChannelActions {
  download: (filename: string, type: string, text: string) => void;
  copy: (text: string) => Promise<void>;
}

/**
 * The ways to send a letter, the same for a request and its follow-ups: a mail program (the whole letter in the link
 * only when the encoded link stays within the limit, else recipient and subject with the body copied), the web form,
 * copying each part, an `.eml` draft, printing. Nothing is sent by Disclosed.
 */
export function Channels({
  t,
  recipient,
  subject,
  body,
  reference,
  attachment,
  actions,
}: {
  t: Translate;
  /** An email address, a web form's address, or empty when the letter has no recipient yet. */
  recipient: string;
  subject: string;
  body: string;
  reference: string;
  attachment?: Attachment;
  actions: ChannelActions;
}) {
  const [notice, setNotice] = useState('');
  const isForm = /^https?:\/\//i.test(recipient);
  const mailto = !isForm && recipient ? mailtoLink(recipient, subject, body) : undefined;
  const copied = (text: string, message = t('letterCopied')) => actions.copy(text).then(() => setNotice(message));
  return (
    <>
      <div class="actions">
        {mailto && (
          <a
            class="button"
            data-testid="letter-mailto"
            href={mailto.href}
            onClick={() => !mailto.withBody && copied(body, t('letterMailtoTooLong'))}
          >
            {t('letterOpenMail')}
          </a>
        )}
        {isForm && (
          <a
            class="button"
            href={recipient}
            target="_blank"
            rel="noreferrer"
            onClick={() => copied(body, t('letterCopiedForForm'))}
          >
            {t('letterOpenForm')}
          </a>
        )}
        <button type="button" onClick={() => copied(recipient)} disabled={!recipient}>
          {t('letterCopyRecipient')}
        </button>
        <button type="button" onClick={() => copied(subject)}>
          {t('letterCopySubject')}
        </button>
        <button type="button" data-testid="letter-copy-body" onClick={() => copied(body)}>
          {t('letterCopyBody')}
        </button>
        <button
          type="button"
          data-testid="letter-eml"
          disabled={isForm}
          onClick={() =>
            actions.download(
              `${reference}.eml`,
              'message/rfc822',
              emlFile({
                to: recipient,
                subject,
                body,
                date: new Date(),
                reference,
                ...(attachment ? { attachment } : {}),
              }),
            )
          }
        >
          {t('letterDownloadEml')}
        </button>
        {attachment && (
          <button type="button" onClick={() => actions.download(attachment.filename, attachment.type, attachment.text)}>
            {t('letterDownloadEvidence')}
          </button>
        )}
        <button type="button" data-testid="letter-print" onClick={() => window.print()}>
          {t('letterPrint')}
        </button>
      </div>
      {mailto && !mailto.withRecipient && (
        <p class="hint" data-testid="recipient-not-an-address">
          {t('letterRecipientNotAnAddress')}
        </p>
      )}
      {mailto && !mailto.withBody && (
        <p class="hint" data-testid="mailto-too-long">
          {t('letterMailtoTooLong')}
        </p>
      )}
      <p role="status">{notice}</p>
    </>
  );
}

/**
 * Rows for a text box that shows a letter whole on screen: its lines, each wrapped at about `width` characters. (On
 * paper the letter is printed from its own view, never from the box.)
 */
export function textRows(text: string, min: number, width = 100): number {
  const rows = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / width)), 0);
  return Math.max(min, rows + 1);
}
