import { render } from 'preact';
import browser from 'webextension-polyfill';
import type { Translate } from '../../lib/i18n.ts';
import { openDb } from '../../lib/storage/db.ts';
import { OptionsApp } from './app.tsx';

const db = openDb();
// Opened before the first render: the view's query finds the database ready sooner.
db.open().catch(() => undefined); // A failure shows in the view's own query.
const t: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions?.map(String));
document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('dashTitle');
render(<OptionsApp t={t} db={db} />, document.getElementById('app') as HTMLElement);
