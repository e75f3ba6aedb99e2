// Company names and main categories only (built by `npm run trackers`): what the dashboard's lists and the
// classroom page need to draw at once. The full list, with each company's details, loads when a page needs it.
import namesText from '../generated/company-names.json?raw';

export const BUNDLED_COMPANY_NAMES: string = namesText;
