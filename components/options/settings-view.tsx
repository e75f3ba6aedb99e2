import { useState } from 'preact/hooks';
import { availableLocales, FOLLOW_BROWSER, languageTag, type Translate } from '../../lib/i18n.ts';
import { type NumberSetting, RESIDENCES, SETTING_RANGES, type Settings } from '../../lib/settings.ts';
import type { TrackerListSource } from '../../lib/trackers/format.ts';
import { formatNumber, parseCount } from '../format.ts';

interface Props {
  t: Translate;
  settings: Settings;
  source: TrackerListSource;
  onChange: (patch: Partial<Settings>) => Promise<unknown>;
  /** The locale the browser's language gives (`matchLocale(i18n.getUILanguage())`), named in the first choice. */
  browserLocale: string;
}

export function SettingsView({ t, settings, source, onChange, browserLocale }: Props) {
  const [message, setMessage] = useState('');
  const save = (patch: Partial<Settings>) => onChange(patch).then(() => setMessage(t('optionsSaved')));
  /** A whole-number setting's field, shown with the locale's grouping ("1,000,000") and read back with or without it. */
  const count = (key: NumberSetting, [min, max]: readonly [number, number]) => ({
    value: formatNumber(settings[key]),
    onChange: (event: Event) => {
      const value = parseCount((event.currentTarget as HTMLInputElement).value, t.locale);
      if (value === undefined || value < min || value > max) {
        setMessage(t('optionsInvalid', [min, max]));
        return;
      }
      save({ [key]: value });
    },
  });
  return (
    <>
      <h2>{t('optionsTitle')}</h2>
      <fieldset>
        <legend>{t('optionsRecording')}</legend>
        <label>
          <input
            type="checkbox"
            data-testid="option-paused"
            checked={settings.paused}
            onChange={(e) => save({ paused: e.currentTarget.checked })}
          />{' '}
          {t('optionsPaused')}
        </label>
        <label>
          <input
            type="checkbox"
            data-testid="option-private"
            checked={settings.recordPrivate}
            onChange={(e) => save({ recordPrivate: e.currentTarget.checked })}
          />{' '}
          {t('optionsRecordPrivate')}
        </label>
        <p class="hint">{t('optionsRecordPrivateHint')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('optionsKeeping')}</legend>
        <label>
          {t('optionsRetention')}{' '}
          <input
            type="text"
            inputMode="numeric"
            size={10}
            data-testid="option-retention-days"
            {...count('retentionDays', [1, 3650])}
          />{' '}
          {t('optionsRetentionDays')}
        </label>
        <label>
          {t('optionsMaxEvents')}{' '}
          <input
            type="text"
            inputMode="numeric"
            size={10}
            data-testid="option-max-events"
            {...count('maxEvents', [1000, 10_000_000])}
          />
        </label>
        <p class="hint">{t('optionsRetentionHint')}</p>
        <label>
          {t('optionsHistory')}{' '}
          <input
            type="text"
            inputMode="numeric"
            size={10}
            data-testid="option-history-days"
            {...count('historyDays', SETTING_RANGES.historyDays)}
          />{' '}
          {t('optionsRetentionDays')}
        </label>
        <label>
          {t('optionsMaxTotals')}{' '}
          <input
            type="text"
            inputMode="numeric"
            size={10}
            data-testid="option-max-totals"
            {...count('maxTotals', SETTING_RANGES.maxTotals)}
          />
        </label>
        <label>
          {t('optionsMaxIdentifiers')}{' '}
          <input
            type="text"
            inputMode="numeric"
            size={10}
            data-testid="option-max-identifiers"
            {...count('maxIdentifiers', SETTING_RANGES.maxIdentifiers)}
          />
        </label>
        <p class="hint">{t('optionsHistoryHint')}</p>
        <p role="status" class="status" data-testid="settings-message">
          {message}
        </p>
      </fieldset>
      <fieldset>
        <legend>{t('optionsLetters')}</legend>
        <label>
          {t('optionsResidence')}{' '}
          <select
            data-testid="option-residence"
            value={settings.residence}
            onChange={(e) => save({ residence: e.currentTarget.value })}
          >
            <option value="">{t('optionsResidenceNone')}</option>
            {RESIDENCES.map((code) => (
              <option key={code} value={code}>
                {code === 'US-CA' ? t('optionsResidenceCalifornia') : placeName(code, t.locale)}
              </option>
            ))}
          </select>
        </label>
        <p class="hint">{t('optionsResidenceHint')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('optionsLanguage')}</legend>
        <label>
          {t('optionsUiLanguage')}{' '}
          <select
            data-testid="option-ui-language"
            value={settings.uiLanguage}
            onChange={(e) => save({ uiLanguage: e.currentTarget.value })}
          >
            <option value={FOLLOW_BROWSER}>{t('optionsUiLanguageBrowser', [languageName(browserLocale)])}</option>
            {availableLocales().map((locale) => (
              <option key={locale} value={locale} lang={languageTag(locale)}>
                {languageName(locale)}
              </option>
            ))}
          </select>
        </label>
        <p class="hint">{t('optionsUiLanguageHint')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('optionsAbout')}</legend>
        <p data-testid="attribution">
          {t('optionsTrackerData', [source.name, source.version, source.license, source.attribution])}{' '}
          <a href={source.licenseUrl} target="_blank" rel="noreferrer">
            {source.licenseUrl}
          </a>
        </p>
      </fieldset>
    </>
  );
}

/** A language's name in that language ("Deutsch", "Polski"): how people find their own in a list. */
function languageName(locale: string): string {
  const tag = languageTag(locale);
  const name = new Intl.DisplayNames(tag, { type: 'language' }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

/** A country's name in the UI's language. */
function placeName(code: string, locale: string): string {
  return new Intl.DisplayNames(locale, { type: 'region' }).of(code) ?? code;
}
