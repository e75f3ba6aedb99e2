import browser from 'webextension-polyfill';
import { chosenLocale, loadLocale, type MessageKey, type Translate, translator } from '../lib/i18n.ts';
import { parseSettings, SETTINGS_KEY } from '../lib/settings.ts';
import { setUiLocale } from './format.ts';
import './locale-chunks.ts';

/** The locale the settings choose (the browser's language when they say `auto`), as the build has it. */
export async function settingsLocale(): Promise<string> {
  const stored = await browser.storage.local.get(SETTINGS_KEY).catch(() => ({}) as Record<string, unknown>);
  return chosenLocale(parseSettings(stored[SETTINGS_KEY]).uiLanguage, browser.i18n.getUILanguage());
}

/**
 * The page's `Translate` in the chosen locale; `<html lang>`, the screen's dates and numbers (components/format.ts)
 * and its title follow.
 */
export async function pageTranslator(title: MessageKey): Promise<Translate> {
  const folder = await settingsLocale();
  await loadLocale(folder);
  const t = translator(folder);
  document.documentElement.lang = t.locale;
  setUiLocale(t.locale);
  document.title = t(title);
  return t;
}

/** Calls `then` with the new `Translate` each time the settings choose another locale. */
export function onLocaleChange(title: MessageKey, current: Translate, then: (t: Translate) => void): void {
  let shown = current.locale;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !changes[SETTINGS_KEY]) return;
    pageTranslator(title).then((t) => {
      if (t.locale === shown) return;
      shown = t.locale;
      then(t);
    });
  });
}
