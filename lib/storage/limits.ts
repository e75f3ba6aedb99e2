/**
 * How much one stored row may hold: the recorder never stores more, and the import's validator (lib/export/format.ts)
 * accepts at least this much, so whatever is recorded can be exported and imported again. What a cap leaves out is
 * counted (`…More` fields), so a screen can say "and N more" instead of pretending the list is whole. What is left
 * out is not kept, so whether two left-out hosts were the same cannot be told: a `…More` field counts the requests
 * that met a full list, which is what a screen says ("and N more requests").
 */
export const STORED = {
  /** Host names of one (site, company) total or attempt. */
  hostsPerTotal: 100,
  /** Sites of one (day, company) total. */
  sitesPerDay: 1000,
  /** Sites an identifier value was seen on. */
  sitesPerIdentifier: 20,
  /**
   * Unlisted third parties (a `site:` company: a domain no list names) that one site may add totals for on one day.
   * A page can make up a new domain for every request; beyond this, requests to an unlisted party the site has no
   * total for are counted on the (site, day) row and not stored one by one. A news page loads a few dozen.
   */
  unlistedPerSiteDay: 200,
  /**
   * Characters of one part of a day's (site, company) pairs and requests per company (see `DayPart`): the recorder
   * rewrites only the day's last part, so a batch writes at most about this much, however long the day.
   */
  dayPartChars: 16_000,
  /**
   * Events a classroom session's store keeps (lib/classroom/session.ts), the newest: a lesson is an hour or two of a
   * few tabs (a few thousand requests), but a session left running all day on a busy page had no bound.
   */
  classroomEvents: 20_000,
} as const;
