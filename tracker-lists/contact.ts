import type { PrivacyContact } from '../lib/trackers/format.ts';

const EMAIL = /^[^\s@<>(),;:"[\]]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i;
const EMAIL_IN_TEXT = /[^\s@<>(),;:"[\]]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
const BARE_HOST_AND_PATH = /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/\S*)?$/i;
const PHONE = /^[\d\s()./+-]+$/;
const NOTHING = new Set(['', 'n/a', 'na', 'none', 'null', '-', 'unknown']);

/**
 * Classifies TrackerDB's free-text `privacy_contact` as an email address, a web form URL, a phone number or nothing.
 *
 * The field is hand-entered: besides clean addresses it holds "n/a", a full-width "＠", trailing dots, bare host
 * names, phone numbers and whole postal blocks. We normalise what is unambiguous and otherwise say `none`, keeping the
 * raw text so the UI can show it — a letter must never go to an address we guessed.
 */
export function classifyContact(input: string | null | undefined): PrivacyContact {
  const raw = (input ?? '').trim();
  if (NOTHING.has(raw.toLowerCase())) return raw ? { kind: 'none', value: '', raw } : { kind: 'none', value: '' };

  const cleaned = raw
    .normalize('NFKC') // full-width ＠ and letters become their ASCII forms
    .replace(/^mailto:/i, '')
    .replace(/[.,;]+$/, '')
    .trim();
  const withRaw = (contact: PrivacyContact): PrivacyContact => (contact.value === raw ? contact : { ...contact, raw });

  if (EMAIL.test(cleaned)) return withRaw({ kind: 'email', value: cleaned.toLowerCase() });
  if (/^https?:\/\/\S+$/i.test(cleaned)) {
    try {
      return withRaw({ kind: 'url', value: new URL(cleaned).href });
    } catch {
      return { kind: 'none', value: '', raw };
    }
  }
  if (BARE_HOST_AND_PATH.test(cleaned) && !cleaned.includes('@')) {
    return withRaw({ kind: 'url', value: new URL(`https://${cleaned}`).href });
  }
  const digits = cleaned.replace(/\D/g, '');
  if (PHONE.test(cleaned) && /^[^+]*\+?[^+]*$/.test(cleaned) && digits.length >= 7 && digits.length <= 15)
    return withRaw({ kind: 'phone', value: cleaned });

  // Free text with exactly one address in it ("… Email: privacy@example.com; …"): that address is the contact.
  const found = [...new Set(cleaned.match(EMAIL_IN_TEXT) ?? [])];
  if (found.length === 1 && found[0]) return { kind: 'email', value: found[0].toLowerCase(), raw };
  return { kind: 'none', value: '', raw };
}
