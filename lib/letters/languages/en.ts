import type { ConsentEventText, LawRoles, LawText, LetterLanguage, RequestContext } from '../language.ts';
import { byArticle, timelineBlock } from '../language.ts';
import {
  CCPA_ANCHORS,
  type CcpaAnchor,
  FADP_ANCHORS,
  type FadpAnchor,
  GDPR_ANCHORS,
  type GdprAnchor,
  LGPD_ANCHORS,
  type LgpdAnchor,
  type UkAnchor,
} from '../laws.ts';

/** "Article 17(1)(b) GDPR" from art17_1_b; "Recital 30 GDPR" from rec30. */
function gdprCite(law: string, id: string): string {
  if (id === 'rec30') return `Recital 30 ${law}`;
  const [art, ...rest] = id.replace(/^art/, '').split('_');
  return `Article ${art}${rest.map((r) => `(${r})`).join('')} ${law}`;
}

/**
 * Several provisions of one law, its name written once: "Article 11(2) and Article 12(2) and (6) GDPR",
 * "Articles 77(2) and 78(2) GDPR".
 */
function gdprCites(law: string, ids: readonly GdprAnchor[]): string {
  const groups = byArticle(ids).map(([art, tails]) => ({
    art,
    tails: tails.map((t) => t.map((r) => `(${r})`).join('')).join(' and '),
    many: tails.length > 1,
  }));
  return groups.some((g) => g.many) || groups.length < 2
    ? `${groups.map((g) => `Article ${g.art}${g.tails}`).join(' and ')} ${law}`
    : `Articles ${groups.map((g) => `${g.art}${g.tails}`).join(' and ')} ${law}`;
}

function gdprFamily(law: 'GDPR' | 'UK GDPR'): Record<GdprAnchor, string> {
  return Object.fromEntries(GDPR_ANCHORS.map((id) => [id, gdprCite(law, id)])) as Record<GdprAnchor, string>;
}

const tracking =
  'the segments, interest categories and other inferences you derived about me, the identifiers of partners with which you synchronised mine, the bid requests in which my data was sent, and the websites and apps on which it was collected';

