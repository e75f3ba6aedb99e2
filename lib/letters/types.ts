// A letter as stored, and the contacts the user corrected: what storage/db.ts keeps for the letters pages.

/** The five laws a letter can rely on (lib/letters/laws.ts has what each grants and requires). */
export type Law = 'gdpr' | 'uk-gdpr' | 'fadp' | 'lgpd' | 'ccpa';

/**
 * The request. Under the CCPA, `access` is the right to know and `objection` the opt-out of sale and sharing (with
 * the limit on sensitive personal information when precise location was observed).
 */
export type LetterRight = 'erasure' | 'access' | 'objection' | 'withdrawal';

export type LetterStatus =
  | 'draft'
  | 'sent'
  | 'acknowledged'
  | 'needs-identification'
  | 'extended'
  | 'fulfilled'
  | 'refused'
  | 'overdue'
  | 'escalated'
  | 'closed';

/**
 * Every value of each union once, as the validators of a letter (lib/messages.ts for what "I sent it" stores,
 * lib/export/format.ts for a backup) accept them: a value added to a type and not here fails to compile.
 */
export const LETTER_VALUES: {
  laws: Record<Law, true>;
  rights: Record<LetterRight, true>;
  channels: Record<LetterRecord['channel'], true>;
  statuses: Record<LetterStatus, true>;
} = {
  laws: { gdpr: true, 'uk-gdpr': true, fadp: true, lgpd: true, ccpa: true },
  rights: { erasure: true, access: true, objection: true, withdrawal: true },
  channels: { email: true, 'web-form': true, other: true },
  statuses: {
    draft: true,
    sent: true,
    acknowledged: true,
    'needs-identification': true,
    extended: true,
    fulfilled: true,
    refused: true,
    overdue: true,
    escalated: true,
    closed: true,
  },
};

/** A deletion request the user drafted and (once they say so) sent. Since version 4. */
export interface LetterRecord {
  reference: string;
  company: string;
  companyName: string;
  /** The law the letter relies on. */
  jurisdiction: Law;
  language: string;
  right: LetterRight;
  channel: 'email' | 'web-form' | 'other';
  recipient: string;
  subject: string;
  body: string;
  /** SHA-256 of the body as sent, so the text can be shown unchanged later. */
  textHash: string;
  status: LetterStatus;
  createdAt: number;
  /** The day the user sent it (YYYY-MM-DD): the deadline runs from it. */
  sentOn?: string;
  /**
   * Where the controller acts (ISO 3166-1, or 3166-2 such as `DE-BY` when the region is known): its public holidays
   * count in the deadline. Absent in records from before it was kept: weekends only.
   */
  country?: string;
  /** The day the controller announced an extension (YYYY-MM-DD): it counts only within the first period. */
  extensionAnnouncedOn?: string;
  /** When the controller asked for identification and when it was provided (the UK GDPR's clock stops meanwhile). */
  identification?: { requestedOn: string; providedOn?: string }[];
  /** The name the user signed it with, when they gave one: follow-ups are signed the same way. */
  name?: string;
  history: { at: number; status: LetterStatus; note?: string }[];
  /**
   * What the letter cited, as it stood when the user said they sent it: kept with the letter, so retention can let
   * the totals and identifiers it came from go while the company still owes an answer. Absent on letters recorded
   * before it was kept.
   */
  evidence?: EvidenceSnapshot;
}

/** The facts a sent letter cited (the composer's evidence for the sites it listed, and the identifiers ticked). */
export interface EvidenceSnapshot {
  domains: string[];
  sites: string[];
  requests: number;
  firstSeen: number;
  lastSeen: number;
  categories: string[];
  kinds: string[];
  identifiers: { source: string; name: string; value: string; domain?: string }[];
}

/** A privacy contact the user corrected or added, shown as theirs. Since version 4. */
export interface ContactCorrection {
  company: string;
  value: string;
  /** The controller's EU representative (Art. 27), when the user gave one: letters go to it. */
  representative?: string;
  updatedAt: number;
}
