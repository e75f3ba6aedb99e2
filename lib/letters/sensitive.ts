/**
 * The sensitive-site hint lives in lib/disclose/sensitive.ts, below the letters and the classroom, so that both can
 * read it (see tests/unit/architecture.test.ts). The letters keep importing it from here.
 */
export * from '../disclose/sensitive.ts';