function gdprText(
  lawName: string,
  short: 'GDPR' | 'UK GDPR',
  cite: Record<GdprAnchor, string>,
  where: 'in the Union' | 'in the United Kingdom',
  authority: string,
  supervisor: string,
  extra: Partial<LawRoles> = {},
): LawText<GdprAnchor> {
  const deadline = (c: Record<GdprAnchor, string>) =>
    `Please act on this request without undue delay and in any event within one month of receipt (${c.art12_3}). If you do not act on it, please tell me within the same period why not, and that I may complain to ${supervisor} and seek a judicial remedy (${c.art12_4}). The request is free of charge (${c.art12_5}).`;
  const scope = (c: Record<GdprAnchor, string>) =>
    `for every service for which you are the controller (${c.art4_7}), including but not limited to the data set out below`;
  const cites = (ids: readonly GdprAnchor[]) => gdprCites(short, ids);
  const identify = cites(['art11_2', 'art12_2', 'art12_6']);
  return {
    cite,
    cites,
    rights: {
      erasure: {
        subject: (f) => `Request for erasure of personal data — reference ${f.reference}`,
        body: (c, x: RequestContext) => {
          const why = [
            `Should I have given you consent to any processing, I hereby withdraw it (${c.art7_3}); where there is no other legal ground for the processing, erasure is due under ${c.art17_1_b}.`,
          ];
          if (x.grounds.includes('marketing'))
            why.push(
              `I object to the processing of my data for direct marketing, including profiling related to it (${c.art21_2}); the data may then no longer be processed for such purposes (${c.art21_3}), and erasure is due under ${c.art17_1_c}.`,
            );
          if (x.grounds.includes('particular'))
            why.push(
              `I also object, on grounds relating to my particular situation, to any processing you base on legitimate interests (${c.art21_1}): ${x.reason} Unless you demonstrate compelling legitimate grounds that override my interests, rights and freedoms, erasure is also due under ${c.art17_1_c}.`,
            );
          return [
            `Under ${c.art17}, I ask you to erase without undue delay all personal data you hold about me, ${scope(c)}.`,
            why.join(' '),
            // What was observed and the resident's rule: a paragraph of its own, after the grounds it adds to.
            ...(x.grounds.includes('unlawful') && x.unlawful
              ? [
                  `${x.unlawful.observed} Under the rule that applies in my country of residence (${x.unlawful.rule}), storing information on my device, or gaining access to information already stored on it, requires my prior consent unless it is strictly necessary to provide a service I have explicitly requested${
                    // PECR regulation 6 has further exceptions (as amended in 2025): the letter does not claim none exists.
                    where === 'in the United Kingdom'
                      ? ' or another exception in regulation 6 applies; none of them applies to sending your cookies or identifiers to your servers'
                      : '; sending your cookies or identifiers to your servers is not'
                  }. As recorded above, I had not consented to your company’s cookies or identifiers on ${x.unlawful.sites === 1 ? 'that site' : 'those sites'} when these requests were sent. Personal data obtained in this way therefore has no lawful basis under ${c.art6_1}, consent (${c.art6_1_a}) being the only basis available for it; it is processed unlawfully (${c.art5_1_a}) and must be erased under ${c.art17_1_d}.`,
                ]
              : []),
            `In my view none of the exceptions in ${c.art17_3} applies. If you rely on one, please name it and erase all data it does not cover. Please notify every recipient to whom the data was disclosed of the erasure, and tell me who those recipients are (${c.art19}). Please confirm the erasure in writing, naming the identifiers the data was linked to.`,
            deadline(c),
          ];
        },
      },
      access: {
        subject: (f) => `Request for access to personal data — reference ${f.reference}`,
        body: (c) => [
          `Under ${c.art15_1}, I ask you to confirm whether you process personal data about me and, where you do, to give me access to it and a copy of it (${c.art15_3}), ${scope(c)}. This includes ${tracking}.`,
          `Please also tell me (${c.art15_1}): (a) the purposes of each processing; (b) the categories of data concerned; (c) the recipients to whom the data has been or will be disclosed, by name, including participants in real-time bidding and partners with which you synchronised identifiers; (d) how long the data will be kept, or the criteria for that period; (e) that I may request rectification or erasure, restriction of processing, or object to it; (f) that I may complain to ${supervisor}; (g) where data was not collected from me, all available information on its source, including the websites and apps concerned; (h) whether you use the data for automated decision-making, including profiling, and if so meaningful information about the logic involved and its significance and envisaged consequences for me. Where data is transferred to a third country or an international organisation, please tell me the appropriate safeguards for the transfer (${c.art15_2}).`,
          deadline(c),
        ],
      },
      objection: {
        subject: (f) => `Objection to processing of personal data — reference ${f.reference}`,
        body: (c, x) => [
          `I object to the processing of my personal data for direct marketing, including profiling related to it (${c.art21_2}). From receipt of this letter my data may no longer be processed for these purposes (${c.art21_3}).`,
          `To the extent that you process my data for other purposes on the basis of legitimate interests, I also object to that processing on grounds relating to my particular situation (${c.art21_1})${x.reason ? `: ${x.reason}` : ', which I will set out if you ask.'} While you verify whether your legitimate grounds override mine, please restrict that processing (${c.art18_1_d}).`,
          `Please confirm in writing which processing you have stopped or restricted. ${deadline(c)}`,
        ],
      },
      withdrawal: {
        subject: (f) => `Withdrawal of consent — reference ${f.reference}`,
        body: (c) => [
          `I withdraw every consent I have given you to process my personal data, including consent to storing information on my device or reading it from there (${c.art7_3}). The withdrawal takes effect on receipt of this letter: from then on, please stop all processing based on that consent.`,
          'I would be grateful for a short written confirmation.',
        ],
      },
    },
    identification: (c) =>
      `The identifiers below were set or collected by you or on your behalf to recognise my browser; online identifiers of this kind are personal data (${c.art4_1}; ${c.rec30}). Please use them to find the data concerned. Should you need further information to identify me, please tell me which identifier you need and how I can provide it, and ask only for what is necessary (${identify}).`,
    noIdentifier: (c) =>
      `This letter quotes no identifier. Any cookies and identifiers you have set in my browser to recognise it are personal data (${c.art4_1}; ${c.rec30}). If you provide a page that shows the identifier you have set in my browser, please tell me its address; otherwise please tell me which identifier you need and how I can provide it (${identify}).`,
    representative: (c) =>
      `This request is sent to you as the controller’s representative ${where} (${c.art27}); please pass it on to the controller.`,
    roles: (c) => ({
      law: lawName,
      identify: cites(['art11_2', 'art12_6']),
      personalData: `${c.art4_1}`,
      free: c.art12_5,
      erasure: c.art17,
      exceptions: c.art17_3,
      processor: c.art28_3_e,
      complaint: c.art77,
      order: c.art58_2_c,
      updates: cites(['art77_2', 'art78_2']),
      escalate: authority,
      ...extra,
    }),
  };
}

