import type { WebRequest } from 'webextension-polyfill';

/**
 * Typed stand-ins for the browser APIs WXT's fakeBrowser lacks or throws on, which the background uses: the
 * webRequest events (fired by tests), `extension.isAllowedIncognitoAccess` and `i18n.getMessage`. Each takes the
 * real API's listener type, so a change in what the background registers shows up as a type error here.
 */
export class StandInEvent<Listener extends (...args: never[]) => unknown> {
  private readonly listeners: { listener: Listener; filter: unknown }[] = [];

  addListener(listener: Listener, filter?: unknown, _extra?: unknown): void {
    this.listeners.push({ listener, filter });
  }

  removeListener(listener: Listener): void {
    const index = this.listeners.findIndex((l) => l.listener === listener);
    if (index >= 0) this.listeners.splice(index, 1);
  }

  hasListener(listener: Listener): boolean {
    return this.listeners.some((l) => l.listener === listener);
  }

  hasListeners(): boolean {
    return this.listeners.length > 0;
  }

  /** Calls every listener whose filter lets the details through (only `types` is honoured: URLs are all <all_urls>). */
  fire(...args: Parameters<Listener>): void {
    const details = args[0] as { type?: string } | undefined;
    for (const { listener, filter } of this.listeners) {
      const types = (filter as WebRequest.RequestFilter | undefined)?.types;
      if (types && !types.includes(details?.type as WebRequest.ResourceType)) continue;
      listener(...args);
    }
  }

  resetState(): void {
    this.listeners.length = 0;
  }
}

type Listener<T> = (details: T) => void;

export const webRequest = {
  onBeforeRequest: new StandInEvent<Listener<WebRequest.OnBeforeRequestDetailsType>>(),
  onSendHeaders: new StandInEvent<Listener<WebRequest.OnSendHeadersDetailsType>>(),
  onResponseStarted: new StandInEvent<Listener<WebRequest.OnResponseStartedDetailsType>>(),
  onBeforeRedirect: new StandInEvent<Listener<WebRequest.OnBeforeRedirectDetailsType>>(),
  onCompleted: new StandInEvent<Listener<WebRequest.OnCompletedDetailsType>>(),
  onErrorOccurred: new StandInEvent<Listener<WebRequest.OnErrorOccurredDetailsType>>(),
  resetState(): void {
    for (const event of Object.values(this)) if (event instanceof StandInEvent) event.resetState();
  },
};

/** Chrome's answer for a profile where the user did not let the extension into private windows. */
export const extension = { isAllowedIncognitoAccess: async (): Promise<boolean> => false };

/** Messages as their key and substitutions, so a test reads which text was chosen. */
export const i18n = {
  getMessage: (key: string, substitutions: string[] = []): string => `${key}(${substitutions.join('|')})`,
  getUILanguage: (): string => 'en',
};
