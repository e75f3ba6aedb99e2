/**
 * How much one stored row may hold: the recorder never stores more, and the import's validator (lib/export/format.ts)
 * accepts at least this much, so whatever is recorded can be exported and imported again. What a cap leaves out is
 * counted (`…More` fields), so a screen can say "and N more" instead of pretending the list is whole.
 */
export const STORED = {
  /** Host names of one (site, company) total or attempt. */
  hostsPerTotal: 100,
  /** Sites of one (day, company) total. */
  sitesPerDay: 1000,
  /** Sites an identifier value was seen on. */
  sitesPerIdentifier: 20,
} as const;
