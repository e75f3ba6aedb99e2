import { render } from 'preact';
import browser from 'webextension-polyfill';
import { setUiLocale } from '../../components/format.ts';
import type { Translate } from '../../lib/i18n.ts';
import { ClassroomApp } from './app.tsx';

const t: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions?.map(String));
document.documentElement.lang = browser.i18n.getUILanguage();
setUiLocale(browser.i18n.getUILanguage());
document.title = t('classroomTitle');
render(<ClassroomApp t={t} />, document.getElementById('app') as HTMLElement);
