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
  const reflectGet = Reflect.get;
  const reflectApply = Reflect.apply;
  const bind = Function.prototype.bind;
  const then = Promise.prototype.then;
  const settled = Promise.resolve();
  const ignore = () => undefined;
  /**
   * Calls `f` (the page's: its CMP, a getter, a Proxy's traps) in a promise job of its own, started by nothing but
   * natives, so that no frame of the reader's is on the stack while the page's code runs: an Error made there, and a
   * page's `Error.prepareStackTrace`, which sees each frame's file, find only the page's and the browser's. What it
   * returns goes to `next`, in a job of its own too; what it throws is dropped (the page goes on as it would have).
   */
  const clean = (f: unknown, self: unknown, args: unknown[], next?: (value: unknown) => void) => {
    const job = callOf(bind as never, reflectApply, undefined, f, self, args) as () => unknown;
    const done = callOf(then as never, settled, job) as Promise<unknown>;
    const after = (value: unknown) => {
      try {
        next?.(value);
      } catch {
        // Nothing of the reader's reaches the page's handlers (a throw here would be an unhandled rejection).
      }
    };
    callOf(then as never, done, after, ignore);
  };
  /** The page's data as plain data of the reader's: serialised in a clean job, through the natives taken now. */
  const copy = (value: unknown, next: (data: unknown) => void) =>
    clean(stringify, undefined, [value], (text) => {
      if (typeof text !== 'string') return;
      let data: unknown;
      try {
        data = parse(text);
      } catch {
        return;
      }
      next(data);
    });
  const later = setTimeout;
  const clock = Date.now;
  const round = Math.round;
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
    if (success !== true || !given) return;
    const time = clock();
    copy(given, (data) => {
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
    });
  };
  const onGpp = (given: unknown, success: unknown) => {
    // A page with both APIs says it through TCF, read in full; GPP then adds nothing.
    if (success !== true || !given || tcf) return;
    const time = clock();
    copy(given, (event) => {
      const ping = own(event, 'pingData');
      if (!ping || tcf) return;
      const cmp = `gpp:${cmpIdOf(ping)}`;
      if (own(ping, 'cmpDisplayStatus') === 'visible') {
        gppShown = true;
        report({ time, state: 'not-answered', cmp });
      } else if (own(ping, 'signalStatus') === 'ready') {
        const state = gppState(own(ping, 'parsedSections') as Record<string, unknown> | undefined);
        if (state) report(gppShown ? { time, state, cmp } : { time, state, cmp, stored: true });
      }
    });
  };
  const onUsp = (given: unknown, success: unknown) => {
    // US Privacy has no events: its string as it is now. Only an opt-out says anything of a choice.
    if (success !== true || !given) return;
    const time = clock();
    copy(given, (data) => {
      if (!tcf && !gpp && uspOptedOut(own(data, 'uspString')))
        report({ time, state: 'refused', cmp: 'usp', stored: true });
    });
  };
  /** Looks an API up (a getter of the page's may run) in a job of its own, and calls it there once it is a function. */
  const find = (name: string, found: (api: unknown) => void) =>
    clean(reflectGet, undefined, [win, name], (api) => {
      if (typeof api === 'function') found(api);
    });
  // Each API is looked up until it is found only: a getter of the page's runs no more often than it must.
  const look = () => {
    if (!tcf)
      find('__tcfapi', (api) => {
        if (tcf) return;
        tcf = true;
        cmpFound = true;
        clean(api, win, ['addEventListener', 2, onTcf]);
      });
    if (!gpp)
      find('__gpp', (api) => {
        if (gpp) return;
        gpp = true;
        cmpFound = true;
        clean(api, win, ['addEventListener', onGpp]);
      });
    if (!usp)
      find('__uspapi', (api) => {
        if (usp) return;
        usp = true;
        // A CMP all the same: the page is not one without a banner, whatever its string says.
        cmpFound = true;
        clean(api, win, ['getUSPData', 1, onUsp]);
      });
  };
  const once = bare() as AddEventListenerOptions;
  once.once = true;
  const started = clock();
  const poll = () => {
    try {
      look();
      if (!(tcf && gpp) && clock() - started < LOOK_FOR_MS) later(poll, LOOK_EVERY_MS);
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
          const time = clock();
          // After the looks' jobs have run.
          later(() => {
            if (!cmpFound) report({ time, state: 'no-banner' });
          }, 0);
        } catch {
          // As above.
        }
      }, NO_BANNER_AFTER_LOAD_MS);
    },
    once,
  );
}
