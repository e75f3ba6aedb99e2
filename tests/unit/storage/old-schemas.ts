/**
 * The stores of each schema version as lib/storage/db.ts declares them, cumulatively: what a database left by that
 * version of Disclosed holds, for the upgrade tests to build one. A version added to db.ts that changes stores is
 * added here too.
 */
const CHANGES: [version: number, stores: Record<string, string>][] = [
  [
    1,
    {
      events: '++id, time, [page+company], [site+company], company',
      pages: 'key, [tabId+startedAt], startedAt',
      siteCompanies: '[site+company], site, company, lastSeen',
      dayCompanies: '[day+company], day, company',
    },
  ],
  [2, { identifiers: '[company+name+value], company, lastSeen' }],
  [3, { companies: 'company, sites', sites: 'site', days: 'day' }],
  [4, { letters: 'reference, company, status, createdAt', contacts: 'company' }],
  [7, { attempts: '[site+company], company, site' }],
  [12, { dayParts: '[day+part]', siteDays: '[site+day], day', attempts: '[site+company], company, site, lastSeen' }],
];

export function storesAt(version: number): Record<string, string> {
  const stores: Record<string, string> = {};
  for (const [v, added] of CHANGES) if (v <= version) Object.assign(stores, added);
  return stores;
}
