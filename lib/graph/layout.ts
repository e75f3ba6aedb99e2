import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { LayoutReply, LayoutRequest } from './layout-protocol.ts';

/** Iterations between two posts of positions: small enough to animate, large enough to keep messages few. */
const STEP = 5;
/** Stop once the mean move per node and iteration falls below this (in layout units), after a minimum run. */
const SETTLED = 0.01;
const MIN_ITERATIONS = 50;
const MAX_ITERATIONS = 3000;

/** ForceAtlas2 over a sites ↔ companies graph, a few iterations at a time (the worker drives it). */
export class LayoutRun {
  private readonly graph = new Graph({ type: 'undirected' });
  private readonly settings: ReturnType<typeof forceAtlas2.inferSettings>;
  private iterations = 0;

  constructor({ positions, sizes, edges }: Extract<LayoutRequest, { type: 'start' }>) {
    const g = this.graph;
    for (let n = 0; n < sizes.length; n++) {
      g.addNode(n, { x: positions[n * 2], y: positions[n * 2 + 1], size: sizes[n] });
    }
    for (let e = 0; e + 1 < edges.length; e += 2) g.mergeEdge(edges[e], edges[e + 1]);
    // Barnes-Hut makes repulsion O(n log n): needed from a few hundred nodes on.
    this.settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 500 };
  }

  /** Runs a few iterations and returns the new positions; `done` once the layout has settled. */
  step(): LayoutReply {
    const g = this.graph;
    const before = this.positions();
    forceAtlas2.assign(g, { iterations: STEP, settings: this.settings, getEdgeWeight: null });
    this.iterations += STEP;
    const positions = this.positions();
    let moved = 0;
    for (let i = 0; i < positions.length; i++) moved += Math.abs((positions[i] as number) - (before[i] as number));
    const meanMove = g.order ? moved / g.order / STEP : 0;
    const done =
      (this.iterations >= MIN_ITERATIONS && meanMove < SETTLED) || this.iterations >= MAX_ITERATIONS || g.order < 2;
    return { type: 'positions', positions, iterations: this.iterations, done };
  }

  /** Lets a resumed layout run its minimum again before it may settle. */
  restart(): void {
    this.iterations = 0;
  }

  private positions(): Float32Array {
    const out = new Float32Array(this.graph.order * 2);
    let i = 0;
    this.graph.forEachNode((_, a) => {
      out[i++] = a.x as number;
      out[i++] = a.y as number;
    });
    return out;
  }
}
