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
}

/**
 * A `mailto:` link with the whole letter, or — when the encoded URL would pass the limit — with recipient and
 * subject only, never a cut letter. The limit is measured on the encoded URL: non-Latin text triples in length.
 */
export function mailtoLink(to: string, subject: string, body: string): Mailto {
  const base = `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}`;
  const full = `${base}&body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`;
  return full.length <= MAILTO_LIMIT ? { href: full, withBody: true } : { href: base, withBody: false };
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
  const headers = [
    `To: ${message.to}`,
    `Subject: ${encodeWord(message.subject)}`,
    `Date: ${rfc5322Date(message.date)}`,
    `Message-ID: <${message.reference}@disclosed.invalid>`,
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
  const boundary = `disclosed-${message.reference}`;
  const a = message.attachment;
  return `${[
    ...headers,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    ...text,
    `--${boundary}`,
    `Content-Type: ${a.type}; charset=UTF-8; name="${a.filename}"`,
    `Content-Disposition: attachment; filename="${a.filename}"`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(a.text),
    `--${boundary}--`,
  ].join('\r\n')}\r\n`;
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
    `UID:${r.reference}@disclosed.invalid`,
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

function icsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
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
