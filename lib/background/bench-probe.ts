// Timings for `npm run bench`, in the bench build only (`wxt build --mode bench`, `.output/chrome-mv3-bench`).
// Every use sits behind `import.meta.env.MODE === 'bench'`, a constant at build time: in the shipped builds the
// branches are dead and this module is dropped whole (tests/e2e/shipped-build.e2e.ts checks the built files).
// Imported first by the background, so the time below is taken before any other module is evaluated.
import { BENCH_TIMINGS_MESSAGE, type BenchTimings } from './bench-protocol.ts';

/** performance.now() when the background script began to evaluate: what came before is the browser's share. */
const scriptStartMs = import.meta.env.MODE === 'bench' ? performance.now() : 0;

/** How many batches are kept, for the exposure window the bench reports. */
const KEPT_BATCHES = 200;

export class BenchProbe {
  private readonly timings: BenchTimings = {
    scriptStartMs,
    mainStartMs: performance.now(),
    listenersReadyMs: 0,
    indexReadyMs: null,
    batches: [],
  };

  listenersReady(): void {
    this.timings.listenersReadyMs = performance.now();
  }

  /** Wraps the tracker index's loader to note when it finished. */
  timeIndexLoad<T>(load: () => T): () => T {
    return () => {
      const loaded = load();
      this.timings.indexReadyMs ??= performance.now();
      return loaded;
    };
  }

  /**
   * The recorder's `onBatch`. A batch's exposure runs from its oldest event's request finishing (the browser's
   * timestamp) to the commit: the longest any of its events was only in memory.
   */
  readonly batch = ({ events, committedAt }: { events: readonly { time: number }[]; committedAt: number }) => {
    let oldest = committedAt;
    for (const e of events) if (e.time < oldest) oldest = e.time;
    this.timings.batches.push({ events: events.length, exposureMs: committedAt - oldest });
    if (this.timings.batches.length > KEPT_BATCHES) this.timings.batches.shift();
  };

  /** A `runtime.onMessage` listener: answers the bench's message, leaves every other to the real listener. */
  readonly answer = (message: unknown): Promise<BenchTimings> | undefined =>
    (message as { type?: unknown } | null)?.type === BENCH_TIMINGS_MESSAGE
      ? Promise.resolve(structuredClone(this.timings))
      : undefined;
}
