import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

// Manifest V3 for Chromium; `wxt build -b firefox` builds the MV2 variant from the same sources.

/**
 * The add-on's id on addons.mozilla.org, and the key Firefox files the add-on's data under (its IndexedDB lives at a
 * per-id `moz-extension://` origin): it must never change, or every user's history is orphaned and AMO sees a new
 * add-on. A name at a domain the project can register (AMO does not verify it, but an id at a domain someone else
 * owns could clash); `.invalid` ones are refused.
 */
export const GECKO_ID = 'disclosed@disclosed-extension.org';

/**
 * Firefox-only keys. `data_collection_permissions`: Disclosed sends nothing anywhere (its promise: no network request
 * of its own), so it declares that nothing is collected — AMO requires the key of new add-ons. The key exists from
 * Firefox 140 (the ESR of 2025) and Firefox for Android 142, hence the minimum versions. `default_area: 'navbar'`
 * puts the button, and so its badge, in the toolbar rather than the Extensions panel.
 */
const firefox = {
  browser_specific_settings: {
    gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    gecko_android: { strict_min_version: '142.0' },
  },
};
/**
 * The consent reader runs in the page's own world, where the page's code can read a call stack while the reader is
 * on it (a getter on its CMP's data, the CMP itself). A `sourceURL` names the built file in those stacks instead of
 * its address, which is the extension's (`chrome-extension://<id>/consent-reader.js`).
 */
function nameTheReader(): Plugin {
  return {
    name: 'disclosed:name-the-reader',
    generateBundle(_options, bundle) {
      const reader = bundle['consent-reader.js'];
      if (reader?.type === 'chunk') reader.code = `${reader.code.trimEnd()}\n//# sourceURL=consent-reader.js\n`;
    },
  };
}

export default defineConfig({
  entrypointsDir: 'entrypoints',
  // Explicit imports only: auto-imported globals hide where things come from.
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `scripting`: the consent reader is registered off the sites the user excluded (background.ts; Firefox has the
    // API in MV2 too, and runs registered scripts in the page's main world from 128);
    // `webNavigation`: when each page's navigation started and committed, which its consent reports are checked
    // against (it reads no more of the browsing than `tabs` and `webRequest` already do).
    permissions: [
      'webRequest',
      'storage',
      'unlimitedStorage',
      'tabs',
      'alarms',
      'cookies',
      'notifications',
      'webNavigation',
      'scripting',
      // Firefox alone can say a host's DNS canonical name (a first-party subdomain that is an alias of a tracker's
      // domain). Only cached answers are read: the permission lets Disclosed see, never resolve, a name.
      ...(browser === 'firefox' ? ['dns'] : []),
    ],
    host_permissions: ['<all_urls>'],
    // Under its MV2 name when building MV2: WXT's popup entry replaces a `browser_action` it has to convert itself.
    [manifestVersion === 2 ? 'browser_action' : 'action']: {
      default_title: '__MSG_actionTitle__',
      ...(browser === 'firefox' ? { default_area: 'navbar' } : {}),
    },
    ...(browser === 'firefox' ? firefox : {}),
  }),
  vite: () => ({
    plugins: [preact(), nameTheReader()],
    build: { chunkSizeWarningLimit: 4000 },
  }),
});
