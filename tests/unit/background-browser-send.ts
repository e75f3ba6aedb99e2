import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * A message from one of the extension's own pages, told to the worker as the browser tells it: with the extension's
 * id and the page's address (WXT's in-memory `runtime.sendMessage` says neither, and the worker takes a sender
 * without them for a web page's content script).
 */
export async function sendFromExtensionPage(message: unknown): Promise<unknown> {
  const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return answers.find((a: unknown) => !!a);
}
