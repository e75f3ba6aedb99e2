// A letter as stored, and the contacts the user corrected: what storage/db.ts keeps for the letters pages.

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

/** A deletion request the user drafted and (once they say so) sent. Since version 4. */
export interface LetterRecord {
  reference: string;
  company: string;
  companyName: string;
  jurisdiction: 'gdpr' | 'uk-gdpr' | 'ccpa';
  language: string;
  right: 'erasure' | 'access' | 'objection' | 'withdrawal';
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
  /** The name the user signed it with, when they gave one: follow-ups are signed the same way. */
  name?: string;
  history: { at: number; status: LetterStatus; note?: string }[];
}

/** A privacy contact the user corrected or added, shown as theirs. Since version 4. */
export interface ContactCorrection {
  company: string;
  value: string;
  /** The controller's EU representative (Art. 27), when the user gave one: letters go to it. */
  representative?: string;
  updatedAt: number;
}
