import { CCPA_CITATIONS, type GdprCitations, type LetterLanguage } from '../language.ts';

const gdpr = (law: string, devicePrivacy: string): GdprCitations => ({
  law,
  groundConsent: `Article 17(1)(b) ${law}`,
  consentWithdrawal: `Article 7(3) ${law}`,
  groundObjection: `Article 17(1)(c) ${law}`,
  objectionMarketing: `Article 21(2) ${law}`,
  objectionParticular: `Article 21(1) ${law}`,
  groundUnlawful: `Article 17(1)(d) ${law}`,
  devicePrivacy,
  exceptions: `Article 17(3) ${law}`,
  notifyRecipients: `Article 19 ${law}`,
  recipientsList: `Article 19, second sentence, ${law}`,
  deadline: `Article 12(3) ${law}`,
  reasonsIfNotActing: `Article 12(4) ${law}`,
  freeOfCharge: `Article 12(5) ${law}`,
  identification: `Articles 11(2) and 12(6) ${law}`,
  representative: `Article 27 ${law}`,
  complaint: `Article 77 ${law}`,
  access: `Article 15 ${law}`,
  accessCopy: `Article 15(3) ${law}`,
  marketingStop: `Article 21(3) ${law}`,
});

const language: LetterLanguage = {
  code: 'en',
  name: 'English',
  citations: {
    gdpr: gdpr('GDPR', 'Article 5(3) of Directive 2002/58/EC'),
    'uk-gdpr': gdpr('UK GDPR', 'regulation 6 of the Privacy and Electronic Communications Regulations 2003'),
    ccpa: CCPA_CITATIONS,
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
  subject: (f) => `Request for erasure of personal data — reference ${f.reference}`,
  salutation: 'Dear Data Protection Officer,',
  gdpr: {
    request: (c) =>
      `I ask you to erase without undue delay all personal data you hold about me, as set out below, under Article 17 ${c.law}.`,
    consent: (c) =>
      `To the extent that you process my data on the basis of consent, I withdraw any consent I may have given (${c.consentWithdrawal}); erasure is therefore due under ${c.groundConsent}.`,
    marketing: (c) =>
      `I object to the processing of my data for direct marketing, including profiling related to it (${c.objectionMarketing}). This objection is absolute: erasure is due under ${c.groundObjection}.`,
    particular: (c, reason) =>
      `I also object to any processing you base on legitimate interests, on grounds relating to my particular situation (${c.objectionParticular}): ${reason} Erasure is therefore also due under ${c.groundObjection}.`,
    unlawful: (c) =>
      `Information was stored on or read from my device before I had given any consent, contrary to ${c.devicePrivacy}; the data so obtained has been processed unlawfully and must be erased under ${c.groundUnlawful}.`,
    noException: (c) =>
      `None of the exceptions in ${c.exceptions} applies to this data. If you rely on one, please name it and explain why.`,
    recipients: (c) =>
      `Please notify every recipient to whom you disclosed this data of the erasure (${c.notifyRecipients}), and tell me who those recipients are (${c.recipientsList}).`,
    confirm: () => 'Please confirm in writing that the data has been erased, naming the identifiers it was linked to.',
    deadline: (c) =>
      `You must act on this request within one month of receipt (${c.deadline}); if you do not act, you must tell me why within the same period (${c.reasonsIfNotActing}). The request is free of charge (${c.freeOfCharge}).`,
    identification: (c) =>
      `The identifiers below were set or collected by you and are what you use to single out my browser. They are sufficient to find the data concerned; please do not ask for further documents (${c.identification}).`,
    representative: (c) => `This request is sent to you as the representative in the Union (${c.representative}).`,
  },
  ccpa: {
    request: (c) =>
      `I request that you delete all personal information you have collected about me, under the California Consumer Privacy Act (${c.delete}).`,
    optOut: (c) => `I also direct you not to sell or share my personal information (${c.optOut}).`,
    notifyOthers: (c) =>
      `Please notify your service providers, contractors and any third party to whom you sold or shared my personal information to delete it as well (${c.notifyOthers}).`,
    confirm:
      'Please confirm in writing once my personal information has been deleted, naming the identifiers it was linked to.',
    deadline: (c) =>
      `You must respond within 45 calendar days of receiving this request, free of charge (${c.deadline}).`,
    identification:
      'The identifiers below were set or collected by you to recognise my browser; they let you match this request to the information concerned.',
  },
  evidence: {
    heading: 'What my browser was seen sending you',
    intro: 'My browser recorded the following requests to your domains, on my own device:',
    domains: (domains) => `Your domains that received data: ${domains}.`,
    period: (first, last) => `First seen ${first}; last seen ${last}.`,
    volume: (sites, requests) =>
      `${requests} ${requests === 1 ? 'request' : 'requests'} from ${sites} ${sites === 1 ? 'website' : 'websites'}.`,
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
    request: (name) => `parameter ${name} in requests to you`,
    hashedEmail: 'SHA-256 of my email address (lower case)',
    ip: 'my IP address',
    keepCookies: 'I will keep these cookies until this request is closed, so that you can verify it.',
  },
  closing: 'Yours faithfully,',
  signature: 'The user of the browser identified above',
  rightNames: {
    erasure: 'right to erasure',
    access: 'right of access',
    objection: 'right to object',
    withdrawal: 'right to withdraw consent',
  },
  rights: {
    access: {
      subject: (f) => `Request for access to personal data — reference ${f.reference}`,
      body: (c) =>
        `I ask you, under ${c.access}, to confirm whether you process personal data about me and, if so, to give me a copy of it (${c.accessCopy}) together with the purposes of the processing, the categories of data, the recipients to whom it was disclosed, how long it will be kept, where it came from, and whether it is used for automated decisions, including profiling. You must answer within one month of receipt (${c.deadline}), free of charge (${c.freeOfCharge}).`,
    },
    objection: {
      subject: (f) => `Objection to processing of personal data — reference ${f.reference}`,
      body: (c) =>
        `I object to the processing of my personal data for direct marketing, including profiling related to it (${c.objectionMarketing}). From now on my data must no longer be processed for these purposes (${c.marketingStop}). Please confirm this in writing within one month of receipt (${c.deadline}).`,
    },
    withdrawal: {
      subject: (f) => `Withdrawal of consent — reference ${f.reference}`,
      body: (c) =>
        `I withdraw any consent I may have given you to process my personal data (${c.consentWithdrawal}). Please stop every processing based on it and confirm this in writing within one month of receipt (${c.deadline}).`,
    },
  },
  replies: {
    cannotIdentify: (c, f) =>
      `You say you cannot identify me. My request of ${f.date} (reference ${f.reference}) lists identifiers that you yourselves set or collected to recognise my browser; they are the keys under which you hold the data. Under ${c.identification} you may ask only for what is needed to identify me, and you have not said what more that would be. Please act on the request.`,
    idDocument: (c, f) =>
      `You ask for a copy of an identity document. The data concerned is linked to the identifiers in my request of ${f.date} (reference ${f.reference}), not to my name; a passport would not let you find it and would give you more personal data than you need. Asking for it is not proportionate (${c.identification}). Please act on the request with the identifiers given.`,
    webForm: (c, f) =>
      `You ask me to use your web form. The ${c.law} does not require a particular channel: a request sent to your published privacy contact is valid, and the period of ${c.deadline} runs from its receipt on or after ${f.date}. Please act on my request (reference ${f.reference}) as sent.`,
    suppressed: (c, f) =>
      `You say you have added me to a suppression list. Keeping my identifiers on a list is continued processing, not erasure. My request of ${f.date} (reference ${f.reference}) asks for erasure under ${c.groundConsent}; please erase the data and confirm which identifiers it was linked to. If you keep anything, name the exception of ${c.exceptions} you rely on.`,
    fee: (c, f) =>
      `You ask for a fee. A request under the ${c.law} is free of charge (${c.freeOfCharge}); a single request such as mine of ${f.date} (reference ${f.reference}) is neither manifestly unfounded nor excessive. Please act on it without charge.`,
  },
  complaint: {
    subject: (f) => `Complaint: request to ${f.company} not answered (reference ${f.reference})`,
    body: (c, f) =>
      `I lodge a complaint under ${c.complaint} against ${f.company}.\n\nTimeline:\n- ${f.sentOn}: I sent a request for erasure of my personal data to ${f.recipient} (reference ${f.reference}).\n- ${f.due}: the period of ${c.deadline} ended.\n- Answer: ${f.answer}\n\nMy request and the evidence of the data my browser sent to ${f.company} are attached. I ask you to examine the complaint and to order ${f.company} to act on my request.`,
    noAnswer: 'none received.',
    refused: 'a refusal.',
    identity: (share) =>
      share
        ? 'You may disclose my identity to the controller where this is needed to handle the complaint.'
        : 'Please do not disclose my identity to the controller without first asking me.',
  },
  reminder: {
    subject: (f) => `Reminder: request of ${f.date}, reference ${f.reference}, not answered`,
    body: (f) =>
      `On ${f.sentOn} I sent you a request (reference ${f.reference}) exercising my ${f.right} under the ${f.law}. The period to answer it ended on ${f.due} and I have not received a response. Please act on it without further delay. If I do not hear from you, I will lodge a complaint with the supervisory authority.`,
  },
};

export default language;
