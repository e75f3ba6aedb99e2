import AutoConsent, { type ContentScriptMessage } from '@duckduckgo/autoconsent';
// As text: a string is read far faster than the same rules as a script's literal, and is parsed only after the load.
import compactRules from '@duckduckgo/autoconsent/rules/compact-rules.json?raw';
import browser from 'webextension-polyfill';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { DETECTED_FLAG } from '../lib/consent/channel.ts';
import { type PageSignal, watchBanner } from '../lib/consent/page-signals.ts';
import { request } from '../lib/messages.ts';

// Banners without an IAB API: DuckDuckGo's autoconsent rules tell a known CMP and whether its banner is shown.
// Detection only: no action (`autoAction: null`), no prehiding, no cosmetic rules, no heuristics, and none of the
// rules' snippets of page code run (each is answered "no"): it only looks at the page's elements. In the extension's
// own (isolated) world, which sees the page's DOM, injected by the worker into the top frame once the page has
// loaded (background.ts): its 350 kB of rules neither hold up the page's load nor run among the page's scripts. An
// unlisted script injected by file: no WXT wrapper posts anything to the page.
export default defineUnlistedScript({
  globalName: false,
  main() {
    // Once a document: the worker injects it at each load's end, and a page may tell it "complete" more than once.
    const world = globalThis as Record<string, unknown>;
    if (world.disclosedConsentDetector) return;
    world.disclosedConsentDetector = true;
    if (document.readyState === 'complete') detect();
    else window.addEventListener('load', () => detect(), { once: true });
  },
});

function detect(): void {
  // The same document start the reader reports (`performance.timeOrigin`, the very value it reads): the worker joins
  // their reports in one timeline.
  const origin = Math.round(performance.timeOrigin);
  const report = (state: PageSignal['state'], cmp: string) => {
    // The relay, in this same world, then holds back the reader's "no banner".
    (globalThis as Record<string, unknown>)[DETECTED_FLAG] = true;
    request(browser.runtime.sendMessage, 'consent/page-state', {
      origin,
      signal: { time: Date.now(), state, cmp },
      relayedAt: Date.now(),
    }).catch(() => undefined);
  };
  let detector: AutoConsent | undefined;
  let shown = false;
  // Its banner shown: not answered; then gone: answered, how it cannot tell. Watched for a minute at most, and not
  // once the page is left.
  const watch = (name: string) => {
    const stop = watchBanner({
      // The rule that matched is known to the detector a moment after it says so.
      isOpen: () => detector?.foundCmp?.detectPopup() ?? Promise.resolve(true),
      onGone: () => report('unknown', detector?.foundCmp?.name ?? name),
      later: (f, ms) => setTimeout(f, ms),
      now: Date.now,
    });
    window.addEventListener('pagehide', stop, { once: true });
  };
  const onMessage = async (message: ContentScriptMessage) => {
    if (message.type === 'eval') {
      // No page code is run for a rule: a rule that needs it does not match.
      detector?.receiveMessageCallback({ type: 'evalResp', id: message.id, result: false });
    } else if (message.type === 'cmpDetected' && !shown) report('unknown', message.cmp);
    else if (message.type === 'popupFound' && !shown) {
      shown = true;
      report('not-answered', message.cmp);
      watch(message.cmp);
    }
  };
  try {
    detector = new AutoConsent(
      onMessage,
      {
        enabled: true,
        autoAction: null,
        enablePrehide: false,
        enableCosmeticRules: false,
        enableGeneratedRules: false,
        enableHeuristicDetection: false,
        heuristicMode: 'off',
        visualTest: false,
        isMainWorld: false,
        logs: {
          lifecycle: false,
          rulesteps: false,
          detectionsteps: false,
          evals: false,
          errors: false,
          messages: false,
          waits: false,
        },
      },
      { autoconsent: [], compact: JSON.parse(compactRules) },
    );
  } catch {
    detector = undefined;
  }
}