const fadpCite = (id: FadpAnchor): string => {
  const [art, ...rest] = id.replace(/^art/, '').split('_');
  return `Article ${art}${rest.map((r) => `(${r})`).join('')} FADP`;
};

const fadp: LawText<FadpAnchor> = {
  cite: Object.fromEntries(FADP_ANCHORS.map((id) => [id, fadpCite(id)])) as Record<FadpAnchor, string>,
  rights: {
    erasure: {
      subject: (f) => `Request for deletion of personal data — reference ${f.reference}`,
      body: (c) => [
        `I ask you to delete all personal data you hold about me (${c.art5_a}), including but not limited to the data set out below (${c.art32_2_c}). I expressly object to any further processing of it, and should I have given consent, I withdraw it; processing my data against my express objection violates my personality (${c.art30_2_b}) unless it is justified (${c.art31}).`,
        `In my view no ground of justification applies. If you rely on one, please name it and delete all data it does not cover. Please inform the third parties to whom you disclosed the data of the deletion (cf. ${c.art32_4}) and tell me who they are. Please confirm the deletion in writing, naming the identifiers the data was linked to.`,
        'The FADP sets no period for this; I ask you to answer within 30 days of receipt, free of charge.',
      ],
    },
    access: {
      subject: (f) => `Request for access to personal data — reference ${f.reference}`,
      body: (c) => [
        `Under ${c.art25}, I ask you to tell me whether you process personal data about me (${c.art5_a}) and, where you do, to give me the information set out in ${c.art25_2}: your identity and contact details; the personal data processed as such, including ${tracking}; the purpose of the processing; how long the data is kept, or the criteria for that period; the available information on the source of the data; any automated individual decision and the logic on which it is based; and the recipients or categories of recipients, by name where known, including participants in real-time bidding and partners with which you synchronised identifiers. Where data is disclosed abroad, please also name the state and the safeguards relied on (${c.art19_4}).`,
        `The information is as a rule provided free of charge (${c.art25_6}) and within 30 days (${c.art25_7}).`,
      ],
    },
    objection: {
      subject: (f) => `Objection to processing of personal data — reference ${f.reference}`,
      body: (c) => [
        `I expressly object to any processing of my personal data (${c.art5_a}) for advertising and profiling, and to its disclosure to third parties. Processing my data against my express objection violates my personality (${c.art30_2_b}). Please stop it and delete the data so processed (${c.art32_2_c}), and confirm this to me in writing.`,
        'The FADP sets no period for this; I ask you to answer within 30 days of receipt, free of charge.',
      ],
    },
  },
  identification: (c) =>
    `The identifiers below were set or collected by you or on your behalf to recognise my browser; they relate to me and are personal data (${c.art5_a}). Please use them to find the data concerned. Should you need further information to identify me, please tell me which identifier you need and how I can provide it.`,
  noIdentifier: (c) =>
    `This letter quotes no identifier. Any cookies and identifiers you have set in my browser to recognise it are personal data (${c.art5_a}). If you provide a page that shows the identifier you have set in my browser, please tell me its address; otherwise please tell me which identifier you need and how I can provide it.`,
  representative: (c) =>
    `This request is sent to you as the controller’s representative in Switzerland (${c.art14}); please pass it on to the controller.`,
  roles: (c) => ({
    law: 'the FADP',
    identify: c.art25,
    personalData: c.art5_a,
    free: c.art25_6,
    freeRights: ['access'],
    erasure: c.art32_2_c,
    exceptions: c.art31,
    complaint: c.art49,
    order: c.art51,
    updates: c.art49_4,
    report: true,
    escalate: 'report the matter to the Federal Data Protection and Information Commissioner (FDPIC)',
  }),
};

const lgpdCite = (id: LgpdAnchor): string => {
  const [art, ...rest] = id.replace(/^art/, '').split('_');
  const parts = rest.map((r) => (/^\d+$/.test(r) ? `, § ${r}` : `, item ${r.toUpperCase()}`)).join('');
  return parts ? `Article ${art}${parts}, LGPD` : `Article ${art} LGPD`;
};

