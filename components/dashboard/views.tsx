import type { MessageKey, Translate } from '../../lib/i18n.ts';
import type { TimeWindow } from '../../lib/storage/dashboard.ts';
import type { Company } from '../../lib/trackers/company.ts';

// What every dashboard view shares: the page's context, and the time-window picker (the overview's and the graph's).
// Each view has a file of its own beside this one; their shared columns, search box and attempts tables too.

/** What the views need from the page: translations, names, dates, links. */
export interface ViewContext {
  t: Translate;
  company: (id: string) => Company;
  date: (ms: number) => string;
  /** `#/company/<id>` and `#/site/<site>` links (routes.ts builds them). */
  companyHref: (id: string) => string;
  siteHref: (site: string) => string;
}

const WINDOWS: [TimeWindow, MessageKey][] = [
  ['today', 'dashToday'],
  ['7d', 'dash7d'],
  ['30d', 'dash30d'],
  ['all', 'dashAll'],
];

/** Today, 7 days, 30 days, all: toggle buttons, the pressed one is the window shown. */
export function WindowPicker({
  t,
  window,
  onWindow,
}: {
  t: Translate;
  window: TimeWindow;
  onWindow: (w: TimeWindow) => void;
}) {
  return (
    <fieldset class="windows">
      <legend class="visually-hidden">{t('dashWindowLabel')}</legend>
      {WINDOWS.map(([w, label]) => (
        <button key={w} type="button" aria-pressed={window === w} onClick={() => onWindow(w)}>
          {t(label)}
        </button>
      ))}
    </fieldset>
  );
}
