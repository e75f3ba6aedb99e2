import { describe, expect, it } from 'vitest';
import {
  calendarFor,
  type DueInput,
  daysLeft,
  dueDate,
  dueDay,
  holidaysOf,
  type Law,
  parseDay,
  type Right,
} from '../../../lib/letters/deadline.ts';

const due = (law: Law, right: Right, received: string, country?: string) => dueDay({ law, right, received, country });

describe('one calendar month (Regulation 1182/71), weekends and public holidays of the controller’s country', () => {
  it.each<[Law, string, string | undefined, string, string]>([
    // law, received, controller's country, due, why
    ['gdpr', '2025-11-25', 'IE', '2025-12-29', '25, 26 December, then the weekend: Monday 29 (the issue’s example)'],
    ['gdpr', '2025-11-25', 'DE', '2025-12-29', '1. and 2. Weihnachtstag, then the weekend'],
    ['gdpr', '2025-11-25', 'FR', '2025-12-26', 'France keeps only 25 December'],
    ['gdpr', '2025-11-25', undefined, '2025-12-25', 'country unknown: weekends only'],
    ['gdpr', '2025-11-25', 'ZZ', '2025-12-25', 'a country with no calendar: weekends only'],
    ['gdpr', '2026-11-23', 'DE', '2026-12-23', 'the same date next month (a Wednesday)'],
    ['gdpr', '2025-01-31', 'IE', '2025-02-28', 'no 31 February: the month’s last day'],
    ['gdpr', '2024-01-31', 'DE', '2024-02-29', 'a leap year has 29 February'],
    ['gdpr', '2026-03-31', 'FR', '2026-04-30', 'no 31 April'],
    ['gdpr', '2026-02-28', 'NL', '2026-03-30', 'ends Saturday 28 March: Monday 30'],
    ['gdpr', '2026-12-31', 'DE', '2027-02-01', 'over the year end; Sunday 31 January: Monday 1 February'],
    ['gdpr', '2026-12-01', 'FR', '2027-01-04', 'New Year’s Day on a Friday, then the weekend'],
    ['gdpr', '2026-03-27', 'NL', '2026-04-28', 'Koningsdag, Monday 27 April'],
    ['gdpr', '2026-03-03', 'DE', '2026-04-07', 'Karfreitag, the weekend, Ostermontag'],
    ['gdpr', '2026-03-03', 'IE', '2026-04-03', 'Good Friday is no public holiday in Ireland'],
    ['gdpr', '2026-05-04', 'DE', '2026-06-04', 'Fronleichnam is no national holiday in Germany'],
    ['gdpr', '2026-05-04', 'DE-BY', '2026-06-05', 'a controller in Bavaria: Fronleichnam counts'],
    ['gdpr', '2026-05-04', 'DE-XX', '2026-06-04', 'an unknown Land: Germany’s holidays'],
    ['gdpr', '2025-04-14', 'FR', '2025-05-14', 'a plain Wednesday between 8 May and Ascension'],
    ['gdpr', '2025-04-08', 'FR', '2025-05-09', 'Fête de la Victoire, Thursday 8 May'],
    ['uk-gdpr', '2026-07-31', 'GB', '2026-09-01', 'England’s summer bank holiday, Monday 31 August'],
    ['uk-gdpr', '2026-07-31', 'GB-SCT', '2026-08-31', 'Scotland’s summer holiday is in early August'],
    ['uk-gdpr', '2026-12-01', 'GB', '2027-01-04', 'New Year’s Day on a Friday'],
    [
      'uk-gdpr',
      '2026-12-01',
      'GB-SCT',
      '2027-01-05',
      'Scotland’s 2 January is a Saturday: its substitute Monday counts too',
    ],
    ['uk-gdpr', '2025-01-31', 'UK', '2025-02-28', '"UK" read as GB'],
  ])('%s received %s, controller in %s → due %s: %s', (law, received, country, expected) => {
    expect(due(law, 'erasure', received, country)).toBe(expected);
  });
});

