/**
 * The hostname table of the packed index: open addressing over a hash of each hostname read right to left, built at
 * pack time, so that loading the index builds no Map, and a request's hostname is hashed in one pass that yields
 * every suffix's hash on the way (no suffix strings are sliced).
 */

/** One step of the hash: the hash of `c` followed by the string hashed so far (strings are read right to left). */
export function hashStep(hash: number, c: number): number {
  return (Math.imul(hash, 31) + c) | 0;
}

/** The hash of s[start, end), read right to left. */
export function hostHash(s: string, start = 0, end = s.length): number {
  let h = 7;
  for (let i = end - 1; i >= start; i--) h = hashStep(h, s.charCodeAt(i));
  return h;
}

/** The start value of `hostHash` (before any character). */
export const HASH_SEED = 7;

/**
 * Builds the slots for `hosts`: a power-of-two array at most half full, each slot 0 (empty) or a host's index + 1,
 * placed at its hash (linear probing). Deterministic for the same hosts in the same order.
 */
export function buildHostSlots(hosts: string[]): number[] {
  let size = 16;
  while (size < hosts.length * 2) size *= 2;
  const slots = new Array<number>(size).fill(0);
  const mask = size - 1;
  for (const [i, host] of hosts.entries()) {
    let slot = hostHash(host) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = i + 1;
  }
  return slots;
}
