import type { ReminderWhen } from '../alarms.ts';
import type { MessageKey } from '../i18n.ts';
import {
  currentDue,
  recordSent,
  reminderAlarms,
  reminderFor,
  type SentLetter,
  saveContact,
  setStatus,
} from '../letters/records.ts';
import type { ContactCorrection, LetterRecord, LetterStatus } from '../letters/types.ts';
import type { DisclosedDb } from '../storage/db.ts';

export interface LetterDeps {
  db: DisclosedDb;
  /** `browser.alarms.create(name, { when })`. */
  createAlarm: (name: string, when: number) => Promise<unknown> | undefined;
  /** Shows a local notification (`browser.notifications.create`); its id is the alarm's name. */
  notify: (id: string, notice: { title: string; message: string }) => Promise<unknown>;
  /** The UI's messages in the language chosen in settings. */
  t: (key: MessageKey, substitutions: string[]) => string;
  /** A day (YYYY-MM-DD) as the UI writes it, for the notifications: components/format.ts's `formatDay`. */
  day: (day: string) => string;
  now?: () => number;
}

/**
 * The letters' writes, done in the background for every page (pages read the letters live from the database): a
 * contact the user corrected, a letter they sent with its reminders, a status they set, and the reminders shown.
 */
export class LetterCommands {
  private readonly now: () => number;

  constructor(private readonly deps: LetterDeps) {
    this.now = deps.now ?? Date.now;
  }

  saveContact(contact: Omit<ContactCorrection, 'updatedAt'>): Promise<ContactCorrection> {
    return saveContact(this.deps.db, contact, this.now());
  }

  /** Records the letter, then sets local reminders a week before its deadline and on the day. */
  async recordSent(letter: SentLetter): Promise<LetterRecord> {
    const now = this.now();
    const record = await recordSent(this.deps.db, letter, now);
    const due = currentDue(record);
    // Set before answering, so the page that sent the letter finds its reminders.
    if (due)
      await Promise.all(reminderAlarms(record.reference, due, now).map((a) => this.deps.createAlarm(a.name, a.when)));
    return record;
  }

  /**
   * Sets the reminders of every letter still awaiting an answer (after an import brought letters from another
   * browser: its alarms stayed there). Setting an alarm again replaces it, so one set already is not doubled.
   */
  async restoreReminders(): Promise<void> {
    const now = this.now();
    const letters = await this.deps.db.letters.toArray();
    const alarms = letters.flatMap((record) => {
      const due = currentDue(record);
      return due ? reminderAlarms(record.reference, due, now) : [];
    });
    await Promise.all(alarms.map((a) => this.deps.createAlarm(a.name, a.when)));
  }

  async setStatus(reference: string, status: LetterStatus): Promise<{ updated: boolean }> {
    return { updated: (await setStatus(this.deps.db, reference, status, this.now())) > 0 };
  }

  /** A reminder alarm fired: notify, unless the request was answered meanwhile. */
  async remind(alarmName: string, reference: string, when: ReminderWhen): Promise<void> {
    const reminder = await reminderFor(this.deps.db, reference, when);
    if (!reminder) return;
    const { t } = this.deps;
    await this.deps.notify(alarmName, {
      title: t('lettersHeading', []),
      message:
        when === 'due'
          ? t('lettersNotifyDue', [reminder.companyName])
          : t('lettersNotifyBefore', [reminder.companyName, this.deps.day(reminder.due)]),
    });
  }
}
