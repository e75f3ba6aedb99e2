// The test pages' CMP: the IAB Tech Lab's own CMP API (`@iabtechlabtcf/cmpapi`) behind a small banner, "Accept all"
// and "Refuse", that sets the TC string through it — as a real site's CMP does. Bundled for the browser by the test
// (esbuild) and served by the fake internet as /cmp.js. The vendor list is the small one in ./vendor-list.ts.
import { CmpApi } from '@iabtechlabtcf/cmpapi';
import { GVL, TCModel, TCString } from '@iabtechlabtcf/core';
import { TEST_CMP_ID, VENDOR_LIST } from './vendor-list.ts';

const gvl = new GVL(VENDOR_LIST);
const cmp = new CmpApi(TEST_CMP_ID, 1, false);
const marks = window as unknown as Record<string, unknown>;

const answer = (all: boolean) => {
  const model = new TCModel(gvl);
  model.cmpId = TEST_CMP_ID;
  model.cmpVersion = 1;
  if (all) {
    model.setAllPurposeConsents();
    model.setAllVendorConsents();
  }
  marks[all ? 'acceptedAt' : 'refusedAt'] = Date.now();
  cmp.update(TCString.encode(model), false);
  document.getElementById('consent-banner')?.remove();
  (marks.onAnswered as ((all: boolean) => void) | undefined)?.(all);
};

// No answer stored: the banner shows as the page starts.
marks.bannerShownAt = Date.now();
cmp.update('', true);
document.addEventListener('DOMContentLoaded', () => {
  const banner = document.createElement('div');
  banner.id = 'consent-banner';
  banner.setAttribute('role', 'dialog');
  banner.setAttribute('aria-label', 'Cookies');
  const text = document.createElement('p');
  text.textContent = 'We and our partners store and read cookies on your device.';
  const accept = document.createElement('button');
  accept.textContent = 'Accept all';
  accept.addEventListener('click', () => answer(true));
  const refuse = document.createElement('button');
  refuse.textContent = 'Refuse';
  refuse.addEventListener('click', () => answer(false));
  banner.append(text, accept, refuse);
  document.body.append(banner);
});
