/**
 * The five laws a letter can rely on, which rights each grants, the legal anchors each letter must cite, and the
 * rule of each deadline (its parameters only: lib/letters/deadline.ts turns a rule and a day of receipt into a date).
 */
import type { Law, LetterRight } from './types.ts';

export type { Law, LetterRight };

export const LAWS: Law[] = ['gdpr', 'uk-gdpr', 'fadp', 'lgpd', 'ccpa'];

/** The rights each law grants as a letter can exercise them. revFADP and CCPA know no separate consent withdrawal. */
export const LAW_RIGHTS: Record<Law, LetterRight[]> = {
  gdpr: ['erasure', 'access', 'objection', 'withdrawal'],
  'uk-gdpr': ['erasure', 'access', 'objection', 'withdrawal'],
  fadp: ['erasure', 'access', 'objection'],
  lgpd: ['erasure', 'access', 'objection', 'withdrawal'],
  ccpa: ['erasure', 'access', 'objection'],
};

export function lawGrants(law: Law, right: LetterRight): boolean {
  return LAW_RIGHTS[law].includes(right);
}

/**
 * How long the recipient has to answer. `statutory: false` marks a period the letter asks for where the law fixes
 * none (erasure under the revFADP and the LGPD): it is shown and reminded of like the others, but the letter never
 * calls it a legal deadline.
 */
export interface DeadlineRule {
  unit: 'months' | 'calendar-days' | 'business-days';
  count: number;
  statutory: boolean;
  /** The longest extension the law allows, and whether it counts only when announced within the first period. */
  extension?: { unit: 'months' | 'calendar-days'; count: number; announcedWithinPeriod: boolean };
  /** UK GDPR Art. 12(3A)–(3B) (Data (Use and Access) Act 2025): the clock stops while identification is pending. */
  stopsWhileIdentifying?: boolean;
}

const MONTH: DeadlineRule = {
  unit: 'months',
  count: 1,
  statutory: true,
  extension: { unit: 'months', count: 2, announcedWithinPeriod: true },
};

/** The rule for a request, or undefined when the law sets none: a withdrawal of consent takes effect at once. */
export function deadlineRule(law: Law, right: LetterRight): DeadlineRule | undefined {
  if (right === 'withdrawal') return undefined;
  switch (law) {
    case 'gdpr':
      return MONTH;
    case 'uk-gdpr':
      return { ...MONTH, stopsWhileIdentifying: true };
    case 'fadp':
      // Art. 25(7) FADP: access "as a rule within 30 days"; for erasure and objection the law fixes no period.
      return { unit: 'calendar-days', count: 30, statutory: right === 'access' };
    case 'lgpd':
      // Art. 19(II) LGPD: a complete answer on access within 15 days; Art. 18 fixes no number of days for the rest.
      return { unit: 'calendar-days', count: 15, statutory: right === 'access' };
    case 'ccpa':
      // Opt-out of sale/sharing: 15 business days, no verification (11 CCR § 7026(f)); know and delete: 45 days,
      // once extendable by 45 with notice (Cal. Civ. Code § 1798.130(a)(2), 11 CCR § 7021).
      return right === 'objection'
        ? { unit: 'business-days', count: 15, statutory: true }
        : {
            unit: 'calendar-days',
            count: 45,
            statutory: true,
            extension: { unit: 'calendar-days', count: 45, announcedWithinPeriod: true },
          };
  }
}

/**
 * The legal anchors of each law, as ids whose numbers are the provision's own (art17_1_b is Art. 17(1)(b)); each
 * letter language writes every one in its own citation style. The completeness test checks that a language writes
 * them all, with those numbers, and that each letter cites what ANCHORS says it must.
 */
export const GDPR_ANCHORS = [
  'art4_1',
  'art4_7',
  'rec30',
  'art5_1_a',
  'art6_1',
  'art6_1_a',
  'art7_3',
  'art11_2',
  'art12_2',
  'art12_3',
  'art12_4',
  'art12_5',
  'art12_6',
  'art15_1',
  'art15_2',
  'art15_3',
  'art17',
  'art17_1_b',
  'art17_1_c',
  'art17_1_d',
  'art17_3',
  'art18_1_d',
  'art19',
  'art21_1',
  'art21_2',
  'art21_3',
  'art27',
  'art28_3_e',
  'art58_2_c',
  'art77',
  'art77_2',
  'art78_2',
] as const;
export type GdprAnchor = (typeof GDPR_ANCHORS)[number];

