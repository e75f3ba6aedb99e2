// The company catalog's details half, a chunk of its own loaded on first use: only pages that show a company's
// country, links, contact or description (a company page, a letter) need it.

import { parseCompanyDetails } from './catalog.ts';
import type { CompanyDetails } from './format.ts';

let details: Promise<Map<string, CompanyDetails>> | undefined;

/** Every company's details, by company id; fetched and parsed once per page. */
export function loadCompanyDetails(): Promise<Map<string, CompanyDetails>> {
  details ??= import('../generated/company-details.json?raw').then((m) => parseCompanyDetails(m.default));
  return details;
}
