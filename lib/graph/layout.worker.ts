/**
 * Runs the graph layout off the page's thread: the page stays interactive while it runs, and a "stop" message is
 * handled between two steps (a macrotask apart), so stopping takes effect within one step.
 */
import { LayoutRun } from './layout.ts';
import type { LayoutReply, LayoutRequest } from './layout-protocol.ts';

let run: LayoutRun | undefined;
let running = false;

function step(): void {
  if (!running || !run) return;
  const reply: LayoutReply = run.step();
  if (reply.done) running = false;
  postMessage(reply, { transfer: [reply.positions.buffer] });
  if (running) setTimeout(step, 0);
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const message = event.data;
  if (message.type === 'start') {
    run = new LayoutRun(message);
    running = true;
    step();
  } else if (message.type === 'stop') {
    running = false;
  } else if (message.type === 'resume' && run && !running) {
    run.restart();
    running = true;
    step();
  }
};
