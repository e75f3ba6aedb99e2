import { defineContentScript } from 'wxt/utils/define-content-script';
import { CHANNEL_ASK, CHANNEL_HELLO } from '../lib/consent/channel.ts';
import { gppState, type PageSignal, type TcfAnswer, tcfState, uspOptedOut } from '../lib/consent/page-signals.ts';

// The page's consent state, read in the page's own (main) world, where its CMP's APIs are. It only reads: it calls
// the IAB APIs a page's own scripts call (`__tcfapi`, `__gpp`, `__uspapi`), defines nothing on the page's objects,
// changes no return value, and keeps what it needs of the page's globals from before any page script runs.
//
// Banners without an IAB API are told by the detector (consent-detector.content.ts, in the extension's own world).
//
// Top frame only: the consent state is the page's, held by the CMP of its top document (frames ask that CMP through
// `__tcfapiLocator`), and every request of a tab is counted against its top-level page load.
export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: false,
  registration: 'runtime',
  exclude: ['firefox'],
  // An anonymous function: the build would otherwise leave a global variable of its name on the page.
  globalName: false,
  main() {
    readConsent();
  },
});

/** How often, and how long after the page starts, the reader looks for a CMP's API that is not there yet. */
const LOOK_EVERY_MS = 250;
const LOOK_FOR_MS = 20_000;
/** How long after the page's load event a page without a CMP is taken as showing no banner. */
const NO_BANNER_AFTER_LOAD_MS = 3000;

type Api = (command: string, version: number, callback: (data: never, success: boolean) => void) => unknown;

interface TcData extends TcfAnswer {
  cmpId?: number;
  eventStatus?: string;
}

interface GppEvent {
  pingData?: {
    cmpId?: number;
    cmpDisplayStatus?: string;
    signalStatus?: string;
    parsedSections?: Record<string, unknown>;
  };
}

function readConsent(): void {
  // The page's scripts could replace these later: the reader keeps its own.
  const listen = EventTarget.prototype.addEventListener;
  const unlisten = EventTarget.prototype.removeEventListener;
  const fire = EventTarget.prototype.dispatchEvent;
  const Custom = CustomEvent;
  const stringify = JSON.stringify;
  const later = setTimeout;
  const clock = Date.now;
  const sinceStart = performance.now.bind(performance);
  const doc = document;
  const page = window as unknown as Record<string, unknown>;

  // The wall-clock time the document's navigation started: which page load the reports belong to.
  const origin = Math.round(clock() - sinceStart());
  let channel: string | undefined;
  const waiting: string[] = [];
  const send = (detail: string) => {
    if (channel) fire.call(doc, new Custom(channel, { detail }));
    else waiting.push(detail);
  };
  const hello = (event: Event) => {
    const name = (event as CustomEvent).detail;
    if (channel || typeof name !== 'string') return;
    channel = name;
    unlisten.call(doc, CHANNEL_HELLO, hello);
    for (const detail of waiting.splice(0)) send(detail);
  };
  listen.call(doc, CHANNEL_HELLO, hello);
  fire.call(doc, new Custom(CHANNEL_ASK));

  let last = '';
  let cmpFound = false;
  const report = (signal: PageSignal) => {
    const key = `${signal.state}|${signal.cmp ?? ''}`;
    if (key === last) return;
    last = key;
    send(stringify({ origin, signal }));
  };

  let tcf = false;
  let gpp = false;
  let usp = false;
  let gppShown = false;
  const onTcf = (data: TcData, success: boolean) => {
    try {
      if (!success || !data) return;
      const cmp = `tcf:${data.cmpId}`;
      const time = clock();
      if (data.eventStatus === 'cmpuishown') report({ time, state: 'not-answered', cmp });
      else if (data.eventStatus === 'tcloaded')
        report(
          data.gdprApplies === false
            ? { time, state: 'no-banner', cmp }
            : { time, state: tcfState(data), cmp, stored: true },
        );
      else if (data.eventStatus === 'useractioncomplete') report({ time, state: tcfState(data), cmp });
    } catch {
      // The CMP's data is the page's: whatever it holds, the CMP's own call must not fail because of the reader.
    }
  };
  const onGpp = (event: GppEvent, success: boolean) => {
    try {
      const ping = event?.pingData;
      // A page with both APIs says it through TCF, read in full; GPP then adds nothing.
      if (!success || !ping || tcf) return;
      const cmp = `gpp:${ping.cmpId}`;
      const time = clock();
      if (ping.cmpDisplayStatus === 'visible') {
        gppShown = true;
        report({ time, state: 'not-answered', cmp });
      } else if (ping.signalStatus === 'ready') {
        const state = gppState(ping.parsedSections);
        if (state) report(gppShown ? { time, state, cmp } : { time, state, cmp, stored: true });
      }
    } catch {
      // As for TCF.
    }
  };
  const look = () => {
    try {
      const tcfApi = page.__tcfapi;
      if (!tcf && typeof tcfApi === 'function') {
        tcf = true;
        cmpFound = true;
        (tcfApi as Api)('addEventListener', 2, onTcf as never);
      }
      const gppApi = page.__gpp;
      if (!gpp && typeof gppApi === 'function') {
        gpp = true;
        cmpFound = true;
        (gppApi as (command: string, callback: (data: never, success: boolean) => void) => unknown)(
          'addEventListener',
          onGpp as never,
        );
      }
      const uspApi = page.__uspapi;
      if (!usp && typeof uspApi === 'function') {
        usp = true;
        // US Privacy has no events: its string as it is now. Only an opt-out says anything of a choice.
        (uspApi as Api)('getUSPData', 1, ((data: { uspString?: string } | null, success: boolean) => {
          if (success && !tcf && !gpp && uspOptedOut(data?.uspString))
            report({ time: clock(), state: 'refused', cmp: 'usp', stored: true });
        }) as never);
      }
    } catch {
      // An API that throws is the page's fault; the page goes on as it would have.
    }
    return tcf && gpp;
  };
  const started = sinceStart();
  const poll = () => {
    if (!look() && sinceStart() - started < LOOK_FOR_MS) later(poll, LOOK_EVERY_MS);
  };
  poll();
  listen.call(
    window,
    'load',
    () => {
      later(() => {
        look();
        if (!cmpFound) report({ time: clock(), state: 'no-banner' });
      }, NO_BANNER_AFTER_LOAD_MS);
    },
    { once: true },
  );
}
