import type { Attachment } from './compose.ts';

/**
 * Ways to send a letter, none automatic: a `mailto:` link, an `.eml` file to open in a mail program, an `.ics`
 * reminder. The user sends, then says so.
 */

/** Longest `mailto:` URL (percent-encoded) that mail programs and browsers reliably accept. */
export const MAILTO_LIMIT = 2000;

export interface Mailto {
  href: string;
  /** False when the body did not fit: the link holds recipient and subject only, and the user copies the body. */
  withBody: boolean;
  /** False when the contact is not one email address: the link opens a message with no recipient. */
  withRecipient: boolean;
}

/** One recipient: an email address, and the name shown with it when the contact gave one (`Name <address>`). */
export interface Recipient {
  address: string;
  name?: string;
}

// An addr-spec's parts without quoting or comments (RFC 5322 §3.4.1 dot-atom), non-ASCII allowed (RFC 6531): no
// spaces, controls, commas, angle brackets, quotes or semicolons, so no text of it can end a header or add a
// recipient. `?`, `&`, `%` and `=` are valid in a local part, and are percent-encoded in a link.
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF-]+";
const ADDRESS = new RegExp(`^${ATOM}(?:\\.${ATOM})*@[A-Za-z0-9\\u0080-\\uFFFF-]+(?:\\.[A-Za-z0-9\\u0080-\\uFFFF-]+)*$`);

/**
 * The contact as one recipient, or undefined when it is not exactly one email address (`a@x`, or `Name <a@x>`):
 * a contact with a line break, a comma or a second address is refused rather than passed on to a header or a link.
 */
export function parseRecipient(contact: string): Recipient | undefined {
  const text = contact.trim();
  // Anything that is not printable (CR, LF, other controls, separators of lines and paragraphs) refuses the whole.
  if (!text || text.length > 500 || /[\p{Cc}\p{Zl}\p{Zp}]/u.test(text)) return undefined;
  const named = /^([^<>]*)<([^<>]+)>$/.exec(text);
  const address = (named ? (named[2] as string) : text).trim();
  if (address.length > 254 || !ADDRESS.test(address)) return undefined;
  const name = named?.[1]?.trim().replace(/^"(.*)"$/, '$1');
  return name ? { address, name } : { address };
}

/** A `mailto:` address (RFC 6068 §2): percent-encoded UTF-8 but for the `@`, so a `?`, `&` or `%` in it stays in it. */
function mailtoAddress(address: string): string {
  return encodeURIComponent(address).replace(/%40/g, '@');
}

/** A link to write to a contact, or undefined when the contact is not one email address. */
export function mailtoHref(contact: string): string | undefined {
  const recipient = parseRecipient(contact);
  return recipient && `mailto:${mailtoAddress(recipient.address)}`;
}

/** A header value on one line: every line break and control character becomes a space. */
function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();
}

/**
 * A `mailto:` link with the whole letter, or — when the encoded URL would pass the limit — with recipient and
 * subject only, never a cut letter. The limit is measured on the encoded URL: non-Latin text triples in length.
 * Every part is percent-encoded (RFC 6068): the subject on one line, the body's line breaks as CRLF (`%0D%0A`).
 */
export function mailtoLink(to: string, subject: string, body: string): Mailto {
  const recipient = parseRecipient(to);
  const address = recipient ? mailtoAddress(recipient.address) : '';
  const base = `mailto:${address}?subject=${encodeURIComponent(oneLine(subject))}`;
  const full = `${base}&body=${encodeURIComponent(body.replace(/\r\n|\r|\n/g, '\r\n'))}`;
  const withRecipient = !!recipient;
  return full.length <= MAILTO_LIMIT
    ? { href: full, withBody: true, withRecipient }
    : { href: base, withBody: false, withRecipient };
}

export interface EmlMessage {
  to: string;
  subject: string;
  body: string;
  date: Date;
  reference: string;
  attachment?: Attachment;
}

/**
 * An unsent message (RFC 5322 with MIME): mail programs open it as a draft to send (`X-Unsent: 1`). UTF-8 text in
 * base64, the subject as an RFC 2047 encoded word, the evidence file attached when there is one.
 */
