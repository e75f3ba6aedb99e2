/// <reference types="vite/client" />
import { type MessagesFile, useLocaleLoaders } from '../lib/i18n.ts';

/**
 * The pages' locales: each `public/_locales/<folder>/messages.json` but English (already in the bundle) as a chunk of
 * its own, loaded when chosen. Imported for its effect by the module that translates pages.
 */
useLocaleLoaders(
  Object.fromEntries(
    Object.entries(
      import.meta.glob<MessagesFile>(['../public/_locales/*/messages.json', '!../public/_locales/en/messages.json'], {
        import: 'default',
      }),
    ).map(([path, load]) => [path.split('/').at(-2) as string, load]),
  ),
);
