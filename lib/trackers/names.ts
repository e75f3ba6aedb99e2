// The company catalog's first-paint half (built by `npm run trackers`): each company's name and main category, all
// a list needs to draw. Small enough to be in a page's first chunk; the details load on demand (lazy.ts).
import namesText from '../generated/company-names.json?raw';
import { type CompanyCatalog, createCompanyCatalog, parseCompanyNames } from './catalog.ts';

export const BUNDLED_COMPANY_NAMES: string = namesText;

let names: ReturnType<typeof parseCompanyNames> | undefined;

/** The catalog with names only, parsed once per page. */
export function bundledCatalog(): CompanyCatalog {
  names ??= parseCompanyNames(BUNDLED_COMPANY_NAMES);
  return createCompanyCatalog(names);
}

/** The catalog with every company's details too; the details file is fetched (its own chunk) on the first call. */
export async function bundledCatalogWithDetails(): Promise<CompanyCatalog> {
  const { loadCompanyDetails } = await import('./lazy.ts');
  names ??= parseCompanyNames(BUNDLED_COMPANY_NAMES);
  return createCompanyCatalog(names, await loadCompanyDetails());
}
