import { describe, expect, it } from 'vitest';
import { CATEGORY_GROUPS, groupName, groupOf } from '../../../components/categories.ts';
import { translatorFromMessages } from '../../../lib/i18n.ts';
import english from '../../../public/_locales/en/messages.json';
import { realTrackerList } from '../fixture-lists.ts';

const t = translatorFromMessages(english);

describe('category groups', () => {
  it('puts every category of the shipped list, and unlisted, in one of at most eight named groups', () => {
    expect(CATEGORY_GROUPS.length).toBeLessThanOrEqual(8);
    const ids = [...realTrackerList().categories.map((c) => c.id), 'unlisted'];
    for (const id of ids) {
      expect(CATEGORY_GROUPS, id).toContain(groupOf(id));
    }
    for (const g of CATEGORY_GROUPS) expect(groupName(t, g), g).toMatch(/^[A-Z]/);
    // Each group's name differs from the others.
    expect(new Set(CATEGORY_GROUPS.map((g) => groupName(t, g))).size).toBe(CATEGORY_GROUPS.length);
  });

  it.each([
    ['advertising', 'advertising'],
    ['pornvertising', 'advertising'],
    ['site_analytics', 'analytics'],
    ['social_media', 'social'],
    ['customer_interaction', 'interaction'],
    ['audio_video_player', 'media'],
    ['consent', 'consent'],
    ['hosting', 'hosting'],
    ['utilities', 'other'],
    ['extensions', 'other'],
    ['misc', 'other'],
    ['unlisted', 'other'],
    // Stored data is untrusted: an unknown id or a prototype member is "other", never a crash.
    ['a-category-of-a-later-list', 'other'],
    ['__proto__', 'other'],
    ['constructor', 'other'],
  ])('%s is drawn as %s', (category, group) => {
    expect(groupOf(category)).toBe(group);
  });
});
