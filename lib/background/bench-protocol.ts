// What the bench build's probe (bench-probe.ts) answers, shared with the bench that asks (scripts/browser.ts). A
// module of its own, without `import.meta.env`, so Node scripts can import it.

/** The message the bench sends from an extension page to read the timings. Not part of the pages' protocol. */
export const BENCH_TIMINGS_MESSAGE = 'bench/timings';

/** Cold-start timings, in ms since the worker started (performance.now() in a service worker), and recent batches. */
export interface BenchTimings {
  scriptStartMs: number;
  mainStartMs: number;
  listenersReadyMs: number;
  /** Null until the tracker index was loaded. */
  indexReadyMs: number | null;
  /** Per committed batch, oldest first: its size and the time from its first event's arrival to its commit. */
  batches: { events: number; exposureMs: number }[];
}
