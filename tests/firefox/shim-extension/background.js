// Every request to the tracker host is answered by the extension's own file, before anything leaves the browser.
browser.webRequest.onBeforeRequest.addListener(
  () => ({ redirectUrl: browser.runtime.getURL('shim.js') }),
  { urls: ['*://b.scorecardresearch.com/*'] },
  ['blocking'],
);
