import type { Translate } from '../lib/i18n.ts';

/**
 * How a company was reached under another name: through a subdomain of the site (or another party's host) whose DNS
 * entry is an alias of the company's domain. Says what DNS said, nothing more.
 */
export function viaText(t: Translate, site: string, via: { host: string; cname: string; onSite: boolean }): string {
  return via.onSite ? t('cnameViaSubdomain', [via.host, site, via.cname]) : t('cnameViaHost', [via.host, via.cname]);
}