const lgpd: LawText<LgpdAnchor> = {
  cite: Object.fromEntries(LGPD_ANCHORS.map((id) => [id, lgpdCite(id)])) as Record<LgpdAnchor, string>,
  rights: {
    erasure: {
      subject: (f) => `Request for deletion of personal data — reference ${f.reference}`,
      body: (c) => [
        `I make this request to you as controller (${c.art5_vi}) under ${c.art18_3}. I ask you to delete all personal data you hold about me (${c.art5_i}), including but not limited to the data set out below: the data processed with my consent (${c.art18_vi}) and any data that is unnecessary, excessive or processed in breach of the LGPD (${c.art18_iv}). Should I have given consent, I revoke it (${c.art18_ix}; ${c.art8_5}).`,
        `If you keep data under one of the cases in ${c.art16}, please name it and delete all data it does not cover. Please tell me with which public and private entities you shared my data (${c.art18_vii}) and inform them of the deletion immediately (${c.art18_6}). Please confirm the deletion in writing, naming the identifiers the data was linked to.`,
        `This request is to be met free of charge (${c.art18_5}). I ask you to answer within 15 days of receipt.`,
      ],
    },
    access: {
      subject: (f) => `Request for access to personal data — reference ${f.reference}`,
      body: (c) => [
        `Under ${c.art18_ii}, I ask you to confirm whether you process personal data about me (${c.art5_i}) and to give me access to it, including ${tracking}; data used to build a behavioural profile is personal data too (${c.art12_2}). Please tell me with which public and private entities you shared it (${c.art18_vii}).`,
        `Please give me a clear and complete declaration stating the origin of the data, whether records exist, the criteria used and the purpose of the processing, within 15 days of this request (${c.art19_ii}), free of charge (${c.art18_5}).`,
      ],
    },
    objection: {
      subject: (f) => `Objection to processing of personal data — reference ${f.reference}`,
      body: (c) => [
        `I object to the processing of my personal data (${c.art5_i}) carried out without my consent, in particular for advertising and profiling, because it does not comply with the LGPD (${c.art18_2}). Please stop it, and block or delete the data so processed (${c.art18_iv}).`,
        `This request is to be met free of charge (${c.art18_5}). I ask you to answer within 15 days of receipt.`,
      ],
    },
    withdrawal: {
      subject: (f) => `Revocation of consent — reference ${f.reference}`,
      body: (c) => [
        `I revoke every consent I have given you to process my personal data (${c.art18_ix}; ${c.art8_5}). The revocation takes effect on receipt of this letter: from then on, please stop all processing based on that consent.`,
        'I would be grateful for a short written confirmation.',
      ],
    },
  },
  identification: (c) =>
    `The identifiers below were set or collected by you or on your behalf to recognise my browser; they relate to me and are personal data (${c.art5_i}). Please use them to find the data concerned. Should you need further information to identify me, please tell me which identifier you need and how I can provide it.`,
  noIdentifier: (c) =>
    `This letter quotes no identifier. Any cookies and identifiers you have set in my browser to recognise it are personal data (${c.art5_i}). If you provide a page that shows the identifier you have set in my browser, please tell me its address; otherwise please tell me which identifier you need and how I can provide it.`,
  roles: (c) => ({
    law: 'the LGPD',
    identify: c.art18_3,
    personalData: c.art5_i,
    free: c.art18_5,
    erasure: `${c.art18_iv} and ${c.art18_vi}`,
    exceptions: c.art16,
    processor: c.art39,
    complaint: c.art18_1,
    escalate: 'petition the National Data Protection Authority (ANPD)',
  }),
};

const ccpaCite = (id: CcpaAnchor): string => {
  if (id.startsWith('r')) {
    const [n, ...rest] = id.slice(1).split('_');
    return `Cal. Code Regs. tit. 11, § ${n}${rest.map((r) => `(${r})`).join('')}`;
  }
  const [base, sub, ...rest] = id.slice(1).split('_');
  return `Cal. Civ. Code § ${base}.${sub}${rest.map((r, i) => (rest.slice(0, i + 1).every((x) => /^\d+$/.test(x)) ? `.${r}` : `(${r})`)).join('')}`;
};

const optOutSentence = (c: Record<CcpaAnchor, string>) =>
  `I direct you not to sell or share my personal information (${c.s1798_120}). An opt-out needs no verification and must be honored within 15 business days of receipt (${c.r7026_f}).`;
