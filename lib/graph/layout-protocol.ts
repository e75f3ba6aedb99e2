/** Messages between the graph view and its layout worker. Nodes are numbered in GraphData order. */
export type LayoutRequest =
  | { type: 'start'; positions: Float32Array; sizes: Float32Array; edges: Uint32Array }
  | { type: 'stop' }
  | { type: 'resume' };

export type LayoutReply = {
  type: 'positions';
  /** x, y per node. */
  positions: Float32Array;
  iterations: number;
  /** The layout has settled (or reached its limit) and stopped by itself. */
  done: boolean;
};
