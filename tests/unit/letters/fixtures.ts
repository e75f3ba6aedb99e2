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
