// How the page's consent reader (main world) and its relay (the extension's isolated world) find each other, without
// the page being able to listen in: the relay makes a random event name per page and hands it over in a handshake
// that both scripts run at document_start, before any script of the page exists. Whichever of the two runs first
// waits for the other: the relay announces its name (HELLO) as it starts, and, if the reader was not there to take
// it, once more when the reader asks (ASK). The reader takes the first name only and cancels its event, which tells
// the relay it was taken: neither answers anything after that, so a page's script that asks later learns nothing.

export const CHANNEL_HELLO = 'disclosed:consent-hello';
export const CHANNEL_ASK = 'disclosed:consent-ask';
/**
 * Set in the extension's isolated world (never the page's) once the detector found a CMP without an IAB API: the
 * relay then forwards no "no banner" from the reader, which cannot see that CMP.
 */
export const DETECTED_FLAG = 'disclosedConsentDetected';
/** Most reports a page's relay forwards: a page that keeps changing its state is not let flood the worker. */
export const REPORTS_PER_PAGE = 100;

/**
 * The extension's own files of the scripts, as WXT builds them (entrypoints/consent-*.ts): unlisted scripts, so that
 * no wrapper of WXT's runs in the page. The relay is listed first: registered scripts of one timing run in order.
 */
export const CONSENT_SCRIPTS = [
  { id: 'disclosed-consent-relay', js: ['consent-relay.js'], world: 'ISOLATED', runAt: 'document_start' },
  { id: 'disclosed-consent-reader', js: ['consent-reader.js'], world: 'MAIN', runAt: 'document_start' },
] as const;

/**
 * The banner detector (entrypoints/consent-detector.ts): injected by the worker into a tab's top frame once its
 * page has loaded (not registered: even at document_idle its rules would be compiled before the load event).
 */
export const CONSENT_DETECTOR = 'consent-detector.js';

/**
 * The match patterns that keep the scripts off the sites the user excluded: the site itself and its subdomains, on
 * any scheme and port, and written with the trailing dot of a fully qualified name (`news.example.` is the same
 * host, and no pattern without the dot matches it). A name a pattern cannot hold (none should reach here) is left
 * out rather than breaking the registration of every pattern.
 */
export function excludeMatches(sites: readonly string[]): string[] {
  return sites
    .map((s) => s.trim().toLowerCase())
    .filter((s) => /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(s))
    .flatMap((s) => [`*://${s}/*`, `*://*.${s}/*`, `*://${s}./*`, `*://*.${s}./*`]);
}
