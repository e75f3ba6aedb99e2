// Tracker data for pages that draw first and need details later (the dashboard): each file is a chunk of its own,
// loaded on first use. Kept apart from bundled.ts, whose static imports would put the whole list in the page's
// first chunk.

/** The full list, with every company's details (country, website, privacy contact…). */
export async function loadFullTrackerList(): Promise<string> {
  return (await import('../generated/tracker-list.json?raw')).default;
}

/** Organization descriptions, for company pages. */
export async function loadOrganizationDescriptions(): Promise<Record<string, string>> {
  const { default: text } = await import('../generated/organization-details.json?raw');
  return (JSON.parse(text) as { descriptions: Record<string, string> }).descriptions;
}
