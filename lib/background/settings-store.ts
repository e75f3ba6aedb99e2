import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from '../settings.ts';

/** The part of `browser.storage.local` the store uses; tests pass the fake browser's. */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * The background's copy of the user's settings. Read synchronously by the capture on every request, so it is held
 * in memory: loaded once at start, kept current when a page (or another profile window) changes storage.
 */
export class SettingsStore {
  private value: Settings = DEFAULT_SETTINGS;
  /** Resolves once the stored settings have been read; nothing may be recorded under the defaults before that. */
  readonly loaded: Promise<void>;

  constructor(private readonly area: SettingsArea) {
    this.loaded = area.get(SETTINGS_KEY).then(
      (stored) => {
        this.value = parseSettings(stored[SETTINGS_KEY]);
      },
      (error) => console.error('Disclosed: could not read the settings; using the defaults', error),
    );
  }

  get current(): Settings {
    return this.value;
  }

  /** Merges a change from a page, stores the result, and answers with it. */
  async update(patch: Partial<Settings>): Promise<Settings> {
    await this.loaded;
    this.value = parseSettings({ ...this.value, ...patch });
    await this.area.set({ [SETTINGS_KEY]: this.value });
    return this.value;
  }

  /** Follows `storage.onChanged`: a change written elsewhere (another extension page) applies here too. */
  storageChanged(changes: Record<string, { newValue?: unknown }>, areaName: string): void {
    if (areaName === 'local' && changes[SETTINGS_KEY]) this.value = parseSettings(changes[SETTINGS_KEY].newValue);
  }
}
