import type { LetterEvidence } from '../../../lib/letters/compose.ts';

/** What was seen of Magnite on one blog over a day: the evidence most letter tests write from. */
export const magniteEvidence: LetterEvidence = {
  companyId: 'magnite',
  companyName: 'Magnite',
  domains: ['pixel.rubiconproject.com'],
  sites: ['garden-blog.example'],
  requests: 3,
  firstSeen: Date.UTC(2026, 10, 1),
  lastSeen: Date.UTC(2026, 10, 2),
  categories: ['advertising'],
  kinds: [],
};

/** One request that carried an identifier, two seconds before the cookie banner was answered: the unlawful ground's evidence. */
export const identifierBeforeAnswer: NonNullable<LetterEvidence['consent']> = {
  flows: [
    {
      moment: 'before-answer',
      sentAt: Date.UTC(2026, 10, 20, 14, 2, 3),
      answeredAt: Date.UTC(2026, 10, 20, 14, 2, 5),
      seconds: 2,
      device: true,
      category: 'advertising',
      kinds: ['identifier'],
      site: 'news-site.example',
      company: 'magnite',
      host: 'ads.rubiconproject.com',
      page: '1:1',
    },
  ],
  total: 1,
  device: 1,
};