const limitSentence = (c: Record<CcpaAnchor, string>) =>
  `Because requests to you carried my precise location, which is sensitive personal information, I also direct you to limit its use and disclosure to what ${c.s1798_121} permits, within 15 business days of receipt (${c.r7027_g}).`;
const days45 = (c: Record<CcpaAnchor, string>) =>
  `Please respond within 45 calendar days of receipt (${c.s1798_130_a_2}; ${c.r7021}), free of charge. You may extend this period once by a further 45 days only if you tell me so, with your reasons, within the first 45 days.`;

const ccpa: LawText<CcpaAnchor> = {
  cite: Object.fromEntries(CCPA_ANCHORS.map((id) => [id, ccpaCite(id)])) as Record<CcpaAnchor, string>,
  standing: (c) =>
    `I am a California resident and a consumer within the meaning of the California Consumer Privacy Act (${c.s1798_140_i}).`,
  rights: {
    erasure: {
      subject: (f) => `Request to delete personal information — reference ${f.reference}`,
      body: (c, x) => [
        `I request that you delete all personal information about me that you have collected, including but not limited to the information set out below (${c.s1798_105}). Please direct your service providers and contractors to delete it as well, and notify all third parties to whom you sold or shared it (${c.s1798_105_c}). If you rely on an exception, please name it and delete everything it does not cover. Please confirm the deletion in writing, naming the identifiers the information was linked to.`,
        ...(x.grounds.includes('ccpa-opt-out') ? [optOutSentence(c)] : []),
        ...(x.preciseLocation ? [limitSentence(c)] : []),
        days45(c),
      ],
    },
    access: {
      subject: (f) => `Request to know personal information — reference ${f.reference}`,
      body: (c, x) => [
        `I request that you disclose to me the specific pieces of personal information you have collected about me, including ${tracking}; the categories of personal information collected; the categories of sources; the business or commercial purpose for collecting, selling or sharing it; and the categories of third parties to whom you disclose it (${c.s1798_110}). Please also tell me the categories of personal information you sold or shared and the categories of third parties to whom you sold or shared them, and the categories you disclosed for a business purpose (${c.s1798_115}).`,
        ...(x.preciseLocation ? [limitSentence(c)] : []),
        days45(c),
      ],
    },
    objection: {
      subject: (f) => `Opt-out of sale and sharing of personal information — reference ${f.reference}`,
      body: (c, x) => [
        optOutSentence(c),
        `Where my browser sends an opt-out preference signal such as Global Privacy Control, you must treat it as a valid request to opt out as well (${c.r7025_b}).`,
        // 11 CCR § 7025(c)(1): a business shall treat the signal as a valid request to opt out of sale/sharing for
        // that browser or device and any consumer profile associated with it (law.cornell.edu, checked 2026-12-01).
        ...(x.gpc
          ? [
              `My browser has already sent you this signal: ${x.gpc.requests === 1 ? 'one request' : `${number(x.gpc.requests)} requests`} that reached your domains from ${x.gpc.sites} ${x.gpc.first === x.gpc.last ? `on ${x.gpc.first}` : `between ${x.gpc.first} and ${x.gpc.last}`} carried Global Privacy Control (the Sec-GPC: 1 header). You must treat that signal as a valid request to opt out of sale and sharing for this browser and any consumer profile associated with it, including pseudonymous profiles (${c.r7025_c_1}). Please apply it from ${x.gpc.first}, and notify the third parties to whom you sold or shared my personal information after that date (${c.r7026_f}).`,
            ]
          : []),
        ...(x.preciseLocation ? [limitSentence(c)] : []),
        // With the GPC paragraph, which already asks for the third parties to be notified, the request is not repeated.
        x.gpc
          ? 'Please confirm this opt-out to me in writing.'
          : 'Please notify the third parties to whom you sold or shared my personal information of this opt-out, and confirm it to me in writing.',
      ],
    },
  },
  identification: (c) =>
    `The identifiers below were set or collected by you or on your behalf to recognize my browser; unique and online identifiers are personal information (${c.s1798_140_v}). Please use them to match this request to the information concerned. Should you need further information to verify the request, please tell me what you need and how I can provide it.`,
  noIdentifier: (c) =>
    `This letter quotes no identifier. Any cookies and identifiers you have set in my browser to recognize it are personal information (${c.s1798_140_v}). If you provide a page that shows the identifier you have set in my browser, please tell me its address; otherwise please tell me what you need and how I can provide it.`,
  roles: (c) => ({
    law: 'the CCPA',
    identify: c.r7021,
    personalData: c.s1798_140_v,
    free: c.s1798_130_a_2,
    erasure: c.s1798_105,
    exceptions: c.s1798_105,
    complaint: c.s1798_199_45,
    business: true,
    escalate: 'file a complaint with the California Privacy Protection Agency or the California Attorney General',
  }),
};

