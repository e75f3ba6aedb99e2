import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Manifest V3 for Chromium; `wxt build -b firefox` builds the MV2 variant from the same sources.
export default defineConfig({
  entrypointsDir: 'entrypoints',
  // Explicit imports only: auto-imported globals hide where things come from.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['webRequest', 'storage', 'unlimitedStorage', 'tabs', 'alarms', 'cookies', 'notifications'],
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'disclosed@disclosed.invalid', strict_min_version: '115.0' } } }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    build: { chunkSizeWarningLimit: 4000 },
  }),
});
