import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CHANNEL_ASK, CHANNEL_HELLO } from '../lib/consent/channel.ts';
import { gppState, own, type PageSignal, tcfState, uspOptedOut } from '../lib/consent/page-signals.ts';

// The page's consent state, read in the page's own (main) world, where its CMP's APIs are. It only reads: it calls
// the IAB APIs a page's own scripts call (`__tcfapi`, `__gpp`, `__uspapi`), defines nothing on the page's objects,
// changes no return value, and throws nothing into the page.
//
// It runs at document_start, before any script of the page, and keeps then every function of the page's world it
// uses later (bound to their objects, so no later call looks up `call` or a prototype the page may have replaced),
// builds the objects it hands to the browser without a prototype (a getter the page puts on Object.prototype sees
// none of them), and agrees its channel with the relay once, before the page can ask.
//
// An unlisted script registered by file (lib/consent/channel.ts), not a WXT content script: no wrapper of WXT's runs
// in the page (its isolated one posts a message naming the extension to every page's listeners).
//
// What the page's CMP hands over is the page's: it may be a Proxy, or have getters, that run the page's code while
// the reader reads it, and that code sees the call stack (an Error's `stack`). It is copied once, through the
// natives JSON had as the reader started, and read as that copy (own fields only, lib/consent/page-signals.ts); the
// built file names itself `consent-reader.js` (a `sourceURL` footer, wxt.config.ts), so no stack shows the
// extension's address (`chrome-extension://<id>/`).
//
// Banners without an IAB API are told by the detector (consent-detector.ts, in the extension's own world).
export default defineUnlistedScript({
  // An anonymous function: the build would otherwise leave a global variable of its name on the page.
  globalName: false,
  main() {
    try {
      readConsent();
    } catch {
      // Nothing of the reader's may reach the page's error handlers.
    }
  },
});

/** How often, and how long after the page starts, the reader looks for a CMP's API that is not there yet. */
const LOOK_EVERY_MS = 250;
const LOOK_FOR_MS = 20_000;
/** How long after the page's load event a page without a CMP is taken as showing no banner. */
const NO_BANNER_AFTER_LOAD_MS = 3000;

type Api = (command: string, version: number, callback: (data: never, success: boolean) => void) => unknown;

/** A CMP's id as its data says it, or nothing that could carry more than a number. */
function cmpIdOf(data: unknown): string {
  const id = own(data, 'cmpId');
  return typeof id === 'number' && id >= 0 && id < 1e9 ? `${id}` : 'unknown';
}

