import { render } from 'preact';
import browser from 'webextension-polyfill';
import type { Translate } from '../../lib/i18n.ts';
import { OptionsApp } from './app.tsx';

const t: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions?.map(String));
document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('dashTitle');
render(<OptionsApp t={t} />, document.getElementById('app') as HTMLElement);
