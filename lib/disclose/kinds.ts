/**
 * What a request can carry, in the words Disclosed uses everywhere: the UI, storage and exports. Stable: stored
 * events keep these strings, so a kind is never renamed, only added.
 *
 * A page's address is sent at one of three levels, kept apart because they reveal very different things: the site
 * only (`site-address`, an origin: what browsers put in a cross-site Referer by default), the page (`page-address`,
 * its path), or the full address with its query (`full-address`: what was searched for, campaign tags, sometimes
 * tokens). Until version 8 of the database `page-address` stood for all three.
 *
 * `secret` is a value sent under a password's, a token's or another credential's name (lib/disclose/rules.ts):
 * that one was sent is recorded, never the value.
 */
export const DATA_KINDS = [
  'site-address',
  'page-address',
  'full-address',
  'page-title',
  'search-terms',
  'identifier',
  'cookie',
  'email',
  'hashed-email',
  'device',
  'location',
  'event',
  'session-recording',
  // Since version 11 of the database: a password, token or other credential, kept without its value.
  'secret',
] as const;

export type DataKind = (typeof DATA_KINDS)[number];

export function isDataKind(value: unknown): value is DataKind {
  return (DATA_KINDS as readonly unknown[]).includes(value);
}

/** The page-address levels, least revealing first. */
export const ADDRESS_KINDS = ['site-address', 'page-address', 'full-address'] as const satisfies readonly DataKind[];
export type AddressKind = (typeof ADDRESS_KINDS)[number];

export const isAddressKind = (kind: DataKind): kind is AddressKind =>
  (ADDRESS_KINDS as readonly string[]).includes(kind);

/**
 * The kinds as a sentence lists them: a lower address level that a higher one of the same list contains is left out
 * ("the full address of this page" already says which site you were on). Storage keeps every level.
 */
export function shownKinds<K extends DataKind>(kinds: readonly K[]): K[] {
  let highest = -1;
  for (const k of kinds) highest = Math.max(highest, (ADDRESS_KINDS as readonly string[]).indexOf(k));
  if (highest <= 0) return [...kinds];
  return kinds.filter((k) => {
    const level = (ADDRESS_KINDS as readonly string[]).indexOf(k);
    return level === -1 || level === highest;
  });
}
