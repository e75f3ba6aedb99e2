import { describe, expect, it } from 'vitest';
import { daysLeft, deadlineFor, type Jurisdiction, parseDay } from '../../../lib/letters/deadline.ts';

describe('deadlineFor', () => {
  it.each<[Jurisdiction, string, string, string, string]>([
    // jurisdiction, received, due, extended due, why
    ['gdpr', '2026-11-23', '2026-12-23', '2027-02-23', 'the same date next month (a Wednesday)'],
    ['gdpr', '2025-01-31', '2025-02-28', '2025-04-30', 'no 31 February: the last day of the month'],
    ['gdpr', '2024-01-31', '2024-02-29', '2024-04-30', 'a leap year has 29 February'],
    ['gdpr', '2026-03-31', '2026-04-30', '2026-06-30', 'no 31 April'],
    ['gdpr', '2026-10-31', '2026-11-30', '2027-02-01', 'extension ends Sunday 31 January: Monday'],
    ['gdpr', '2026-12-12', '2027-01-12', '2027-03-12', 'received on a Saturday: the month still runs from then'],
    ['gdpr', '2026-09-26', '2026-10-26', '2026-12-28', 'extension ends Saturday 26 December: Monday 28'],
    ['gdpr', '2026-02-28', '2026-03-30', '2026-05-28', 'ends Saturday 28 March: Monday 30'],
    ['gdpr', '2026-12-31', '2027-02-01', '2027-03-31', 'ends Sunday 31 January 2027: Monday 1 February'],
    ['uk-gdpr', '2025-01-31', '2025-02-28', '2025-04-30', 'UK GDPR counts the same way'],
    ['ccpa', '2026-11-23', '2027-01-07', '2027-02-21', '45 calendar days, then 45 more'],
    ['ccpa', '2024-01-20', '2024-03-05', '2024-04-19', 'across a leap February'],
    ['ccpa', '2026-01-03', '2026-02-17', '2026-04-03', 'calendar days: no weekend rule'],
  ])('%s received %s → due %s (extended %s): %s', (jurisdiction, received, due, extendedDue) => {
    expect(deadlineFor(jurisdiction, received)).toEqual({ due, extendedDue });
  });

  it('refuses what is not a calendar day', () => {
    expect(() => deadlineFor('gdpr', '2026-02-30')).toThrow(RangeError);
    expect(() => deadlineFor('gdpr', '23/11/2026')).toThrow(RangeError);
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