function readConsent(): void {
  // Taken now, before any page script: each bound, or called without a `this`, so that later calls read nothing the
  // page's scripts could have replaced since.
  const callOf = Function.prototype.call.bind(Function.prototype.call) as <T>(
    f: (...a: never[]) => T,
    self: unknown,
    ...args: unknown[]
  ) => T;
  const doc = document;
  const win = window;
  const events = EventTarget.prototype;
  const listen = events.addEventListener.bind(doc);
  const unlisten = events.removeEventListener.bind(doc);
  const listenWindow = events.addEventListener.bind(win);
  const fire = events.dispatchEvent.bind(doc);
  const detailGetter = Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail')?.get as () => unknown;
  const detailOf = (event: Event) => callOf(detailGetter, event);
  const acknowledge = Event.prototype.preventDefault;
  const Custom = CustomEvent;
  const create = Object.create;
  /** An object with no prototype: what a CustomEvent's init, a listener's options or a report is made of. */
  const bare = () => create(null) as Record<string, unknown>;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  /** The page's data as plain data of the reader's: read once, through the natives taken now. */
  const copy = (value: unknown): unknown => {
    const text = stringify(value);
    return typeof text === 'string' ? parse(text) : undefined;
  };
  const later = setTimeout;
  const clock = Date.now;
  const round = Math.round;
  const page = win as unknown as Record<string, unknown>;
  const init = (detail: string | undefined, cancelable: boolean) => {
    const o = bare();
    if (detail !== undefined) o.detail = detail;
    o.cancelable = cancelable;
    return o as CustomEventInit;
  };

  // When the document's navigation started (ms since the epoch): which page load the reports belong to. The
  // detector reads the same value, so the worker joins their reports in one timeline.
  const origin = round(performance.timeOrigin);
  let channel: string | undefined;
  // Reports made before the channel is known, kept in an object without a prototype (an array's `push`, or a
  // setter the page put on Array.prototype, would show them to the page).
  const waiting = bare() as Record<number, string>;
  let waited = 0;
  const send = (detail: string) => {
    if (channel) fire(new Custom(channel, init(detail, false)));
    else waiting[waited++] = detail;
  };
  // The relay answers once; the reader takes the first answer only, and tells the relay it did (its event is
  // cancelled), so neither answers a page's script that asks or says hello later.
  const hello = (event: Event) => {
    const name = detailOf(event);
    if (channel || typeof name !== 'string') return;
    channel = name;
    callOf(acknowledge, event);
    unlisten(CHANNEL_HELLO, hello);
    for (let i = 0; i < waited; i++) send(waiting[i] as string);
    waited = 0;
  };
  listen(CHANNEL_HELLO, hello);
  fire(new Custom(CHANNEL_ASK, init(undefined, false)));

  let last = '';
  let cmpFound = false;
  const report = (signal: PageSignal) => {
    const key = `${signal.state}|${signal.cmp ?? ''}`;
    if (key === last) return;
    last = key;
    const fields = bare();
    fields.time = signal.time;
    fields.state = signal.state;
    if (signal.cmp !== undefined) fields.cmp = signal.cmp;
    if (signal.stored) fields.stored = true;
    const message = bare();
    message.origin = origin;
    message.signal = fields;
    send(stringify(message));
  };

  let tcf = false;
  let gpp = false;
  let usp = false;
  let gppShown = false;
  const onTcf = (given: unknown, success: unknown) => {
    try {
      if (success !== true || !given) return;
      const time = clock();
      const data = copy(given);
      const status = own(data, 'eventStatus');
      const cmp = `tcf:${cmpIdOf(data)}`;
      if (status === 'cmpuishown') report({ time, state: 'not-answered', cmp });
      else if (status === 'tcloaded')
        report(
          own(data, 'gdprApplies') === false
            ? { time, state: 'no-banner', cmp }
            : { time, state: tcfState(data as never), cmp, stored: true },
        );
      else if (status === 'useractioncomplete') report({ time, state: tcfState(data as never), cmp });
    } catch {
      // The CMP's data is the page's: whatever it holds, the CMP's own call must not fail because of the reader.
    }
  };
  const onGpp = (given: unknown, success: unknown) => {
    try {
      // A page with both APIs says it through TCF, read in full; GPP then adds nothing.
      if (success !== true || !given || tcf) return;
      const time = clock();
      const ping = own(copy(given), 'pingData');
      if (!ping) return;
      const cmp = `gpp:${cmpIdOf(ping)}`;
      if (own(ping, 'cmpDisplayStatus') === 'visible') {
        gppShown = true;
        report({ time, state: 'not-answered', cmp });
      } else if (own(ping, 'signalStatus') === 'ready') {
        const state = gppState(own(ping, 'parsedSections') as Record<string, unknown> | undefined);
        if (state) report(gppShown ? { time, state, cmp } : { time, state, cmp, stored: true });
      }
    } catch {
      // As for TCF.
    }
  };
  const onUsp = (given: unknown, success: unknown) => {
    try {
      // US Privacy has no events: its string as it is now. Only an opt-out says anything of a choice.
      if (success === true && !tcf && !gpp && uspOptedOut(own(copy(given), 'uspString')))
        report({ time: clock(), state: 'refused', cmp: 'usp', stored: true });
    } catch {
      // As for TCF: the page's string, or its CMP, may be anything.
    }
  };
  const look = () => {
    try {
      // Each API is looked up until found only: a getter of the page's runs no more often than it must.
      const tcfApi = tcf ? undefined : page.__tcfapi;
      if (!tcf && typeof tcfApi === 'function') {
        tcf = true;
        cmpFound = true;
        (tcfApi as Api)('addEventListener', 2, onTcf as never);
      }
      const gppApi = gpp ? undefined : page.__gpp;
      if (!gpp && typeof gppApi === 'function') {
        gpp = true;
        cmpFound = true;
        (gppApi as (command: string, callback: (data: never, success: boolean) => void) => unknown)(
          'addEventListener',
          onGpp as never,
        );
      }
      const uspApi = usp ? undefined : page.__uspapi;
      if (!usp && typeof uspApi === 'function') {
        usp = true;
        // A CMP all the same: the page is not one without a banner, whatever its string says.
        cmpFound = true;
        (uspApi as Api)('getUSPData', 1, onUsp as never);
      }
    } catch {
      // An API that throws is the page's fault; the page goes on as it would have.
    }
    return tcf && gpp;
  };
  const once = bare() as AddEventListenerOptions;
  once.once = true;
  const started = clock();
  const poll = () => {
    try {
      if (!look() && clock() - started < LOOK_FOR_MS) later(poll, LOOK_EVERY_MS);
    } catch {
      // Nothing of the reader's reaches the page's error handlers.
    }
  };
  poll();
  listenWindow(
    'load',
    () => {
      later(() => {
        try {
          look();
          if (!cmpFound) report({ time: clock(), state: 'no-banner' });
        } catch {
          // As above.
        }
      }, NO_BANNER_AFTER_LOAD_MS);
    },
    once,
  );
}
