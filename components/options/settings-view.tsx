import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n.ts';
import { type NumberSetting, RESIDENCES, SETTING_RANGES, type Settings } from '../../lib/settings.ts';
import type { TrackerListSource } from '../../lib/trackers/format.ts';

interface Props {
  t: Translate;
  settings: Settings;
  source: TrackerListSource;
  onChange: (patch: Partial<Settings>) => Promise<unknown>;
}

export function SettingsView({ t, settings, source, onChange }: Props) {
  const [message, setMessage] = useState('');
  const save = (patch: Partial<Settings>) => onChange(patch).then(() => setMessage(t('optionsSaved')));
  const numberField = (key: NumberSetting, min: number, max: number) => (event: Event) => {
    const value = Number((event.currentTarget as HTMLInputElement).value);
    if (!Number.isInteger(value) || value < min || value > max) {
      setMessage(t('optionsInvalid', [min, max]));
      return;
    }
    save({ [key]: value });
  };
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
        <label>
          {t('optionsRetention')}{' '}
          <input
            type="number"
            min={1}
            max={3650}
            value={settings.retentionDays}
            onChange={numberField('retentionDays', 1, 3650)}
          />{' '}
          {t('optionsRetentionDays')}
        </label>
        <label>
          {t('optionsMaxEvents')}{' '}
          <input
            type="number"
            min={1000}
            max={10_000_000}
            step={1000}
            value={settings.maxEvents}
            onChange={numberField('maxEvents', 1000, 10_000_000)}
          />
        </label>
        <p class="hint">{t('optionsRetentionHint')}</p>
        <label>
          {t('optionsHistory')}{' '}
          <input
            type="number"
            data-testid="option-history-days"
            min={SETTING_RANGES.historyDays[0]}
            max={SETTING_RANGES.historyDays[1]}
            value={settings.historyDays}
            onChange={numberField('historyDays', ...SETTING_RANGES.historyDays)}
          />{' '}
          {t('optionsRetentionDays')}
        </label>
        <label>
          {t('optionsMaxTotals')}{' '}
          <input
            type="number"
            data-testid="option-max-totals"
            min={SETTING_RANGES.maxTotals[0]}
            max={SETTING_RANGES.maxTotals[1]}
            step={1000}
            value={settings.maxTotals}
            onChange={numberField('maxTotals', ...SETTING_RANGES.maxTotals)}
          />
        </label>
        <label>
          {t('optionsMaxIdentifiers')}{' '}
          <input
            type="number"
            data-testid="option-max-identifiers"
            min={SETTING_RANGES.maxIdentifiers[0]}
            max={SETTING_RANGES.maxIdentifiers[1]}
            step={100}
            value={settings.maxIdentifiers}
            onChange={numberField('maxIdentifiers', ...SETTING_RANGES.maxIdentifiers)}
          />
        </label>
        <p class="hint">{t('optionsHistoryHint')}</p>
        <p role="status">{message}</p>
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
                {code === 'US-CA' ? t('optionsResidenceCalifornia') : placeName(code)}
              </option>
            ))}
          </select>
        </label>
        <p class="hint">{t('optionsResidenceHint')}</p>
      </fieldset>
      <section>
        <h3>{t('optionsAbout')}</h3>
        <p data-testid="attribution">
          {t('optionsTrackerData', [source.name, source.version, source.license, source.attribution])}{' '}
          <a href={source.licenseUrl} target="_blank" rel="noreferrer">
            {source.licenseUrl}
          </a>
        </p>
      </section>
    </>
  );
}

/** A country's name in the browser's language. */
function placeName(code: string): string {
  return new Intl.DisplayNames(undefined, { type: 'region' }).of(code) ?? code;
}