const gdprCiteEu = gdprFamily('GDPR');
const ukCite = {
  ...gdprFamily('UK GDPR'),
  dpa_s165: 'section 165 of the Data Protection Act 2018',
  dpa_s166: 'section 166 of the Data Protection Act 2018',
} as Record<UkAnchor, string>;

const uk = gdprText(
  'the UK GDPR',
  'UK GDPR',
  ukCite,
  'in the United Kingdom',
  'complain to the Information Commissioner’s Office (ICO)',
  'the Information Commissioner',
  {
    complaint: `${ukCite.art77} and ${ukCite.dpa_s165}`,
    updates: 'sections 165 and 166 of the Data Protection Act 2018',
  },
) as unknown as LawText<UkAnchor>;
uk.cite = ukCite;

const language: LetterLanguage = {
  code: 'en',
  name: 'English',
  locale: 'en-GB',
  // A letter under California law goes to a business that reads US dates: "November 3, 2026".
  lawLocale: { ccpa: 'en-US' },
  // …and US spelling and closing, in the sentences it shares with the other laws' letters and follow-ups.
  orthography: (law, text) =>
    law === 'ccpa'
      ? text
          .replaceAll('recognise', 'recognize')
          .replaceAll('synchronised', 'synchronized')
          .replaceAll('honour', 'honor')
          .replace(/^Yours faithfully,$/m, 'Sincerely,')
      : text,
  laws: {
    gdpr: gdprText(
      'the GDPR',
      'GDPR',
      gdprCiteEu,
      'in the Union',
      'lodge a complaint with a supervisory authority',
      'a supervisory authority',
    ),
    'uk-gdpr': uk,
    fadp,
    lgpd,
    ccpa,
  },
  kinds: {
    'site-address': 'which websites I was on',
    'page-address': 'the addresses of pages I visited',
    'full-address': 'the full addresses of pages I visited, including their query strings',
    'page-title': 'the titles of pages I visited',
    'search-terms': 'what I searched for',
    identifier: 'identifiers of my browser or device',
    cookie: 'cookies',
    email: 'my email address',
    'hashed-email': 'a hashed form of my email address',
    device: 'details of my device (screen, language, browser)',
    location: 'my location',
    event: 'what I did on pages (views, clicks, purchases)',
    'session-recording': 'recordings of my activity on pages',
    secret: 'passwords, login tokens or other secrets (not repeated here)',
  },
  list: (items) =>
    items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`,
  salutation: 'Dear Sir or Madam,',
  salutationAuthority: 'Dear Sir or Madam,',
  evidence: {
    heading: 'What my browser was seen sending you',
    intro:
      'My browser recorded the following requests to your domains, on my own device. They are a sample of the data concerned, not its limit:',
    domains: (domains) => `Your domains that received data: ${domains}.`,
    via: (host, site, cname) =>
      `Among them are requests to ${host}${site ? `, a subdomain of the website ${site},` : ''} which my browser counted as yours because its DNS entry was an alias (CNAME) of ${cname ? `${cname}, one of your domains` : 'one of your domains'}.`,
    period: (first, last) => `First seen ${first}; last seen ${last}.`,
    volume: (sites, requests) =>
      `${number(requests)} ${requests === 1 ? 'request' : 'requests'} from ${sites === 1 ? 'one website' : `${number(sites)} websites`}.`,
    kinds: (kinds) => `They carried ${kinds}.`,
    sites: (sites) => `Websites: ${sites}.`,
    attachment: (file, sha256, sites) =>
      `The full list of the ${sites} websites and the requests is attached as ${file} (SHA-256 ${sha256}).`,
    method: (version) =>
      `How this was gathered: the browser extension Disclosed ${version} observed the requests my browser made while I browsed, and kept them on my device only. It records which domain received a request, when, from which website, and what kinds of data the request carried; it blocks and changes nothing.`,
  },
  identifiers: {
    heading: 'Identifiers',
    intro: 'These values were seen in your cookies or in requests to you:',
    cookie: (name, domain) => `cookie ${name} (${domain})`,
    partitioned: (sites) => `set while I was on ${sites}`,
    request: (name) => `parameter ${name} in requests to you`,
    hashedEmail: 'SHA-256 of my email address (lower case)',
    ip: 'my IP address',
    keepCookies: 'I will keep these cookies until this request is closed, so that you can verify it.',
  },
  consent: {
    observed: (rs, more) =>
      `My browser recorded that ${rs.map((r) => `on ${r.when} it sent ${r.what} from ${r.site} to your server ${r.host}, ${relation(r)}`).join('; ')}${more > 0 ? `; and that it sent you ${more === 1 ? 'one more such request' : `${number(more)} more such requests`} with a cookie or an identifier` : ''}.`,
    heading: 'Cookie banner and requests:',
    bannerShown: (when, site) => `${when}: the website ${site} showed me its cookie banner.`,
    request: (r) => `${r.when}: my browser sent ${r.what} from ${r.site} to ${r.host}, ${relation(r)}.`,
    answer: (a, when, site) =>
      `${when}: ${{ answered: `I answered the cookie banner of ${site} (the record does not show which choice)`, 'after-refusal': `I refused consent on the cookie banner of ${site}`, 'after-partial': `I accepted only some purposes on the cookie banner of ${site}`, 'after-withdrawal': `I withdrew my consent on ${site}` }[a]}.`,
    more: (n) => `My browser recorded ${n === 1 ? 'one more such request' : `${number(n)} more such requests`}.`,
    relied: (provision) =>
      `Because of these transmissions, my erasure request also relied on ${provision} (unlawful processing).`,
  },
  closing: 'Yours faithfully,',
  reference: (f) => `${f.date} · Reference ${f.reference}`,
  rightNames: (law) =>
    law === 'ccpa'
      ? {
          erasure: 'right to delete',
          access: 'right to know',
          objection: 'right to opt out of sale and sharing',
          withdrawal: 'right to withdraw consent',
        }
      : {
          erasure: law === 'gdpr' || law === 'uk-gdpr' ? 'right to erasure' : 'right to deletion',
          access: 'right of access',
          objection: 'right to object',
          withdrawal: law === 'lgpd' ? 'right to revoke consent' : 'right to withdraw consent',
        },
  replies: {
    cannotIdentify: (r, f) =>
      f.cited
        ? `You say you cannot identify me. My request of ${f.date} (reference ${f.reference}) quotes identifiers that you yourselves set or collected to recognise my browser; online identifiers are personal data (${r.personalData}). If you need further information to identify me, please tell me which identifier you need and how I can provide it (${r.identify}). Until then, please act on the request with the identifiers given.`
        : `You say you cannot identify me. The data my request of ${f.date} (reference ${f.reference}) concerns is linked to identifiers that you yourselves set or collected to recognise my browser, such as cookie identifiers; online identifiers are personal data (${r.personalData}). Please tell me which identifier you need to find it and how I can provide it (${r.identify}), and act on the request once I have done so.`,
    idDocument: (r, f) =>
      f.cited
        ? `You ask for a copy of an identity document. The data concerned is linked to the identifiers in my request of ${f.date} (reference ${f.reference}), not to my name; a passport would not help you find it and would give you more personal data than you need. You may ask only for what is necessary to identify me (${r.identify}). Please act on the request with the identifiers given, or tell me which identifier you need.`
        : `You ask for a copy of an identity document. The data my request of ${f.date} (reference ${f.reference}) concerns is linked to identifiers set or read in my browser, not to my name; a passport would not help you find it and would give you more personal data than you need. You may ask only for what is necessary to identify me (${r.identify}). Please tell me which identifier you need and how I can provide it.`,
    webForm: (r, f) =>
      `You ask me to use your web form. ${r.law.charAt(0).toUpperCase()}${r.law.slice(1)} does not require a particular channel: my request of ${f.date} (reference ${f.reference}), sent to your published privacy contact, is valid, and the period to answer runs from its receipt. Please act on it as sent.`,
    suppressed: (r, f) =>
      f.right === 'erasure'
        ? `You say you have added me to a suppression list. Keeping my identifiers on a list is further processing, not erasure. My request of ${f.date} (reference ${f.reference}) asks for erasure under ${r.erasure}; please erase the data and confirm which identifiers it was linked to. If you keep anything, please name the provision you rely on (${r.exceptions}).`
        : `You say you have added me to a suppression list. My request of ${f.date} (reference ${f.reference}) exercises my ${f.rightName} under ${r.law}; a suppression list does not by itself give effect to it. ${f.right === 'access' ? 'Please provide the copy of my data and the information the request asks for.' : 'Please confirm that you have given effect to the request, tell me which identifiers the list holds, and use them for nothing but respecting it.'}`,
    fee: (r, f) =>
      // revFADP Art. 25(6) makes access free; for any other request the law provides no fee at all.
      r.freeRights && !r.freeRights.includes(f.right)
        ? `You ask for a fee. For a request such as mine of ${f.date} (reference ${f.reference}), ${r.law} provides no basis for a fee. Please act on it without charge.`
        : `You ask for a fee. A request such as mine of ${f.date} (reference ${f.reference}) is free of charge (${r.free}). Please act on it without charge.`,
    processor: (r, f) =>
      `You say you process my data only on behalf of others. Please tell me, for my request of ${f.date} (reference ${f.reference}), the name and contact details of each controller for whom you process it, and pass my request on to them so that they can answer it${r.processor ? ` (${r.processor})` : ''}. Where you decide yourselves why and how my data is processed, you are its controller and must answer the request yourselves.`,
  },
  reminder: {
    subject: (f) => `Reminder: my request of ${f.date}, reference ${f.reference}`,
    body: (r, f) =>
      f.due
        ? `On ${f.sentOn} I sent you a request (reference ${f.reference}) exercising my ${f.right} under ${r.law}. The period to answer it ended on ${f.due}, and I have not received an answer. Please act on it without further delay. If I do not hear from you, I will ${r.escalate}.`
        : `On ${f.sentOn} I sent you a letter (reference ${f.reference}) exercising my ${f.right} under ${r.law}, with immediate effect. I have not received a confirmation that you stopped the processing based on my consent. Please confirm it without further delay. If I do not hear from you, I will ${r.escalate}.`,
  },
  complaint: {
    subject: (f) => `Complaint against ${f.company} (reference ${f.reference})`,
    body: (r, f) =>
      [
        `${r.report ? `I report, under ${r.complaint}, the following controller` : `I lodge a complaint under ${r.complaint} against the following ${r.business ? 'business' : 'controller'}`}, which has not respected my ${f.right}:\n${f.controller}`,
        `Complainant:\n${f.complainant || '(name and contact details to be added)'}`,
        `Timeline:\n- ${f.sentOn}: I sent a request exercising my ${f.right} to ${f.recipient} (reference ${f.reference}).\n${f.due ? `- ${f.due}: the period to answer ended.\n` : ''}- Answer: ${{ none: 'none received.', refused: 'the request was refused.', identification: 'I was asked for identification beyond what is necessary.', partial: 'the answer was incomplete.' }[f.answer]}${timelineBlock(language.consent.heading, f.consentTimeline)}`,
        `My request, any correspondence and the record of the data my browser sent to ${f.company} are attached. I ask you to examine the complaint and ${r.order ? `to order the controller to comply with my request (${r.order})` : `to ensure that the ${r.business ? 'business' : 'controller'} complies with my request`}.${r.updates ? ` Please inform me of the progress and outcome of the complaint (${r.updates}).` : ''}`,
        f.shareIdentity
          ? `You may disclose my identity to the ${r.business ? 'business' : 'controller'} in handling this complaint.`
          : `Please do not disclose my identity to the ${r.business ? 'business' : 'controller'} beyond what handling this complaint requires; tell me first if it must be disclosed.`,
      ].join('\n\n'),
  },
};

/** Counts in the letter's own number format ("12.345"). */
const number = (n: number) => new Intl.NumberFormat('en-GB').format(n);

const gap = (n: number) => (n === 0 ? 'less than a second' : n === 1 ? 'one second' : `${number(n)} seconds`);
/** How a request stood to the person's answer: "2 seconds before I answered the site’s cookie banner". */
function relation(r: ConsentEventText): string {
  const g = r.seconds === undefined ? '' : `${gap(r.seconds)} `;
  switch (r.moment) {
    case 'before-answer':
      return r.seconds === undefined
        ? 'while I had not yet answered the site’s cookie banner'
        : `${g}before I answered the site’s cookie banner`;
    case 'after-refusal':
      return `${g}after I had refused consent on the site’s cookie banner`;
    case 'after-partial':
      return `${g}after I had accepted only some purposes on the site’s cookie banner, although the consent string (TCF) sent with the request recorded no consent for the recipient`;
    case 'after-withdrawal':
      return `${g}after I had withdrawn my consent`;
  }
}

export default language;
