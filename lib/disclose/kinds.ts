/**
 * What a request can carry, in the words Disclosed uses everywhere: the UI, storage and exports. Stable: stored
 * events keep these strings, so a kind is never renamed, only added.
 */
export const DATA_KINDS = [
  'page-address',
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
] as const;

export type DataKind = (typeof DATA_KINDS)[number];

export function isDataKind(value: unknown): value is DataKind {
  return (DATA_KINDS as readonly unknown[]).includes(value);
}
