import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CompanyCatalog } from '../../lib/trackers/catalog.ts';
import { bundledCatalog, bundledCatalogWithDetails } from '../../lib/trackers/names.ts';

/**
 * The company catalog: names first (a small file), so the lists draw at once; each company's details (its own
 * chunk) load for the pages that show them — a company, a letter — and are then kept.
 */
export function useCatalog(detailsNeeded: boolean): {
  names: CompanyCatalog;
  detailed: CompanyCatalog | undefined;
  catalog: CompanyCatalog;
} {
  const names = useMemo(() => bundledCatalog(), []);
  const detailed = useCatalogDetails(detailsNeeded);
  return { names, detailed, catalog: detailed ?? names };
}

/** The catalog with every company's details, loaded the first time a page needs them (then kept). */
function useCatalogDetails(needed: boolean): CompanyCatalog | undefined {
  const [catalog, setCatalog] = useState<CompanyCatalog | undefined>();
  useEffect(() => {
    if (needed && !catalog) {
      bundledCatalogWithDetails().then(setCatalog, (error) => console.error('Disclosed: company details', error));
    }
  }, [needed]);
  return catalog;
}
