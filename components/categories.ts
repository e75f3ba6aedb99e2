import type { MessageKey, Translate } from '../lib/i18n.ts';

/**
 * The eight colour groups every chart and graph paints companies with. TrackerDB has eleven categories, plus our
 * "unlisted": more hues than anyone can tell apart, so the rare ones share a group ("other"). Each group's colour is a
 * design token (`--cat-*` in assets/design.css), read from the page so that dark mode and the classroom's projector
 * theme apply; a group is always named beside its colour (legend, card), never shown by colour alone.
 */
export type CategoryGroup =
  | 'advertising'
  | 'analytics'
  | 'social'
  | 'interaction'
  | 'media'
  | 'consent'
  | 'hosting'
  | 'other';

/** The groups in legend order: the ones that take the most data first, the catch-all last. */
export const CATEGORY_GROUPS: readonly CategoryGroup[] = [
  'advertising',
  'analytics',
  'social',
  'interaction',
  'media',
  'consent',
  'hosting',
  'other',
];

// Maps, not objects: a category read from stored data is looked up, and must never find a prototype member.
const GROUP_OF = new Map<string, CategoryGroup>([
  ['advertising', 'advertising'],
  // Adult advertising is advertising; its own hue would single out one rare category.
  ['pornvertising', 'advertising'],
  ['site_analytics', 'analytics'],
  ['social_media', 'social'],
  ['customer_interaction', 'interaction'],
  ['audio_video_player', 'media'],
  ['consent', 'consent'],
  ['hosting', 'hosting'],
  // utilities, extensions, misc, unlisted and any category a later list adds: "other".
]);

const GROUP_NAME = new Map<CategoryGroup, MessageKey>([
  ['advertising', 'categoryGroup_advertising'],
  ['analytics', 'categoryGroup_analytics'],
  ['social', 'categoryGroup_social'],
  ['interaction', 'categoryGroup_interaction'],
  ['media', 'categoryGroup_media'],
  ['consent', 'categoryGroup_consent'],
  ['hosting', 'categoryGroup_hosting'],
  ['other', 'categoryGroup_other'],
]);

/** The colour group of a TrackerDB category id (or `unlisted`); "other" for any id it does not know. */
export function groupOf(category: string | undefined): CategoryGroup {
  return (category !== undefined && GROUP_OF.get(category)) || 'other';
}

/** The group's colour token: `--cat-advertising`, … */
export function groupVar(group: CategoryGroup): string {
  return `--cat-${group}`;
}

/** The group's name, as the legend and the node card say it. */
export function groupName(t: Translate, group: CategoryGroup): string {
  return t(GROUP_NAME.get(group) as MessageKey);
}

/** The token sites are drawn with. */
export const SITE_VAR = '--site';

export interface GraphColours {
  groups: Map<CategoryGroup, string>;
  site: string;
  /** Text, the background behind it, and lines (edges). */
  fg: string;
  bg: string;
  line: string;
}

/**
 * The page's current colours for the groups and for sites, read from the computed style of `element` (so the
 * classroom's overrides and the dark scheme apply). A token the page lacks falls back to `fallback`.
 */
export function readColours(element: Element, fallback = '#6b7280'): GraphColours {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    groups: new Map(CATEGORY_GROUPS.map((g) => [g, read(groupVar(g))])),
    site: read(SITE_VAR),
    fg: read('--fg'),
    // The halo behind labels is the graph's own background (the classroom's panel), where it has one.
    bg: opaque(style.backgroundColor) ?? read('--bg'),
    line: read('--line'),
  };
}

/** A computed colour unless it is fully transparent (`rgba(0, 0, 0, 0)`, `transparent`). */
function opaque(colour: string): string | undefined {
  return !colour || colour === 'transparent' || /^rgba\(.*,\s*0\)$/.test(colour) ? undefined : colour;
}
