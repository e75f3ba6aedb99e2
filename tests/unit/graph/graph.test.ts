import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../lib/graph/graph-data.ts';
import { LayoutRun } from '../../../lib/graph/layout.ts';

const flow = (site: string, company: string, requests = 1) => ({
  site,
  company,
  kind: 'tracker' as const,
  category: 'advertising',
  requests,
});

describe('buildGraph', () => {
  it('has one node per site and per company, one edge per connection, with degrees', () => {
    const g = buildGraph([flow('a.com', 'google'), flow('b.com', 'google'), flow('b.com', 'meta')]);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['c:google', 'c:meta', 's:a.com', 's:b.com']);
    expect(g.edges).toHaveLength(3);
    expect(g.nodes.find((n) => n.id === 'c:google')?.degree).toBe(2);
    expect(g.nodes.find((n) => n.id === 's:b.com')?.degree).toBe(2);
    expect(g.totalEdges).toBe(3);
  });

  it('keeps a site and a company with the same name apart', () => {
    const g = buildGraph([flow('example.com', 'site:example.com'), flow('example.com', 'google')]);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['c:google', 'c:site:example.com', 's:example.com']);
  });

  it('keeps the connections with the most requests when over the cap, and counts the rest', () => {
    const g = buildGraph([flow('a.com', 'x', 1), flow('a.com', 'y', 50), flow('b.com', 'z', 20)], 2);
    const kept = g.edges.map((e) => g.nodes[e.target]?.key).sort();
    expect(kept).toEqual(['y', 'z']);
    expect(g.totalEdges).toBe(3);
    expect(g.nodes.some((n) => n.key === 'x')).toBe(false);
  });

  it('starts each site near its companies, the same way every time', () => {
    const flows = [flow('a.com', 'google'), flow('b.com', 'meta'), flow('c.com', 'meta')];
    const g = buildGraph(flows);
    const at = (id: string) => g.nodes.find((n) => n.id === id) as { x: number; y: number };
    const dist = (a: string, b: string) => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);
    expect(dist('s:b.com', 'c:meta')).toBeLessThan(dist('s:b.com', 'c:google'));
    expect(buildGraph(flows).nodes).toEqual(g.nodes);
  });
});

describe('LayoutRun', () => {
  // Two companies, each with its own 30 sites, plus one site both reach.
  const flows = [
    ...Array.from({ length: 30 }, (_, i) => flow(`a${i}.com`, 'alpha')),
    ...Array.from({ length: 30 }, (_, i) => flow(`b${i}.com`, 'beta')),
    flow('shared.com', 'alpha'),
    flow('shared.com', 'beta'),
  ];
  const start = () => {
    const g = buildGraph(flows);
    return {
      g,
      run: new LayoutRun({
        type: 'start',
        positions: new Float32Array(g.nodes.flatMap((n) => [n.x, n.y])),
        sizes: new Float32Array(g.nodes.map(() => 2)),
        edges: new Uint32Array(g.edges.flatMap((e) => [e.source, e.target])),
      }),
    };
  };

  it('settles by itself, with every position a finite number', () => {
    const { g, run } = start();
    let reply = run.step();
    let steps = 1;
    while (!reply.done && steps < 1000) {
      reply = run.step();
      steps++;
    }
    expect(reply.done).toBe(true);
    expect(reply.iterations).toBeLessThanOrEqual(3000);
    expect(reply.positions).toHaveLength(g.nodes.length * 2);
    expect([...reply.positions].every(Number.isFinite)).toBe(true);
  });

  it('puts a company’s sites closer to it than to the other company', () => {
    const { g, run } = start();
    let reply = run.step();
    while (!reply.done) reply = run.step();
    const at = (id: string) => {
      const i = g.nodes.findIndex((n) => n.id === id);
      return { x: reply.positions[i * 2] as number, y: reply.positions[i * 2 + 1] as number };
    };
    const dist = (a: string, b: string) => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);
    for (let i = 0; i < 30; i++) {
      expect(dist(`s:a${i}.com`, 'c:alpha')).toBeLessThan(dist(`s:a${i}.com`, 'c:beta'));
      expect(dist(`s:b${i}.com`, 'c:beta')).toBeLessThan(dist(`s:b${i}.com`, 'c:alpha'));
    }
  });

  it('runs again after a restart', () => {
    const { run } = start();
    let reply = run.step();
    while (!reply.done) reply = run.step();
    run.restart();
    expect(run.step()).toMatchObject({ done: false, iterations: 5 });
  });
});