/** The UK GDPR adds the Data Protection Act 2018: complaints (s. 165) and orders to progress them (s. 166). */
export const UK_ANCHORS = [...GDPR_ANCHORS, 'dpa_s165', 'dpa_s166'] as const;
export type UkAnchor = (typeof UK_ANCHORS)[number];

export const FADP_ANCHORS = [
  'art5_a',
  'art19_4',
  'art25',
  'art25_2',
  'art25_6',
  'art25_7',
  'art26',
  'art30_2_b',
  'art31',
  'art32_2_c',
  'art32_4',
  'art49',
  'art49_4',
  'art51',
  'art14',
] as const;
export type FadpAnchor = (typeof FADP_ANCHORS)[number];

export const LGPD_ANCHORS = [
  'art5_i',
  'art5_vi',
  'art8_5',
  'art12_2',
  'art16',
  'art18_ii',
  'art18_iv',
  'art18_vi',
  'art18_vii',
  'art18_ix',
  'art18_1',
  'art18_2',
  'art18_3',
  'art18_5',
  'art18_6',
  'art19_ii',
  'art39',
] as const;
export type LgpdAnchor = (typeof LGPD_ANCHORS)[number];

export const CCPA_ANCHORS = [
  's1798_100_a',
  's1798_105',
  's1798_105_c',
  's1798_110',
  's1798_115',
  's1798_120',
  's1798_121',
  's1798_130_a_2',
  's1798_140_i',
  's1798_140_v',
  's1798_185',
  's1798_199_45',
  'r7021',
  'r7025_b',
  'r7025_c_1',
  'r7026_f',
  'r7027_g',
] as const;
export type CcpaAnchor = (typeof CCPA_ANCHORS)[number];

export interface AnchorsOf {
  gdpr: GdprAnchor;
  'uk-gdpr': UkAnchor;
  fadp: FadpAnchor;
  lgpd: LgpdAnchor;
  ccpa: CcpaAnchor;
}

export const LAW_ANCHORS: { [L in Law]: readonly AnchorsOf[L][] } = {
  gdpr: GDPR_ANCHORS,
  'uk-gdpr': UK_ANCHORS,
  fadp: FADP_ANCHORS,
  lgpd: LGPD_ANCHORS,
  ccpa: CCPA_ANCHORS,
};

const GDPR_LETTERS: Record<LetterRight, GdprAnchor[]> = {
  erasure: [
    'art17',
    'art17_1_b',
    'art7_3',
    'art4_7',
    'art17_3',
    'art19',
    'art12_3',
    'art12_4',
    'art12_5',
    'art4_1',
    'rec30',
    'art11_2',
    'art12_2',
    'art12_6',
  ],
  access: [
    'art15_1',
    'art15_2',
    'art15_3',
    'art4_7',
    'art12_3',
    'art12_4',
    'art12_5',
    'art4_1',
    'rec30',
    'art11_2',
    'art12_2',
    'art12_6',
  ],
  objection: ['art21_2', 'art21_3', 'art21_1', 'art18_1_d', 'art12_3', 'art12_4', 'art12_5', 'art4_1', 'art11_2'],
  withdrawal: ['art7_3', 'art4_1', 'art11_2'],
};

/** What each letter must cite, by law and right (only rights the law grants). */
export const REQUIRED_ANCHORS: { [L in Law]: Partial<Record<LetterRight, AnchorsOf[L][]>> } = {
  gdpr: GDPR_LETTERS,
  'uk-gdpr': GDPR_LETTERS,
  fadp: {
    erasure: ['art30_2_b', 'art31', 'art32_2_c', 'art32_4', 'art5_a'],
    access: ['art25', 'art25_2', 'art19_4', 'art25_6', 'art25_7', 'art5_a'],
    objection: ['art30_2_b', 'art32_2_c', 'art5_a'],
  },
  lgpd: {
    erasure: ['art18_iv', 'art18_vi', 'art18_ix', 'art18_6', 'art18_vii', 'art16', 'art18_5', 'art5_i', 'art18_3'],
    access: ['art18_ii', 'art19_ii', 'art18_vii', 'art18_5', 'art5_i', 'art12_2'],
    objection: ['art18_2', 'art18_iv', 'art18_5', 'art5_i'],
    withdrawal: ['art18_ix', 'art8_5', 'art5_i'],
  },
  ccpa: {
    erasure: ['s1798_140_i', 's1798_105', 's1798_105_c', 's1798_130_a_2', 'r7021'],
    access: ['s1798_140_i', 's1798_110', 's1798_115', 's1798_130_a_2', 'r7021'],
    objection: ['s1798_140_i', 's1798_120', 'r7025_b', 'r7026_f'],
  },
};