describe('other laws’ periods', () => {
  it.each<[Law, Right, string, string | undefined, string, string]>([
    ['ccpa', 'erasure', '2026-11-23', 'US', '2027-01-07', '45 calendar days'],
    ['ccpa', 'erasure', '2024-01-20', undefined, '2024-03-05', '45 days across a leap February'],
    ['ccpa', 'erasure', '2025-11-12', 'US', '2025-12-29', 'day 45 a Saturday after Christmas: Monday'],
    ['ccpa', 'access', '2025-10-13', 'DE', '2025-12-01', 'Thanksgiving and the day after (California), the weekend'],
    ['ccpa', 'opt-out', '2025-11-20', 'US', '2025-12-15', '15 business days around Thanksgiving'],
    ['ccpa', 'opt-out', '2025-03-10', undefined, '2025-04-01', '15 business days: César Chávez Day is not one'],
    ['ccpa', 'limit', '2025-03-10', undefined, '2025-04-01', 'limiting sensitive data: the same 15 business days'],
    ['fadp', 'access', '2025-07-02', 'CH', '2025-08-04', '30 days end on the Bundesfeiertag, a Friday'],
    ['fadp', 'access', '2025-06-09', 'CH', '2025-07-09', '30 days, a Wednesday'],
    ['fadp', 'access', '2024-02-10', 'CH', '2024-03-11', '30 days over a leap February, Sunday: Monday'],
    ['lgpd', 'access', '2025-11-05', 'BR', '2025-11-21', '15 days end on the Dia da Consciência Negra'],
    ['lgpd', 'access', '2025-12-17', 'BR', '2026-01-02', 'over the year end: Ano Novo'],
    ['lgpd', 'access', '2025-03-10', 'BR', '2025-03-25', '15 days, a Tuesday (Carnaval is no public holiday)'],
  ])('%s %s received %s (%s) → due %s: %s', (law, right, received, country, expected) => {
    expect(due(law, right, received, country)).toBe(expected);
  });

  it('runs no period for a withdrawal of consent, nor where a law sets none', () => {
    expect(dueDate({ law: 'gdpr', right: 'withdrawal', received: '2026-11-23', country: 'IE' })).toEqual({
      kind: 'none',
    });
    expect(dueDate({ law: 'uk-gdpr', right: 'withdrawal', received: '2026-11-23' }).kind).toBe('none');
    expect(dueDate({ law: 'fadp', right: 'erasure', received: '2026-11-23', country: 'CH' }).kind).toBe('none');
    expect(dueDate({ law: 'lgpd', right: 'erasure', received: '2026-11-23', country: 'BR' }).kind).toBe('none');
  });

  it('counts California’s holidays for every CCPA request, wherever the business sits', () => {
    expect(calendarFor('ccpa', 'IE')).toBe('US-CA');
    expect(calendarFor('gdpr', 'IE')).toBe('IE');
    expect(calendarFor('gdpr', 'gb')).toBe('GB-ENG');
    expect(holidaysOf('US-CA').has('2025-03-31')).toBe(true);
    expect(holidaysOf('US').has('2025-03-31')).toBe(false);
  });

  it('refuses what is not a calendar day', () => {
    expect(() => due('gdpr', 'erasure', '2026-02-30')).toThrow(RangeError);
    expect(() => due('gdpr', 'erasure', '23/11/2026')).toThrow(RangeError);
  });
});

describe('extensions', () => {
  const gdpr: DueInput = { law: 'gdpr', right: 'erasure', received: '2025-09-25', country: 'DE' };

  it('count when announced within the first month, and end on a working day too', () => {
    const d = dueDate({ ...gdpr, extensionAnnouncedOn: '2025-10-20' });
    // The first month ends Saturday 25 October → Monday 27; three months end on Christmas Day → Monday 29.
    expect(d).toMatchObject({ kind: 'due', firstDue: '2025-10-27', due: '2025-12-29', extended: true });
    expect(dueDay({ ...gdpr, extensionAnnouncedOn: '2025-10-27' })).toBe('2025-12-29');
  });

  it('are ignored when announced after the first month, or before the request', () => {
    expect(dueDate({ ...gdpr, extensionAnnouncedOn: '2025-10-28' })).toMatchObject({
      due: '2025-10-27',
      extended: false,
      extensionIgnored: true,
    });
    expect(dueDate({ ...gdpr, extensionAnnouncedOn: '2025-09-01' })).toMatchObject({ due: '2025-10-27' });
    expect(dueDate(gdpr)).toMatchObject({ due: '2025-10-27', extended: false, extensionIgnored: false });
  });

  it('under the CCPA add 45 days when noticed within the first 45; opt-outs have none', () => {
    // The opt-out: 15 business days from Monday 23 November 2026, Thanksgiving and the day after not counted.
    const ccpa: DueInput = { law: 'ccpa', right: 'erasure', received: '2026-11-23' };
    expect(dueDay({ ...ccpa, extensionAnnouncedOn: '2027-01-07' })).toBe('2027-02-22');
    expect(dueDay({ ...ccpa, extensionAnnouncedOn: '2027-01-08' })).toBe('2027-01-07');
    expect(dueDay({ ...ccpa, right: 'opt-out', extensionAnnouncedOn: '2026-11-24' })).toBe('2026-12-16');
  });
});

describe('the UK’s stop-the-clock while identification is pending', () => {
  const uk: DueInput = { law: 'uk-gdpr', right: 'access', received: '2026-01-05', country: 'GB' };

  it('stands while the controller waits for identification, and resumes with the days added', () => {
    expect(dueDate({ ...uk, identification: [{ requestedOn: '2026-01-10' }] })).toEqual({
      kind: 'paused',
      since: '2026-01-10',
    });
    // 5 February + the 10 days waited = Sunday 15 February → Monday 16.
    expect(dueDay({ ...uk, identification: [{ requestedOn: '2026-01-10', providedOn: '2026-01-20' }] })).toBe(
      '2026-02-16',
    );
    expect(dueDay(uk)).toBe('2026-02-05');
  });

  it('does not stop for a request made after the deadline, nor under the EU GDPR', () => {
    expect(dueDay({ ...uk, identification: [{ requestedOn: '2026-03-01' }] })).toBe('2026-02-05');
    expect(dueDay({ ...uk, law: 'gdpr', identification: [{ requestedOn: '2026-01-10' }] })).toBe('2026-02-05');
  });
});

describe('daysLeft', () => {
  it('counts whole days, negative when overdue, across a daylight-saving change', () => {
    expect(daysLeft('2026-12-23', '2026-11-23')).toBe(30);
    expect(daysLeft('2026-03-30', '2026-03-28')).toBe(2);
    expect(daysLeft('2026-11-01', '2026-11-03')).toBe(-2);
    expect(parseDay('2026-03-29').getDate()).toBe(29);
  });
});
