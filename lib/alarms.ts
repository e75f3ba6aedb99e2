// Every alarm the extension sets, named and parsed here only: the letters module creates reminder alarms, the
// background reads them back when they fire (possibly in a worker started weeks later, so the name is all it has).

/** Hourly: drop events past the retention limits. */
export const PRUNE_ALARM = 'prune-events';

/** When a letter's reminder fires: a week before its deadline, or on the day. */
export type ReminderWhen = 'before' | 'due';

export type Alarm = { kind: 'prune' } | { kind: 'letter-reminder'; reference: string; when: ReminderWhen };

const LETTER_PREFIX = 'letter:';

/** The alarm name of a letter's reminder; `parseAlarm` reads it back (the reference may hold colons). */
export function letterReminderAlarm(reference: string, when: ReminderWhen): string {
  return `${LETTER_PREFIX}${reference}:${when}`;
}

/** What an alarm is for, from its name; undefined for a name this version does not know (a stale alarm). */
export function parseAlarm(name: string): Alarm | undefined {
  if (name === PRUNE_ALARM) return { kind: 'prune' };
  if (!name.startsWith(LETTER_PREFIX)) return undefined;
  const rest = name.slice(LETTER_PREFIX.length);
  const colon = rest.lastIndexOf(':');
  const reference = rest.slice(0, colon);
  const when = rest.slice(colon + 1);
  if (colon <= 0 || (when !== 'before' && when !== 'due')) return undefined;
  return { kind: 'letter-reminder', reference, when };
}

/** Runs what an alarm is for; a name this version does not know is ignored. */
export function routeAlarm(
  name: string,
  on: { prune: () => Promise<unknown>; letterReminder: (reference: string, when: ReminderWhen) => Promise<unknown> },
): Promise<unknown> | undefined {
  const alarm = parseAlarm(name);
  if (alarm?.kind === 'prune') return on.prune();
  if (alarm?.kind === 'letter-reminder') return on.letterReminder(alarm.reference, alarm.when);
  return undefined;
}

/** The part of `browser.alarms` that schedules. */
export interface AlarmScheduler {
  get(name: string): Promise<unknown>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes: number }): unknown;
}

/** Sets the hourly pruning alarm unless it is set (alarms outlive the worker; re-creating one would delay it). */
export async function schedulePruning(alarms: AlarmScheduler): Promise<void> {
  if (!(await alarms.get(PRUNE_ALARM))) await alarms.create(PRUNE_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
}
