import { formatRegion } from './format.ts';

/** A country name in the UI language, from an ISO 3166 code; the code itself if the runtime has no name for it. */
export function countryName(code: string): string {
  return formatRegion(code);
}