export function emlFile(message: EmlMessage): string {
  const reference = checkedReference(message.reference);
  const recipient = parseRecipient(message.to);
  const headers = [
    // A contact that is not one address is left out: the draft opens without a recipient, never with an extra header.
    ...(recipient ? [`To: ${addressHeader(recipient)}`] : []),
    `Subject: ${encodeWord(oneLine(message.subject))}`,
    `Date: ${rfc5322Date(message.date)}`,
    `Message-ID: <${reference}@disclosed.invalid>`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
  ];
  const text = [
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(message.body),
  ];
  if (!message.attachment) return `${[...headers, ...text].join('\r\n')}\r\n`;
  const boundary = `disclosed-${reference}`;
  const a = message.attachment;
  const type = /^[a-z]+\/[a-z0-9.+-]+$/i.test(a.type) ? a.type : 'application/octet-stream';
  const filename = quoted(oneLine(a.filename));
  return `${[
    ...headers,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    ...text,
    `--${boundary}`,
    `Content-Type: ${type}; charset=UTF-8; name=${filename}`,
    `Content-Disposition: attachment; filename=${filename}`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(a.text),
    `--${boundary}--`,
  ].join('\r\n')}\r\n`;
}

/** A letter's reference as it goes into a header or a calendar UID: the characters `newReference` uses, or refused. */
function checkedReference(reference: string): string {
  if (!/^[A-Za-z0-9-]{1,100}$/.test(reference)) throw new Error(`Not a letter reference: ${JSON.stringify(reference)}`);
  return reference;
}

/** `To:` with the name as an RFC 2047 encoded word (non-ASCII) or a quoted string (RFC 5322 §3.2.4). */
function addressHeader({ name, address }: Recipient): string {
  if (!name) return address;
  const phrase = /^[\x20-\x7e]*$/.test(name) ? quoted(name) : encodeWord(name);
  return `${phrase} <${address}>`;
}

/** A quoted string: backslash and double quote escaped (the text is on one line already). */
function quoted(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** A subject as UTF-8 encoded words of at most 75 characters each (RFC 2047), or as is when it is plain ASCII. */
export function encodeWord(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    // 45 bytes of UTF-8 make 60 characters of base64: with "=?UTF-8?B?" and "?=" a word stays within 75.
    if (utf8(chunk + char).length > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64(utf8(w))}?=`).join('\r\n ');
}

function rfc5322Date(d: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  return (
    `${days[d.getDay()]}, ${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ` +
    `${offset >= 0 ? '+' : '-'}${pad(Math.trunc(offset / 60))}${pad(offset % 60)}`
  );
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function base64Lines(text: string): string {
  return base64(utf8(text.replace(/\r?\n/g, '\r\n'))).replace(/.{76}/g, '$&\r\n');
}

export interface CalendarReminder {
  reference: string;
  /** YYYY-MM-DD. */
  due: string;
  summary: string;
  description: string;
  now: Date;
}

/** An all-day calendar event on the deadline with alarms a week and a day before (RFC 5545). */
export function icsFile(r: CalendarReminder): string {
  const day = r.due.replace(/-/g, '');
  const next = new Date(`${r.due}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const stamp = r.now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Disclosed//Letters//EN',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${checkedReference(r.reference)}@disclosed.invalid`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${day}`,
    `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replace(/-/g, '')}`,
    `SUMMARY:${icsText(r.summary)}`,
    `DESCRIPTION:${icsText(r.description)}`,
    ...['-P7D', '-P1D'].flatMap((trigger) => [
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${icsText(r.summary)}`,
      `TRIGGER:${trigger}`,
      'END:VALARM',
    ]),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/**
 * A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, every line break (CRLF, a lone CR or LF,
 * a Unicode line or paragraph separator) as `\\n`, and other control characters, which TEXT may not hold, dropped.
 */
function icsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '\\n')
    .replace(/[\p{Cc}]/gu, (c) => (c === '\t' ? c : ''));
}

/** Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1), never inside a character. */
function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    if (utf8(current + char).length > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A reference no other letter has: DSC-YYYYMMDD- and six random characters from an alphabet without look-alikes. */
export function newReference(
  date: string,
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const code = [...random(6)].map((b) => alphabet[b % 32]).join('');
  return `DSC-${date.replace(/-/g, '')}-${code}`;
}

/**
 * A letter split where a handwritten signature goes on paper: after the last line that is the closing ("Kind
 * regards"), before the name. A letter whose closing the user edited away keeps its text whole, with the place for the
 * signature at its end.
 */
export function signaturePlace(body: string, closing: string): { before: string; after: string } {
  const lines = body.split(/\r?\n/);
  const at = lines.map((l) => l.trim()).lastIndexOf(closing.trim());
  if (at < 0) return { before: body.trimEnd(), after: '' };
  return { before: lines.slice(0, at + 1).join('\n'), after: lines.slice(at + 1).join('\n') };
}
