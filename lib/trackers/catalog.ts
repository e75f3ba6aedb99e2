import { type Company, isUnlistedId, unlistedCompany } from './company.ts';
import {
  CATALOG_FORMAT,
  type CompanyDetails,
  type CompanyDetailsFile,
  type CompanyNamesFile,
  type TrackerListSource,
} from './format.ts';

// The matcher's loaders, re-exported where their importers (the service worker, scripts) have always found them.
// Importing them from here pulls nothing of the matcher into a page that only uses the catalog.

/**
 * The company catalog every page names companies with: names and main categories at once (a small file), and each
 * company's details (country, website, privacy policy, contact, description) once the details file is loaded.
 * Separate from the matcher, which knows only what classification needs.
 *
 * Lookups take any string: an id the catalog does not list — including `__proto__`, `constructor` and other
 * `Object.prototype` names — gets the unlisted answer (its id as its name, no details), never a prototype member.
 */
export interface CompanyCatalog {
  company(id: string): Company;
  /** The company's main category id; `unlisted` for unlisted third parties, `misc` for ids the catalog lacks. */
  categoryOf(id: string): string;
  description(id: string): string;
  /** Whether the details file is in: until then `company` gives names, categories and countries only. */
  readonly hasDetails: boolean;
  /** The lists the catalog was compiled from, for the About section and exports. */
  readonly sources: TrackerListSource[];
}

export interface CompanyNames {
  sources: TrackerListSource[];
  byId: Map<string, { name: string; category: string; country: string }>;
}

/** What to do about a catalog file this code cannot read. */
const REBUILD = 'rebuild it with `npm run trackers`.';

/** Reads the catalog's names file (`company-names.json`), refusing one of another format or damaged. */
export function parseCompanyNames(text: string): CompanyNames {
  const file = parseJson(text, 'company names') as Partial<CompanyNamesFile> | null;
  if (file?.format !== CATALOG_FORMAT) {
    throw new Error(`The company names file is not in format ${CATALOG_FORMAT}: ${REBUILD}`);
  }
  if (
    typeof file.ids !== 'string' ||
    typeof file.names !== 'string' ||
    typeof file.categories !== 'string' ||
    typeof file.countries !== 'string'
  ) {
    throw new Error(`The company names file lacks its ids, names, categories or countries: ${REBUILD}`);
  }
  const ids = file.ids === '' ? [] : file.ids.split('\n');
  const names = file.names.split('\n');
  const categories = file.categories.split('\n');
  const countries = file.countries.split('\n');
  if (
    ids.length &&
    (names.length !== ids.length || categories.length !== ids.length || countries.length !== ids.length)
  ) {
    throw new Error(`The company names file's columns differ in length: ${REBUILD}`);
  }
  const byId = new Map<string, { name: string; category: string; country: string }>();
  for (const [i, id] of ids.entries()) {
    byId.set(id, { name: names[i] as string, category: categories[i] as string, country: countries[i] as string });
  }
  return { sources: Array.isArray(file.sources) ? file.sources : [], byId };
}

/** Reads the catalog's details file (`company-details.json`). */
export function parseCompanyDetails(text: string): Map<string, CompanyDetails> {
  const file = parseJson(text, 'company details') as Partial<CompanyDetailsFile> | null;
  if (file?.format !== CATALOG_FORMAT || !Array.isArray(file.companies)) {
    throw new Error(`The company details file is not in format ${CATALOG_FORMAT}: ${REBUILD}`);
  }
  const details = new Map<string, CompanyDetails>();
  for (const entry of file.companies as unknown[]) {
    const [id, d] = Array.isArray(entry) ? (entry as [unknown, unknown]) : [];
    if (typeof id !== 'string' || typeof d !== 'object' || d === null) {
      throw new Error(`The company details file has an entry that is not [id, details]: ${REBUILD}`);
    }
    details.set(id, d as CompanyDetails);
  }
  return details;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`The ${what} file is not valid JSON (${(error as Error).message}): ${REBUILD}`);
  }
}

/** The catalog over the names, and the details when they are loaded (create it again with them then). */
export function createCompanyCatalog(names: CompanyNames, details?: Map<string, CompanyDetails>): CompanyCatalog {
  const cache = new Map<string, Company>();
  const source = names.sources[0]?.id ?? '';
  return {
    company(id) {
      let company = cache.get(id);
      if (!company) {
        const known = isUnlistedId(id) ? undefined : names.byId.get(id);
        if (known) {
          const d = details?.get(id);
          company = {
            id,
            name: known.name,
            country: d?.country || known.country,
            website: d?.website ?? '',
            privacyPolicy: d?.privacyPolicy ?? '',
            contact: d?.contact ?? { kind: 'none', value: '' },
            source,
          };
        } else {
          // The id it was asked for, named by itself: a `site:` id by its domain.
          company = { ...unlistedCompany(id.replace(/^site:/, '')), id };
        }
        cache.set(id, company);
      }
      return company;
    },
    categoryOf: (id) => (isUnlistedId(id) ? 'unlisted' : (names.byId.get(id)?.category ?? 'misc')),
    description: (id) => (names.byId.has(id) ? (details?.get(id)?.description ?? '') : ''),
    hasDetails: !!details,
    sources: names.sources,
  };
}
